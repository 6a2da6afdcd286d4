"""In a real Chromium: Selm's coordinator fills in, the Steuerungsgruppe sees the overview.

The quality indicators of networks and the good-practice criteria come from data migrations.
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.models import Role
from steering.models import CriterionRating, IndicatorRating, NetworkAssessment, ProjectSelfCheck

from ..events.factories import EventFactory
from ..factories import (
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
    make_coordinator,
)
from ..steering.factories import GoalFactory, MeasurementFactory

PASSWORD = "geheim-1234"  # UserFactory's password


@pytest.fixture
def selm():
    selm = MunicipalityFactory(name="Selm")
    ProjectFactory(municipality=selm, title="Familienberatungsführer Selm")
    NetworkFactory(
        name="Mehrgenerationenhaus Selm", coordinating_organisation=OrganisationFactory(municipality=selm, name="MGH")
    )
    goal = GoalFactory(municipality=selm, title="Willkommensbesuche", baseline=Decimal("40"))
    MeasurementFactory(goal=goal, measured_on=datetime.date(2025, 12, 31), value=Decimal("60"))
    EventFactory(title="Fachtag Qualität in Netzwerken")
    steering = UserFactory(username="steuerung")
    steering.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    make_coordinator(selm, username="koordination-selm")
    return selm


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/verwaltung/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def test_steering_story_selm_assesses_and_registers_then_steering_group_sees_it(page, selm, assert_no_axe_violations):
    # Selm: this year's network self-assessment, a good-practice self-check, a Fachtag registration.
    log_in(page, "koordination-selm")
    page.goto("/verwaltung/steering/networkassessment/add/")
    page.select_option("#id_network", label="Mehrgenerationenhaus Selm")
    page.fill("#id_year", "2026")
    for index in range(8):
        page.select_option(f"#id_ratings-{index}-level", str(2 + index % 3))
    page.fill("#id_ratings-4-justification", "Familien sitzen seit dem Frühjahr mit am Tisch.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("erfolgreich")
    assessment = NetworkAssessment.objects.get(network__name="Mehrgenerationenhaus Selm", year=2026)
    assert IndicatorRating.objects.filter(assessment=assessment).count() == 8

    page.goto("/verwaltung/steering/projectselfcheck/add/")
    page.select_option("#id_project", label="Familienberatungsführer Selm")
    for index in range(12):
        page.select_option(f"#id_ratings-{index}-level", str(1 + index % 4))
    page.fill("#id_ratings-4-justification", "Eltern haben die Texte des Beratungsführers mitgeschrieben.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("erfolgreich")
    self_check = ProjectSelfCheck.objects.get(project__title="Familienberatungsführer Selm")
    assert CriterionRating.objects.filter(self_check=self_check).count() == 12

    page.goto("/fachtage/")
    page.get_by_role("link", name="Fachtag Qualität in Netzwerken").click()
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.locator(".messages")).to_contain_text("Sie sind für „Fachtag Qualität in Netzwerken“ angemeldet.")
    expect(page.locator("aside")).to_contain_text("1 von 2 Plätzen belegt")
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()

    # The Steuerungsgruppe sees goals, the network's new self-assessment and gets the report as PDF.
    log_in(page, "steuerung")
    page.goto("/steuerung/")
    expect(page.locator("h1")).to_contain_text("Steuerung")
    assert_no_axe_violations(page)
    page.goto(f"/steuerung/ziele/{selm.slug}/")
    expect(page.locator("main")).to_contain_text("Willkommensbesuche")
    page.goto("/steuerung/netzwerke/")
    expect(page.locator("main")).to_contain_text("Mehrgenerationenhaus Selm")
    expect(page.locator("main")).not_to_contain_text("Noch kein Netzwerk hat eine Selbstbewertung abgegeben.")
    report = page.request.get("/steuerung/bericht.pdf")
    assert (report.status, report.headers["content-type"], report.body()[:5]) == (200, "application/pdf", b"%PDF-")
