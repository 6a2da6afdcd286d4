"""In Chromium against a live server: the new pages have 0 axe violations, draw their charts, and the
CSP blocks nothing; a Koordinator registers for a Fachtag."""

import datetime
import shutil
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connection
from django.test.testcases import LiveServerThread

from accounts.models import Coordinator, Role, User
from projects.models import Municipality, Project, Transition
from steering.models import Event, Goal

from ..factories import MunicipalityFactory, ProjectFactory, UserFactory, make_coordinator
from .factories import EventFactory, GoalFactory, MeasurementFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian chromium fehlt (apt-get install chromium)"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core fehlt (npm ci)"),
]


def in_own_connection(function, *args):
    """Run ``function`` in a thread, i.e. on its own database connection in autocommit mode.

    Not ``transaction=True``/``live_server``: their flush would also wipe the roles and criteria created
    by data migrations from the reused test database. The rows made here are deleted again afterwards.
    """
    outcome = {}

    def run():
        try:
            outcome["result"] = function(*args)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return outcome["result"]


def _create(transitions_needed=2):
    town = MunicipalityFactory(name="Bergkamen (Browsertest)")
    transitions = list(Transition.objects.order_by("position")[:transitions_needed])
    project = ProjectFactory(municipality=town, status="published", title="Browsertest-Projekt")
    project.transitions.set(transitions)
    goal = GoalFactory(municipality=town, title="Willkommensbesuche", baseline=Decimal("70"))
    MeasurementFactory(goal=goal, measured_on=datetime.date(2025, 12, 31), value=Decimal("75"))
    event = EventFactory(title="Transfertag Frühe Hilfen", programme="10:00 Begrüßung\n11:00 Hospitation")
    steering = UserFactory(username="steuerung-browser", password="browser-test-1")
    steering.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    make_coordinator(town, username="koordination-browser", password="browser-test-1")
    return {"town": town, "event": event, "project": project}


def _delete(data):
    Event.objects.filter(pk=data["event"].pk).delete()
    Goal.objects.filter(municipality=data["town"]).delete()
    Project.objects.filter(pk=data["project"].pk).delete()
    Coordinator.objects.filter(municipality=data["town"]).delete()
    User.objects.filter(username__in=["steuerung-browser", "koordination-browser"]).delete()
    Municipality.objects.filter(pk=data["town"].pk).delete()


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    """Django's live server thread on the test database, with committed demo rows."""
    with django_db_blocker.unblock():
        data = in_own_connection(_create)
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override={}, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        try:
            yield f"http://127.0.0.1:{thread.port}", data
        finally:
            thread.terminate()
            in_own_connection(_delete, data)


@pytest.fixture(scope="module")
def browser(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser
        browser.close()


def _login(page, base, username):
    page.goto(f"{base}/verwaltung/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "browser-test-1")
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def _axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())  # evaluated through DevTools: the page's CSP does not apply
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


def _open(page, url, errors):
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    return response


def test_steering_pages_have_no_axe_violation_and_draw_charts(server, browser):
    base, data = server
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    event_url = f"{base}{data['event'].get_absolute_url()}"

    public = {}
    for url in [f"{base}/fachtage/", event_url]:
        _open(page, url, errors)
        public[url] = _axe_violations(page)
    _login(page, base, "steuerung-browser")
    internal = {}
    for url in [f"{base}/steuerung/", f"{base}/steuerung/ziele/{data['town'].slug}/", f"{base}/steuerung/netzwerke/"]:
        _open(page, url, errors)
        internal[url] = _axe_violations(page)
        if "/ziele/" in url:
            assert page.evaluate("Chart.getChart(document.querySelector('canvas')) !== undefined")
        if url.endswith("/steuerung/"):
            assert page.evaluate("document.querySelectorAll('canvas').length") == 6
            assert page.evaluate("[...document.querySelectorAll('canvas')].every(c => Chart.getChart(c) !== undefined)")

    assert public == {url: [] for url in public}
    assert internal == {url: [] for url in internal}
    assert [error for error in errors if "favicon" not in error and "Failed to load resource" not in error] == []
    page.close()


def test_coordinator_registers_for_a_fachtag_in_the_browser(server, browser):
    base, data = server
    page = browser.new_page()
    _login(page, base, "koordination-browser")

    page.goto(f"{base}{data['event'].get_absolute_url()}")
    page.click("button:has-text('Verbindlich anmelden')")

    assert "Sie sind für „Transfertag Frühe Hilfen“ angemeldet." in page.inner_text(".messages")
    assert "1 von 2 Plätzen belegt" in page.inner_text("aside")
    page.close()
