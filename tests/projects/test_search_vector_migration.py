"""Dropping ``Project.search_vector`` can be undone, and project writes keep their derived columns.

The migrations run backwards and forwards inside the test's transaction (PostgreSQL rolls DDL back too),
so the reused test database is left as it was.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from projects.models import Project

from ..factories import ProjectFactory

pytestmark = pytest.mark.django_db

BEFORE = [("projects", "0016_life_phases")]


def _columns() -> set[str]:
    with connection.cursor() as cursor:
        return {column.name for column in connection.introspection.get_table_description(cursor, "projects_project")}


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, "projects_project"))


def _search_vector(project_pk: int) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM projects_project WHERE id = %s", [project_pk])
        return cursor.fetchone()[0]


def _migrate(targets) -> None:
    with connection.cursor() as cursor:
        # Deferred foreign-key checks pending from the inserts would block altering the table.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def test_search_vector_is_dropped_and_comes_back_filled_when_migrating_back(bergkamen, transitions):
    project = ProjectFactory(title="Lesepaten", municipality=bergkamen)

    assert ("search_vector" in _columns(), "project_search_vector_gin" in _indexes()) == (False, False)

    _migrate(BEFORE)
    assert "'lesepat':1A" in _search_vector(project.pk)
    assert "project_search_vector_gin" in _indexes()

    _migrate(None)  # forwards again
    project.transitions.add(transitions[1])  # the trigger fills the other derived columns as before

    assert "search_vector" not in _columns()
    assert Project.objects.get(pk=project.pk).transition_ids == [transitions[1].pk]
