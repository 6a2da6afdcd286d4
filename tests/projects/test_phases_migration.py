"""Adding the life phases keeps every project's transitions and gives it the phases they bridge.

The migrations run backwards and forwards inside the test's transaction (PostgreSQL rolls DDL back too),
so the reused test database is left as it was.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from projects.models import LifePhase, Project, Transition

pytestmark = pytest.mark.django_db

BEFORE = [("projects", "0015_drop_search_counters")]
TRANSITIONS = [
    ("geburt", "Schwangerschaft & Geburt"),
    ("kita", "Übergang in die Kita"),
    ("grundschule", "Übergang in die Grundschule"),
    ("sekundarstufe", "Übergang in die Sekundarstufe"),
    ("beruf", "Übergang Schule–Beruf"),
]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


def test_life_phases_migration_keeps_transitions_and_adds_the_phases_they_bridge():
    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldTransition = old.get_model("projects", "Transition")
    transitions = {
        slug: OldTransition.objects.create(name=name, slug=slug, short_name=slug, position=position)
        for position, (slug, name) in enumerate(TRANSITIONS, start=1)
    }
    town = old.get_model("projects", "Municipality").objects.create(
        name="Bergkamen", slug="bergkamen", kind="town", has_own_youth_office=True
    )
    OldProject = old.get_model("projects", "Project")
    early = OldProject.objects.create(municipality=town, title="Willkommensbesuche", slug="willkommen", summary="…")
    early.transitions.set([transitions["geburt"], transitions["kita"]])
    school = OldProject.objects.create(municipality=town, title="Lernpaten", slug="lernpaten", summary="…")
    school.transitions.set([transitions["sekundarstufe"]])
    OldProject.objects.create(municipality=town, title="Ohne Übergang", slug="ohne", summary="…")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    _migrate(executor.loader.graph.leaf_nodes())

    assert list(LifePhase.objects.values_list("position", "name", "age_band")) == [
        (1, "Schwangerschaft und Geburt", "0-2"),
        (2, "0–3 Jahre", "0-2"),
        (3, "Kita", "3-5"),
        (4, "Grundschule", "6-9"),
        (5, "Sekundarstufe I", "10-15"),
        (6, "Sekundarstufe II / Schule–Beruf", "16-18"),
    ]
    bridges = [
        (t.slug, t.phase_before.name, t.phase_after.name)
        for t in Transition.objects.select_related("phase_before", "phase_after")
    ]
    assert bridges == [
        ("geburt", "Schwangerschaft und Geburt", "0–3 Jahre"),
        ("kita", "0–3 Jahre", "Kita"),
        ("grundschule", "Kita", "Grundschule"),
        ("sekundarstufe", "Grundschule", "Sekundarstufe I"),
        ("beruf", "Sekundarstufe I", "Sekundarstufe II / Schule–Beruf"),
    ]
    kept = {
        project.title: (
            [t.slug for t in project.transitions.order_by("position")],
            [p.name for p in project.phases.order_by("position")],
        )
        for project in Project.objects.all()
    }
    assert kept == {
        "Willkommensbesuche": (["geburt", "kita"], ["Schwangerschaft und Geburt", "0–3 Jahre", "Kita"]),
        "Lernpaten": (["sekundarstufe"], ["Grundschule", "Sekundarstufe I"]),
        "Ohne Übergang": ([], []),
    }
