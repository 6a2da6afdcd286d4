"""In a real Chromium: a Kommune that has no content gets its coordination, and its profile goes public.

The operator invites the coordinator of the empty model Kommune Unna; the invitation mail's link sets
the password and signs her in; she fills the Kommune profile, which waits for review; the
Steuerungsgruppe approves it and the public Kommune page shows it. Screenshots of each step land in
var/screenshots/onboarding/ (for looking at, not compared).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from accounts.models import Role

from ..factories import MunicipalityFactory, UserFactory

PASSWORD = "geheim-1234"  # UserFactory's password
NEW_PASSWORD = "Unna-Prävention-2026"
SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "onboarding"


@pytest.fixture
def people():
    operator = UserFactory(username="betrieb", first_name="Olga", last_name="Betrieb", is_superuser=True)
    steering = UserFactory(username="steuerung", first_name="Sigrid", last_name="Steuer")
    steering.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    MunicipalityFactory(name="Unna", is_model_municipality=True)  # an empty demo record
    MunicipalityFactory(name="Bergkamen")
    return {"operator": operator, "steering": steering}


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def log_in(page, username, password=PASSWORD):
    page.context.clear_cookies()
    page.goto("/verwaltung/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def message(page):
    return page.locator(".messagelist")


def test_onboarding_story_invited_coordinator_sets_a_password_and_publishes_the_kommune_profile(
    page, people, live_server, run_tasks, assert_no_axe_violations
):
    # The operator finds the empty Kommune and invites its coordinator.
    log_in(page, "betrieb")
    page.get_by_role("link", name="Kommunen ohne Inhalte und Koordination").click()
    expect(page.locator("#result_list")).to_contain_text("Unna")
    shot(page, "01-leere-kommunen")
    page.goto("/verwaltung/")
    page.get_by_role("link", name="Koordinator/in einladen").click()
    page.fill("#id_first_name", "Ina")
    page.fill("#id_last_name", "Neu")
    page.fill("#id_email", "ina.neu@unna.example")
    page.select_option("#id_role", "Koordinator")
    page.get_by_label("Unna").check()
    shot(page, "02-einladen")
    page.click("input[type=submit]")
    expect(message(page)).to_contain_text("Die Einladung an ina.neu@unna.example ist unterwegs")
    run_tasks()  # the worker sends the invitation
    invitation = mail.outbox[-1]
    assert (invitation.to, invitation.subject) == (
        ["ina.neu@unna.example"],
        "Einladung in die Verwaltung der Transferbörse",
    )
    link = re.search(r"https?://\S+/verwaltung/einladung/\S+/", invitation.body).group(0)

    # The link of the mail sets the password and signs her in.
    page.context.clear_cookies()
    page.goto(live_server.url + link[link.index("/verwaltung/") :])
    expect(page.locator("h1")).to_contain_text("Willkommen, Ina Neu")
    page.fill("#id_new_password1", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    shot(page, "03-passwort-setzen")
    page.click("input[type=submit]")
    expect(message(page)).to_contain_text("Ihr Passwort ist gesetzt, Sie sind angemeldet.")
    expect(page.locator("#own-figures-heading")).to_have_text("Ihre Kommune in Zahlen")
    shot(page, "04-startseite-koordination")

    # She fills the Kommune profile; it waits for review.
    page.locator(".own-figures").get_by_role("link", name="Unna").click()
    page.fill("#id_focus_areas", "Frühe Hilfen\nÜbergang Kita–Grundschule\nElternbildung")
    page.fill("#id_steering_structure", "Lenkungsgruppe unter Leitung der Bürgermeisterin, tagt viermal im Jahr.")
    page.fill("#id_management", "Fachbereich Familie, Stabsstelle Prävention")
    page.fill("#id_council_decision_date", "14.03.2013")
    page.fill("#id_council_decision_body", "Rat der Stadt Unna")
    page.fill("#id_funding_programme", "Kein Kind zurücklassen")
    page.fill("#id_funding_amount", "120000")
    page.fill("#id_funding_from_year", "2012")
    page.fill("#id_funding_until_year", "2016")
    page.fill("#id_family_portal_url", "https://familie.unna.example/")
    page.locator("#contacts-group .add-row a").click()
    page.fill("#id_contacts-0-name", "Ina Neu")
    page.fill("#id_contacts-0-role", "Koordinatorin Präventionskette")
    page.check("#id_contacts-0-is_public")
    shot(page, "05-profil-bearbeiten")
    page.click("input[name=_save]")
    expect(message(page)).to_contain_text("Ihre Änderungen am Profil sind zur Prüfung eingereicht.")
    run_tasks()
    assert mail.outbox[-1].to == [people["steering"].email]
    review_link = re.search(r"https?://\S+/pruefen/", mail.outbox[-1].body).group(0)

    # The Steuerungsgruppe approves.
    log_in(page, "steuerung")
    page.goto(live_server.url + review_link[review_link.index("/verwaltung/") :])
    expect(page.locator(".review-diff")).to_contain_text("Rat der Stadt Unna")
    shot(page, "06-profil-pruefen")
    page.click("input[name=_approve]")
    expect(message(page)).to_contain_text("Die Änderungen am Profil von Unna sind übernommen und öffentlich.")

    # The public Kommune page shows the profile.
    page.context.clear_cookies()
    page.goto("/kommunen/unna/")
    programme = page.locator(".municipality-programme")
    expect(programme).to_contain_text("Frühe Hilfen")
    expect(programme).to_contain_text("Lenkungsgruppe unter Leitung der Bürgermeisterin")
    expect(programme).to_contain_text("Rat der Stadt Unna, am 14. März 2013")
    expect(programme).to_contain_text("Kein Kind zurücklassen, 120.000 €, 2012–2016")
    expect(programme).to_contain_text("Ina Neu, Koordinatorin Präventionskette")
    expect(page.get_by_role("link", name="https://familie.unna.example/")).to_be_visible()
    shot(page, "07-oeffentliche-kommunenseite")
    assert_no_axe_violations(page)
