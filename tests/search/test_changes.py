from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search import index, query
from search.models import SearchChange
from tests.events.factories import EventFactory
from tests.factories import ProjectFactory


def test_adding_a_transition_to_a_project_reaches_the_change_log(db, bergkamen, transitions):
    project = ProjectFactory(title="Lesepaten", municipality=bergkamen)
    SearchChange.objects.all().delete()

    project.transitions.add(transitions[0])

    assert list(SearchChange.objects.values_list("kind", "object_id")) == [("project", project.pk)]


def test_fachtag_follows_the_change_log_into_the_index(db, transitions):
    index.rebuild()
    event = EventFactory(title="Fachtag Eingewöhnung")
    event.transitions.add(transitions[1])

    assert query.matching_ids("event", "Eingewöhnung Kita") == [event.pk]

    event.is_published = False
    event.save()

    assert query.matching_ids("event", "Eingewöhnung") == []


def test_migration_logs_the_published_fachtage_for_every_index_copy(db):
    event = EventFactory(title="Fachtag Eingewöhnung")
    EventFactory(title="Entwurf", is_published=False)
    executor = MigrationExecutor(connection)
    executor.migrate([("search", "0001_change_log")])
    SearchChange.objects.all().delete()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert list(SearchChange.objects.values_list("kind", "object_id")) == [("event", event.pk)]
