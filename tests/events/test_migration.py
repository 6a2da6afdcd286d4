"""Moving the Fachtage out of ``steering`` keeps what a running installation already has.

The migrations run backwards and forwards inside the test's transaction (PostgreSQL rolls DDL back too),
so the reused test database is left as it was.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from events.models import Event, EventRegistration

pytestmark = pytest.mark.django_db

BEFORE = [("steering", "0002_seed_criteria_indicators_roles"), ("events", None)]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


def _grants(role: str, **permission_filter) -> dict[str, int]:
    """The role group's permissions as codename → id."""
    permissions = Group.objects.get(name=role).permissions.filter(**permission_filter)
    return dict(permissions.values_list("codename", "pk"))


def _tables() -> set[str]:
    return set(connection.introspection.table_names())


def test_moving_events_keeps_rows_content_types_and_group_permissions():
    executor = _migrate(BEFORE)
    # The state before projects renamed the Handlungsfeld model, which waits for the Fachtage to move.
    old = executor.loader.project_state([BEFORE[0], ("projects", "0019_review_fields_shared")]).apps
    starts_at = timezone.now() + datetime.timedelta(days=10)
    event = old.get_model("steering", "Event").objects.create(
        title="Fachtag Übergänge",
        slug="fachtag-uebergaenge",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=6),
        place="Kreishaus Unna",
        capacity=20,
    )
    event.fields.add(old.get_model("projects", "Field").objects.create(name="Bildung", position=1))
    user = old.get_model("accounts", "User").objects.create(username="koordination-test")
    registration = old.get_model("steering", "EventRegistration").objects.create(event=event, user=user)
    content_type_ids = {
        model: ContentType.objects.get(app_label="steering", model=model).pk for model in ["event", "eventregistration"]
    }
    koordinator_grants = _grants("Koordinator", content_type_id__in=content_type_ids.values())
    with connection.cursor() as cursor:
        # Deferred foreign-key checks pending from the inserts would block renaming the tables.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    executor = _migrate(executor.loader.graph.leaf_nodes())

    moved = Event.objects.get(pk=event.pk)
    assert (moved.title, [field.name for field in moved.action_fields.all()]) == ("Fachtag Übergänge", ["Bildung"])
    assert EventRegistration.objects.get().pk == registration.pk
    assert {model: ContentType.objects.get_for_model(model).pk for model in [Event, EventRegistration]} == {
        Event: content_type_ids["event"],
        EventRegistration: content_type_ids["eventregistration"],
    }
    assert sorted(koordinator_grants) == ["view_event", "view_eventregistration"]
    assert _grants("Koordinator", content_type__app_label="events") == koordinator_grants
    assert not ContentType.objects.filter(app_label="steering", model__in=["event", "eventregistration"]).exists()
    tables = _tables()
    assert {
        "events_event",
        "events_event_action_fields",
        "events_event_transitions",
        "events_eventregistration",
    } <= tables
    assert not {table for table in tables if table.startswith("steering_event")}


def test_role_groups_hold_their_permissions_on_events_after_a_fresh_migrate():
    grants = {
        group.name: sorted(
            group.permissions.filter(content_type__app_label="events").values_list("codename", flat=True)
        )
        for group in Group.objects.filter(name__in=["Koordinator", "Steuerungsgruppe", "Redaktion"])
    }

    every = sorted(
        f"{action}_{model}"
        for action in ["add", "change", "delete", "view"]
        for model in ["event", "eventregistration"]
    )
    assert grants == {
        "Koordinator": ["view_event", "view_eventregistration"],
        "Steuerungsgruppe": every,
        "Redaktion": every,
    }
