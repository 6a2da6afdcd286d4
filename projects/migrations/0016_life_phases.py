"""Life phases beside the transitions: the managed, ordered taxonomy ``LifePhase``, the phases a transition
bridges (``Transition.phase_before`` / ``phase_after``) and ``Project.phases``.

The six phases, in chain order, with the age band their children are counted in:
Schwangerschaft und Geburt (0–2), 0–3 Jahre (0–2), Kita (3–5), Grundschule (6–9), Sekundarstufe I (10–15),
Sekundarstufe II / Schule–Beruf (16–18).

Mapping of the five transitions (by slug) onto the two phases each bridges:
    geburt         Schwangerschaft und Geburt → 0–3 Jahre
    kita           0–3 Jahre                  → Kita
    grundschule    Kita                       → Grundschule
    sekundarstufe  Grundschule                → Sekundarstufe I
    beruf          Sekundarstufe I            → Sekundarstufe II / Schule–Beruf

Every existing project gets both phases of every transition it names: a project at a transition works with
the children and families on both sides of it (the Kita transition: families before and in the first Kita
year). Nothing is removed, the transitions stay as they are, so the step loses nothing; Koordinatoren can
narrow a project's phases afterwards. Transitions that are already placed, or whose slug is not one of the
five, are left alone. The version history is not rewritten: the next version of a project records its phases.
A database without transitions (a new installation) gets no phases either: like the transitions, they come
from the demo content or the admin.
"""

import django.db.models.deletion
import simple_history.models
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

# (slug, name, short name, age band), in chain order; position = index + 1.
PHASES = [
    ("schwangerschaft", "Schwangerschaft und Geburt", "Schwangerschaft/Geburt", "0-2"),
    ("0-3-jahre", "0–3 Jahre", "0–3 Jahre", "0-2"),
    ("kita", "Kita", "Kita", "3-5"),
    ("grundschule", "Grundschule", "Grundschule", "6-9"),
    ("sekundarstufe-1", "Sekundarstufe I", "Sek. I", "10-15"),
    ("schule-beruf", "Sekundarstufe II / Schule–Beruf", "Schule–Beruf", "16-18"),
]
# transition slug: (phase before, phase after)
BRIDGES = {
    "geburt": ("schwangerschaft", "0-3-jahre"),
    "kita": ("0-3-jahre", "kita"),
    "grundschule": ("kita", "grundschule"),
    "sekundarstufe": ("grundschule", "sekundarstufe-1"),
    "beruf": ("sekundarstufe-1", "schule-beruf"),
}


def create_phases_from_transitions(apps, schema_editor):
    LifePhase = apps.get_model("projects", "LifePhase")
    Transition = apps.get_model("projects", "Transition")
    Project = apps.get_model("projects", "Project")
    if not Transition.objects.exists():
        return
    phases = {}
    for position, (slug, name, short_name, age_band) in enumerate(PHASES, start=1):
        phases[slug], _created = LifePhase.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "short_name": short_name, "age_band": age_band, "position": position},
        )
    for slug, (before, after) in BRIDGES.items():
        Transition.objects.filter(slug=slug, phase_before=None, phase_after=None).update(
            phase_before=phases[before], phase_after=phases[after]
        )
    bridged = {
        pk: [phase for phase in (before, after) if phase]
        for pk, before, after in Transition.objects.values_list("pk", "phase_before_id", "phase_after_id")
    }
    links = Project.transitions.through.objects.values_list("project_id", "transition_id")
    pairs = {(project_id, phase_id) for project_id, transition_id in links for phase_id in bridged[transition_id]}
    Through = Project.phases.through
    Through.objects.bulk_create(
        [Through(project_id=project_id, lifephase_id=phase_id) for project_id, phase_id in sorted(pairs)],
        ignore_conflicts=True,
    )


def grant_like_transitions(apps, schema_editor):
    """Each role may do with the life phases what it may do with the transitions (Koordinator: view)."""
    # Permissions are normally created after all migrations ran; the groups need them now.
    app_config = apps.get_app_config("projects")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    phase_permissions = {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label="projects", codename__endswith="_lifephase")
    }
    for group in Group.objects.all():
        for codename in group.permissions.filter(
            content_type__app_label="projects", codename__endswith="_transition"
        ).values_list("codename", flat=True):
            permission = phase_permissions.get(codename.replace("_transition", "_lifephase"))
            if permission:
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0015_drop_search_counters"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        migrations.AlterField(
            model_name="project",
            name="transitions",
            field=models.ManyToManyField(
                blank=True,
                help_text="Die Übergänge zwischen zwei Lebensphasen, die das Projekt begleitet.",
                related_name="projects",
                to="projects.transition",
                verbose_name="Übergänge",
            ),
        ),
        migrations.CreateModel(
            name="LifePhase",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120, unique=True, verbose_name="Name")),
                ("slug", models.SlugField(blank=True, max_length=80, unique=True, verbose_name="Kurzname (URL)")),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="Reihenfolge")),
                ("short_name", models.CharField(blank=True, max_length=40, verbose_name="Kurzbezeichnung")),
                (
                    "age_band",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("0-2", "0–2 Jahre"),
                            ("3-5", "3–5 Jahre"),
                            ("6-9", "6–9 Jahre"),
                            ("10-15", "10–15 Jahre"),
                            ("16-18", "16–18 Jahre"),
                            ("19-24", "19–24 Jahre"),
                        ],
                        help_text="Für wen die Projekte in dieser Lebensphase arbeiten (Projekte je 1 000 Kinder).",
                        max_length=5,
                        verbose_name="Altersgruppe",
                    ),
                ),
            ],
            options={
                "verbose_name": "Lebensphase",
                "verbose_name_plural": "Lebensphasen",
                "ordering": ["position", "name"],
                "abstract": False,
                "constraints": [models.UniqueConstraint(fields=("position",), name="lifephase_unique_position")],
            },
        ),
        migrations.CreateModel(
            name="HistoricalProject_phases",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="projects.historicalproject",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.project",
                    ),
                ),
                (
                    "lifephase",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="projects.lifephase",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalProject_phases",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="project",
            name="phases",
            field=models.ManyToManyField(
                blank=True,
                help_text="Die Lebensphasen, in denen das Projekt mit Kindern und Familien arbeitet.",
                related_name="projects",
                to="projects.lifephase",
                verbose_name="Lebensphasen",
            ),
        ),
        migrations.AddField(
            model_name="transition",
            name="phase_after",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="transitions_in",
                to="projects.lifephase",
                verbose_name="in Lebensphase",
            ),
        ),
        migrations.AddField(
            model_name="transition",
            name="phase_before",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="transitions_out",
                to="projects.lifephase",
                verbose_name="von Lebensphase",
            ),
        ),
        migrations.RunPython(create_phases_from_transitions, migrations.RunPython.noop),
        migrations.RunPython(grant_like_transitions, migrations.RunPython.noop),
    ]
