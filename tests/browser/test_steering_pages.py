"""The steering pages in Chromium: 0 axe violations, the charts are drawn and the CSP blocks nothing.

The dashboard's axe check and a Koordinator's Fachtag registration are in test_steering_story.py.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group

from accounts.models import Role
from projects.models import Transition

from ..events.factories import EventFactory
from ..factories import MunicipalityFactory, ProjectFactory, UserFactory
from ..steering.factories import GoalFactory, MeasurementFactory
from .test_steering_story import log_in

DASHBOARD_CHARTS = ["coverage", "stages", "reciprocity", "attainment", "attainment_over_time", "transfers_over_time"]
DRAWN_CHARTS = (
    "[...document.querySelectorAll('canvas[data-chart]')].filter(c => Chart.getChart(c)).map(c => c.dataset.chart)"
)


def test_steering_pages_have_no_axe_violations_draw_charts_and_csp_blocks_nothing(page, assert_no_axe_violations):
    town = MunicipalityFactory(name="Bergkamen")
    project = ProjectFactory(municipality=town, status="published", title="Babybesuchsdienst")
    project.transitions.set(Transition.objects.order_by("position")[:2])
    goal = GoalFactory(municipality=town, title="Willkommensbesuche", baseline=Decimal("70"))
    MeasurementFactory(goal=goal, measured_on=datetime.date(2025, 12, 31), value=Decimal("75"))
    event = EventFactory(title="Transfertag Frühe Hilfen", programme="10:00 Begrüßung\n11:00 Hospitation")
    UserFactory(username="steuerung").groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    console_errors = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)

    def open_page(url):
        response = page.goto(url, wait_until="networkidle")
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"], url

    for url in ["/fachtage/", event.get_absolute_url()]:
        open_page(url)
        assert_no_axe_violations(page)

    log_in(page, "steuerung")
    open_page("/steuerung/")
    assert page.evaluate(DRAWN_CHARTS) == DASHBOARD_CHARTS
    open_page(f"/steuerung/ziele/{town.slug}/")
    assert page.evaluate(DRAWN_CHARTS) == [f"goal-{goal.pk}"]
    assert_no_axe_violations(page)
    open_page("/steuerung/netzwerke/")
    assert_no_axe_violations(page)

    ignored = ("favicon", "Failed to load resource")
    assert [error for error in console_errors if not any(text in error for text in ignored)] == []
