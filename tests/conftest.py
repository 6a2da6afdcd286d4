import pytest

from .factories import MunicipalityFactory, make_coordinator, make_phases, make_steering_member, make_transitions
from .module_data import module_records, run_load_demo


@pytest.fixture(autouse=True)
def search_index_dir(tmp_path, monkeypatch):
    """Each test gets its own empty search index; it is built from the test's database on first use.

    Patched on the settings object itself: pytest-django's ``settings`` fixture would hide
    ``SETTINGS_MODULE``, which ``load_demo`` reads.
    """
    from django.conf import settings

    monkeypatch.setattr(settings, "SEARCH_INDEX_DIR", tmp_path / "search")
    return settings.SEARCH_INDEX_DIR


@pytest.fixture
def transitions(db):
    """The five transitions of the prevention chain, in order."""
    return make_transitions()


@pytest.fixture
def phases(transitions):
    """The six life phases, in order; each of the five transitions bridges two neighbouring ones."""
    return make_phases(transitions)


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker) -> str:
    """The demo content, loaded once per module (see ``module_records``); what ``load_demo`` printed."""
    yield from module_records(django_db_blocker, run_load_demo)


@pytest.fixture
def demo(demo_loaded, db) -> str:
    return demo_loaded


@pytest.fixture
def bergkamen(db):
    return MunicipalityFactory(name="Bergkamen")


@pytest.fixture
def selm(db):
    return MunicipalityFactory(name="Selm")


@pytest.fixture
def coordinator_bergkamen(bergkamen):
    return make_coordinator(bergkamen, username="koordination-bergkamen-test")


@pytest.fixture
def coordinator_selm(selm):
    return make_coordinator(selm, username="koordination-selm-test")


@pytest.fixture
def steering_member(db):
    return make_steering_member(username="steuerung-test")


@pytest.fixture
def run_tasks(db, monkeypatch):
    """Run every background task that is due, with the real worker of django-tasks-db (batch mode).

    Tasks are enqueued after commit; inside a test's transaction, wrap the write in
    ``django_capture_on_commit_callbacks(execute=True)`` first. Returns how many tasks the worker finished
    (besides the search index updates).
    The worker closes "old" connections between tasks, which inside a test's transaction would close the
    test's own connection; only that call is switched off.
    """
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    # The search index follows every commit with a task of its own; tests count the others.
    def finished() -> int:
        return DBTaskResult.objects.finished().exclude(task_path="search.tasks.search_sync").count()

    def run() -> int:
        before = finished()
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
        return finished() - before

    return run
