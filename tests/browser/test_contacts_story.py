"""In a real Chromium, on a desktop and a phone: a Kommune's contacts and a network's archiving request.

The coordinator of Bergkamen adds two contacts in the Kommune's admin inline (one with consent); the
Steuerungsgruppe reads them on the review page and approves; the public Kommune page shows only the
consented one. The coordinator asks for a network's archiving with a reason; the reviewer finds it on
the start page. Every screen passes axe; screenshots go to var/screenshots/contacts/ (for looking at).
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.models import Role

from ..factories import MunicipalityFactory, NetworkFactory, OrganisationFactory, UserFactory, make_coordinator
from .test_accessibility import DESKTOP, PHONE
from .test_transfer_story import log_in

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "contacts"


@pytest.fixture
def people():
    bergkamen = MunicipalityFactory(name="Bergkamen")
    steering = UserFactory(username="steuerung", first_name="Sigrid", last_name="Steuer")
    steering.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    coordinator = make_coordinator(bergkamen, username="koordination-bergkamen", first_name="Katrin")
    organisation = OrganisationFactory(name="Jugendamt Bergkamen", municipality=bergkamen)
    network = NetworkFactory(name="AK Frühe Hilfen Bergkamen", coordinating_organisation=organisation)
    return {"bergkamen": bergkamen, "steering": steering, "coordinator": coordinator, "network": network}


def check_both_widths(page, assert_no_axe_violations, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in [("1366", DESKTOP), ("390", PHONE)]:
        page.set_viewport_size(viewport)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
        assert_no_axe_violations(page)
    page.set_viewport_size(DESKTOP)


def message(page):
    return page.locator(".messagelist li").first


def test_contacts_go_public_with_consent_only_and_a_network_archiving_is_requested(
    page, people, assert_no_axe_violations
):
    bergkamen = people["bergkamen"]

    # The coordinator adds two contacts; only Petra agreed to be published.
    log_in(page, "koordination-bergkamen")
    page.goto(f"/verwaltung/projects/municipality/{bergkamen.pk}/change/")
    group = page.locator("#contacts-group")
    for index, (name, role) in enumerate([("Petra Muster", "Koordinatorin"), ("Hans Beispiel", "Jugendamt")]):
        group.locator(".add-row a").click()
        page.fill(f"#id_contacts-{index}-name", name)
        page.fill(f"#id_contacts-{index}-role", role)
        page.fill(f"#id_contacts-{index}-position", str(index + 1))
    page.fill("#id_contacts-0-email", "petra.muster@example.org")
    page.check("#id_contacts-0-is_public")
    check_both_widths(page, assert_no_axe_violations, "01-kontakte-bearbeiten")
    page.click("input[name=_continue]")
    expect(message(page)).to_contain_text("Ihre Änderungen am Profil sind zur Prüfung eingereicht.")
    expect(page.locator(".pending-related")).to_contain_text("Hans Beispiel, Jugendamt, nicht öffentlich")

    # The Steuerungsgruppe reads the contacts as lines and approves.
    log_in(page, "steuerung")
    page.goto(f"/verwaltung/projects/municipality/{bergkamen.pk}/pruefen/")
    expect(page.locator(".diff-contacts")).to_contain_text("Petra Muster, Koordinatorin, petra.muster@example.org")
    check_both_widths(page, assert_no_axe_violations, "02-kontakte-pruefen")
    page.click("input[name=_approve]")
    expect(message(page)).to_contain_text("Die Änderungen am Profil von Bergkamen sind übernommen und öffentlich.")

    # The public page: Petra, not Hans.
    page.context.clear_cookies()
    page.goto(bergkamen.get_absolute_url())
    expect(page.locator(".municipality-contacts")).to_contain_text("Petra Muster, Koordinatorin")
    expect(page.locator("body")).not_to_contain_text("Hans Beispiel")
    check_both_widths(page, assert_no_axe_violations, "03-kommune-oeffentlich")

    # The coordinator asks for the network's archiving, with a reason.
    log_in(page, "koordination-bergkamen")
    page.goto("/verwaltung/networks/network/")
    page.locator("input[name=_selected_action]").first.check()
    page.select_option("select[name=action]", "request_archiving_selected")
    page.click("button[name=index]")
    page.fill("#id_reason", "Der Arbeitskreis hat sich aufgelöst.")
    check_both_widths(page, assert_no_axe_violations, "04-archivierung-beantragen")
    page.click("input[name=apply]")
    expect(message(page)).to_contain_text("Archivierung für 1 Netzwerk(e) beantragt.")

    # The reviewer finds it on the start page and opens the review.
    log_in(page, "steuerung")
    panel = page.locator(".networks-in-review")
    expect(panel).to_contain_text("AK Frühe Hilfen Bergkamen (Archivierung beantragt)")
    panel.get_by_role("link", name="AK Frühe Hilfen Bergkamen").click()
    expect(page.locator(".archive-request")).to_contain_text("Der Arbeitskreis hat sich aufgelöst.")
    check_both_widths(page, assert_no_axe_violations, "05-netzwerk-pruefen")
