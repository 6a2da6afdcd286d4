"""Fachtage move from ``steering`` into their own app, keeping every row, content type and permission.

First the models appear in this app's state on the existing tables (no SQL), then the tables are renamed to
this app's names (their many-to-many tables with them), then the content types move over, so the
permissions, the role groups' grants (``steering.0002``) and the admin log keep pointing at them.
``steering.0003`` removes the models from the steering state.
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["event", "eventregistration"]


def move_content_types(apps, schema_editor, source="steering", target="events"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        # A content type of the target app exists only if permissions were created before this ran; it
        # carries no grants yet, so the one of the source app with its grants takes its place.
        ContentType.objects.filter(app_label=target, model=model).delete()
        ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="events", target="steering")


class Migration(migrations.Migration):
    # Written against the model names before projects' rename of Field and District.
    run_before = [("projects", "0020_action_fields_and_social_areas")]
    initial = True

    dependencies = [
        ("steering", "0002_seed_criteria_indicators_roles"),
        ("projects", "0003_review_and_history"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Event",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=200, verbose_name="Titel")),
                        (
                            "slug",
                            models.SlugField(blank=True, max_length=80, unique=True, verbose_name="Kurzname (URL)"),
                        ),
                        ("starts_at", models.DateTimeField(verbose_name="Beginn")),
                        ("ends_at", models.DateTimeField(verbose_name="Ende")),
                        ("place", models.CharField(max_length=200, verbose_name="Ort")),
                        ("address", models.TextField(blank=True, verbose_name="Anschrift")),
                        ("description", models.TextField(blank=True, verbose_name="Beschreibung")),
                        (
                            "programme",
                            models.TextField(
                                blank=True, help_text="Eine Zeile pro Programmpunkt.", verbose_name="Programm"
                            ),
                        ),
                        (
                            "capacity",
                            models.PositiveSmallIntegerField(
                                validators=[django.core.validators.MinValueValidator(1)], verbose_name="Plätze"
                            ),
                        ),
                        ("registration_open", models.BooleanField(default=True, verbose_name="Anmeldung offen")),
                        ("is_published", models.BooleanField(default=True, verbose_name="veröffentlicht")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="angelegt")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="geändert")),
                        (
                            "fields",
                            models.ManyToManyField(
                                blank=True, related_name="events", to="projects.field", verbose_name="Handlungsfelder"
                            ),
                        ),
                        (
                            "transitions",
                            models.ManyToManyField(
                                blank=True, related_name="events", to="projects.transition", verbose_name="Übergänge"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Fachtag",
                        "verbose_name_plural": "Fachtage",
                        "ordering": ["starts_at"],
                        "db_table": "steering_event",
                    },
                ),
                migrations.CreateModel(
                    name="EventRegistration",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("confirmed", "angemeldet"),
                                    ("waiting", "Warteliste"),
                                    ("cancelled", "abgemeldet"),
                                ],
                                default="confirmed",
                                max_length=10,
                                verbose_name="Status",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="angemeldet am")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="geändert")),
                        (
                            "event",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="registrations",
                                to="events.event",
                                verbose_name="Fachtag",
                            ),
                        ),
                        (
                            "municipality",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="event_registrations",
                                to="projects.municipality",
                                verbose_name="Kommune",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="event_registrations",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Person",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Anmeldung zum Fachtag",
                        "verbose_name_plural": "Anmeldungen zu Fachtagen",
                        "ordering": ["event__starts_at", "created_at", "pk"],
                        "db_table": "steering_eventregistration",
                    },
                ),
                migrations.AddConstraint(
                    model_name="event",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("ends_at__gt", models.F("starts_at"))), name="event_ends_after_start"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="event",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("capacity__gte", 1)), name="event_capacity_positive"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="eventregistration",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("status", "cancelled"), _negated=True),
                        fields=("event", "user"),
                        name="eventregistration_one_active_per_user",
                        violation_error_message="Sie sind für diesen Fachtag bereits angemeldet.",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="event", table=None),
        migrations.AlterModelTable(name="eventregistration", table=None),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
