"""Shared fixtures for tests in a real browser (Debian's chromium driven by Playwright for Python).

Every test in tests/browser/ runs against pytest-django's ``live_server`` on a transactional database.
Flushing that database deletes what data migrations created (the role groups); they are re-created
before each browser test and once more at the end of the session, so later tests and the next
``--reuse-db`` run find them. Use the fixtures:

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
        item.add_marker(pytest.mark.django_db(transaction=True))
        item.add_marker(pytest.mark.browser)
        if problem:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON.format(problem=problem)))


def restore_migration_data() -> None:
    """Re-create the role groups of accounts/migrations/0002_roles.py after a flush."""
    from importlib import import_module

    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    roles = import_module("accounts.migrations.0002_roles")
    if Group.objects.filter(name__in=list(roles.ROLE_PERMISSIONS)).count() == len(roles.ROLE_PERMISSIONS):
        return
    state = MigrationLoader(connection).project_state(("accounts", "0002_roles"))
    roles.create_roles(state.apps, None)


@pytest.fixture(autouse=True)
def _migration_data(request):
    if request.node.get_closest_marker("browser"):
        request.getfixturevalue("transactional_db")
        restore_migration_data()


@pytest.fixture(scope="session", autouse=True)
def _migration_data_after_session(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        restore_migration_data()


@pytest.fixture(scope="session")
def browser():
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
