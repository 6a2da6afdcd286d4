"""In Chromium against a live server: the new pages have 0 axe violations, draw their charts, and the
CSP blocks nothing; a Koordinator registers for a Fachtag."""

import datetime
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from accounts.models import Role

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
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API keeps an event loop in this thread; Django's ORM (fixtures, flush) then
    # refuses to run unless told that this is deliberate.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def data(transitions):
    # Transactional tests flush the database after each test, the roles of the data migration included.
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    town = MunicipalityFactory(name="Bergkamen")
    ProjectFactory(municipality=town, status="published").transitions.set(transitions[:2])
    goal = GoalFactory(municipality=town, title="Willkommensbesuche", baseline=Decimal("70"))
    MeasurementFactory(goal=goal, measured_on=datetime.date(2025, 12, 31), value=Decimal("75"))
    event = EventFactory(title="Transfertag Frühe Hilfen", programme="10:00 Begrüßung\n11:00 Hospitation")
    steering = UserFactory(username="steuerung-browser", password="browser-test-1")
    steering.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    make_coordinator(town, username="koordination-browser", password="browser-test-1")
    return {"town": town, "event": event}


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


def test_steering_pages_have_no_axe_violation_and_draw_charts(live_server, browser, data):
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    base = live_server.url
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


def test_coordinator_registers_for_a_fachtag_in_the_browser(live_server, browser, data):
    page = browser.new_page()
    _login(page, live_server.url, "koordination-browser")

    page.goto(f"{live_server.url}{data['event'].get_absolute_url()}")
    page.click("button:has-text('Verbindlich anmelden')")

    assert "Sie sind für „Transfertag Frühe Hilfen“ angemeldet." in page.inner_text(".messages")
    assert "1 von 2 Plätzen belegt" in page.inner_text("aside")
    page.close()
