import pytest
import tantivy

from projects.models import MunicipalityContact, Project
from search import index
from search.documents import KINDS, build
from search.models import SearchChange
from tests.factories import MunicipalityFactory, NetworkFactory, ProjectFactory
from tests.own_connection import committed


def indexed_titles(path) -> list[str]:
    searcher = index._open.get(path).searcher()
    query = tantivy.Query.term_query(index.SCHEMA, "kind", "project")
    hits = searcher.search(query, 100).hits
    ids = searcher.fast_field_values("pk", [address for _score, address in hits])
    return sorted(Project.objects.filter(pk__in=ids).values_list("title", flat=True))


def test_each_server_copy_follows_the_change_log_on_its_own(db, bergkamen, tmp_path):
    first, second = tmp_path / "server-1", tmp_path / "server-2"
    index.rebuild(path=first)
    index.rebuild(path=second)

    ProjectFactory(title="Lesepaten", municipality=bergkamen)
    index.sync(path=first)
    index.sync(path=second)

    assert indexed_titles(first) == ["Lesepaten"]
    assert indexed_titles(second) == ["Lesepaten"]


def test_change_committed_late_with_a_lower_id_is_still_applied(db, bergkamen, tmp_path):
    path = tmp_path / "server"
    index.rebuild(path=path)
    reserved = SearchChange.objects.create(kind="project", object_id=0)  # an id taken by a slow transaction
    reserved.delete()
    ProjectFactory(title="Erstes Projekt", municipality=bergkamen)
    index.sync(path=path)
    # The slow transaction commits only now, with its lower id (written by hand: no signal).
    late = ProjectFactory.build(title="Spätes Projekt", municipality=bergkamen)
    Project.objects.bulk_create([late])
    SearchChange.objects.create(pk=reserved.pk, kind="project", object_id=late.pk)

    index.sync(path=path)

    assert indexed_titles(path) == ["Erstes Projekt", "Spätes Projekt"]


def test_unpublished_project_leaves_the_index_at_the_next_sync(db, bergkamen, tmp_path):
    path = tmp_path / "server"
    project = ProjectFactory(title="Kita-Lotsen", municipality=bergkamen)
    index.rebuild(path=path)

    project.status = Project.Status.ARCHIVED
    project.save()
    index.sync(path=path)

    assert indexed_titles(path) == []


def _create_committed_project() -> int:
    return ProjectFactory(title="Lesepaten", municipality=MunicipalityFactory(name="Bergkamen (Indextest)")).pk


def _delete_committed_project(project_pk: int) -> None:
    project = Project.objects.get(pk=project_pk)
    municipality = project.municipality
    project.delete()
    municipality.delete()
    Project.history.filter(id=project_pk).delete()


@pytest.fixture
def committed_project(db):
    """A published project committed for real, so the server threads see it."""
    with committed(_create_committed_project, _delete_committed_project) as project_pk:
        yield project_pk


def test_servers_processes_that_find_no_index_build_it_once_without_breaking_each_other(committed_project, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    path = tmp_path / "shared"

    def first_search() -> None:
        try:
            index.sync(path=path)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        for future in [pool.submit(first_search) for _ in range(4)]:
            future.result()

    assert indexed_titles(path) == ["Lesepaten"]


def test_search_documents_hold_no_contact_of_a_kommune(db, bergkamen):
    # A Kommune's contacts are not searchable at all, so one without consent cannot be found either.
    MunicipalityContact.objects.create(municipality=bergkamen, name="Geheim Person", email="geheim@bergkamen.example")
    ProjectFactory(municipality=bergkamen, title="Willkommensbesuche")
    NetworkFactory(name="AK Frühe Hilfen", municipalities=[bergkamen])

    documents = [document for kind in KINDS for document in build(kind, None)]

    assert sorted(document.title for document in documents) == ["AK Frühe Hilfen", "Willkommensbesuche"]
    assert [d.key for d in documents if "geheim" in str(d.as_dict()).lower()] == []
