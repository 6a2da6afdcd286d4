"""Shared fixtures for tests in a real browser (Debian's chromium driven by Playwright for Python).

Every test in tests/browser/ runs against pytest-django's ``live_server`` on a transactional database
with ``serialized_rollback``. Flushing that database deletes what data migrations created (role
groups, legal pages …); it is restored from Django's snapshot after each browser test, so the tests
that run afterwards and the next ``--reuse-db`` run find it. Use the fixtures:

- ``page``: a fresh Playwright page whose relative URLs go to the live server; requests to any host
  other than 127.0.0.1 are blocked and make the test fail at teardown.
- ``assert_no_axe_violations(page)``: runs axe-core (shipped by axe-playwright-python) on the page.

Chromium comes from Debian (``bin/test`` installs it as root); ``playwright install`` is never used.
Without /usr/bin/chromium the tests are skipped with a message saying how to install it.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest

# Playwright's sync API keeps an event loop running in this thread; Django's ORM would refuse to
# work next to it. The live server and the test code still run in ordinary threads.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# pytest-django's live server would listen on "localhost"; the tests allow 127.0.0.1 only.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = os.environ.get("BROWSER_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1"}
SKIP_REASON = (
    "Browser-Tests übersprungen: {problem}. Chromium installieren mit `apt-get install -y chromium` "
    "(bin/test tut das als root automatisch); `playwright install` wird nicht verwendet."
)


def _missing_browser() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"{CHROMIUM} fehlt"
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        return f"Python-Paket fehlt ({error.name}); bin/test installiert die Test-Abhängigkeiten"
    return None


def pytest_collection_modifyitems(config, items):
    problem = _missing_browser()
    here = os.path.dirname(__file__)
    for item in items:
        if not str(item.fspath).startswith(here):
            continue
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
        item.add_marker(pytest.mark.browser)
        if problem:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON.format(problem=problem)))


# Django's snapshot of the freshly migrated test database, per alias (taken before Playwright starts:
# with its event loop running, ``connections`` may hand out a different connection object).
_SNAPSHOTS: dict[str, str] = {}


@pytest.fixture(scope="session", autouse=True)
def _migration_snapshot(django_db_setup):
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            _SNAPSHOTS[alias] = contents


def restore_migration_data() -> None:
    """Put back what the migrations created (role groups, legal pages, permissions …) after a flush."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connections

    for alias, contents in _SNAPSHOTS.items():
        connection = connections[alias]
        # Django's own flush may have re-created content types and permissions with new ids; start empty.
        call_command("flush", interactive=False, inhibit_post_migrate=True, database=alias, verbosity=0)
        connection.creation.deserialize_db_from_string(contents)
        # The snapshot's rows keep their ids; move the sequences past them for the rows tests create.
        models = apps.get_models(include_auto_created=True)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        connection.close()  # tests after this one may need the database without other sessions


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a browser test's database flush, restore the migration data for the tests that follow.

    pytest-django runs tests without database marks after the transactional ones, and some of them
    (deploy checks against a real server) read the data migrations' rows.
    """
    yield
    if item.get_closest_marker("browser"):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            restore_migration_data()


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module; stopped afterwards so later sync Playwright users get their own loop."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def outside_requests():
    """URLs the page tried to load from anywhere but the live server (filled by ``page``)."""
    return []


@pytest.fixture
def page(browser, live_server, outside_requests, settings):
    settings.DEBUG = False
    context = browser.new_context(base_url=live_server.url, locale="de-DE")

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    yield page
    context.close()
    assert outside_requests == [], f"Anfragen an fremde Hosts: {outside_requests}"


def _assert_no_axe_violations(page, context=None) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    assert results.violations_count == 0, f"axe-Verstöße auf {page.url}:\n{results.generate_report()}"


@pytest.fixture
def assert_no_axe_violations():
    """``assert_no_axe_violations(page)`` fails with axe's report if the page has any violation."""
    return _assert_no_axe_violations
