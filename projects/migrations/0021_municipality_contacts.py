"""A Kommune has several contacts (``MunicipalityContact``) instead of one set of contact fields.

Each existing contact becomes one row and keeps its consent; its pending edit (a coordinator's change
waiting for review) becomes a proposed list of contacts. The consent had no date: the day of this
migration is the latest on which it is known to have held.
"""

from django.db import migrations, models
from django.utils import timezone

OLD_COLUMNS = {"contact_name": "name", "contact_role": "role", "contact_email": "email", "contact_phone": "phone"}


def _contact(values: dict, consent_day) -> dict | None:
    row = {new: (values.get(old) or "").strip() for old, new in OLD_COLUMNS.items()}
    if not any(row.values()):
        return None
    is_public = bool(values.get("contact_is_public")) and bool(row["name"])
    # The old rule allowed a contact without a name if it was not public; a contact row needs one.
    row["name"] = row["name"] or row["role"] or row["email"] or row["phone"]
    return {**row, "is_public": is_public, "consent_given_on": consent_day if is_public else None, "position": 1}


def move_contacts(apps, schema_editor):
    Municipality = apps.get_model("projects", "Municipality")
    MunicipalityContact = apps.get_model("projects", "MunicipalityContact")
    today = timezone.localdate()
    for municipality in Municipality.objects.all():
        live = {name: getattr(municipality, name) for name in [*OLD_COLUMNS, "contact_is_public"]}
        contact = _contact(live, today)
        if contact is not None:
            MunicipalityContact.objects.create(municipality=municipality, **contact)
        pending = municipality.pending_changes or {}
        if any(name in pending for name in live):
            proposed = _contact({**live, **pending}, today.isoformat())  # as pending_changes stores dates
            others = {name: value for name, value in pending.items() if name not in live}
            municipality.pending_changes = {**others, "contacts": [] if proposed is None else [proposed]}
            municipality.save(update_fields=["pending_changes"])
    # The new rows' deferred foreign-key checks would keep the next steps from altering the Kommune table.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def grant_editing(apps, schema_editor):
    """Whoever may see the Kommunen edits their contacts: a Koordinator only their own Kommune's (the
    admin's scope), and for review (projects.services.municipality_profile_save)."""
    # Permissions are normally created after all migrations ran; the groups need these four now. Only
    # these: creating the whole app's would race the renaming of the permissions of renamed models.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="projects", model="municipalitycontact")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_municipalitycontact",
            defaults={"name": f"Can {action} Ansprechperson"},
        )[0]
        for action in ("add", "change", "delete", "view")
    ]
    for group in Group.objects.filter(
        permissions__content_type__app_label="projects", permissions__codename="view_municipality"
    ):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0020_action_fields_and_social_areas"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="MunicipalityContact",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120, verbose_name="Ansprechperson")),
                ("role", models.CharField(blank=True, max_length=120, verbose_name="Funktion")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="E-Mail")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="Telefon")),
                (
                    "is_public",
                    models.BooleanField(
                        default=False,
                        help_text="Nur mit Einverständnis der Ansprechperson ankreuzen.",
                        verbose_name="Darf veröffentlicht werden",
                    ),
                ),
                (
                    "consent_given_on",
                    models.DateField(
                        blank=True,
                        help_text="Leer gelassen gilt der heutige Tag.",
                        null=True,
                        verbose_name="Einverständnis vom",
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="Reihenfolge")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=models.deletion.CASCADE,
                        related_name="contacts",
                        to="projects.municipality",
                        verbose_name="Kommune",
                    ),
                ),
            ],
            options={
                "verbose_name": "Ansprechperson",
                "verbose_name_plural": "Ansprechpersonen",
                "ordering": ["position", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("is_public", False), ("consent_given_on__isnull", False), _connector="OR"),
                        name="municipalitycontact_public_has_consent_date",
                    )
                ],
            },
        ),
        migrations.RunPython(move_contacts, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="municipality", name="municipality_public_contact_has_name"),
        migrations.RemoveField(model_name="municipality", name="contact_email"),
        migrations.RemoveField(model_name="municipality", name="contact_is_public"),
        migrations.RemoveField(model_name="municipality", name="contact_name"),
        migrations.RemoveField(model_name="municipality", name="contact_phone"),
        migrations.RemoveField(model_name="municipality", name="contact_role"),
        migrations.RunPython(grant_editing, migrations.RunPython.noop),
    ]
