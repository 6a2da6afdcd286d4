"""In a real Chromium: Werne's Gesuch finds Kamen's Kontaktstelle, Kamen offers it, both keep a plan.

Werne writes a Gesuch about young people at risk of dropping out and sees Kamen's Kontaktstelle
first, with its reasons, though it has no offer yet; asks Kamen for one; Kamen publishes an offer with
readiness and mode in the back office; Werne registers interest from the Gesuch; Kamen accepts (the
Gesuch is "vermittelt"); both fill the transfer plan, pass the mid-point and close with lessons.
"""

import pytest
from playwright.sync_api import expect

from projects.models import Project
from transfers.models import TransferOffer, TransferPlan, TransferRequest

from ..factories import ActionFieldFactory, MunicipalityFactory, ProjectFactory, TargetGroupFactory, make_coordinator
from .test_transfer_story import log_in, take_step

SCREENSHOTS = "var/screenshots"


@pytest.fixture
def towns(transitions):
    werne = MunicipalityFactory(name="Werne")
    kamen = MunicipalityFactory(name="Kamen")
    bergkamen = MunicipalityFactory(name="Bergkamen")
    secondary, work = transitions[3], transitions[4]
    youth, education = ActionFieldFactory(name="Jugendhilfe"), ActionFieldFactory(name="Bildung")
    dropouts = TargetGroupFactory(name="Schulmüde Jugendliche")
    ProjectFactory(
        municipality=kamen,
        title="Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen",
        summary="Eine Kontaktstelle für Jugendliche, die die Schule schwänzen oder ihre Ausbildung abzubrechen drohen.",
        goals="Jugendliche mit Schulproblemen erhalten eine Vertrauensperson.",
        success_factors="Anbindung an einen Ort, den die Jugendlichen kennen.",
        transitions=[secondary, work],
        action_fields=[youth, education],
        target_groups=[dropouts],
    )
    ProjectFactory(
        municipality=bergkamen,
        title="Baby-Besuchsdienst Bergkamen",
        summary="Hausbesuche bei Familien mit Neugeborenen.",
        action_fields=[youth, education],
    )
    return {
        "werne": make_coordinator(werne, username="koordination-werne", first_name="Wera"),
        "kamen": make_coordinator(kamen, username="koordination-kamen", first_name="Karl"),
        "secondary": secondary,
        "work": work,
    }


def test_werne_finds_kamens_contact_point_and_both_keep_a_transfer_plan(page, towns, assert_no_axe_violations):
    # Werne writes its Gesuch and sees Kamen's Kontaktstelle first, with its reasons in words.
    log_in(page, "koordination-werne")
    page.goto("/transfer/gesuche/neu/")
    page.get_by_label("Titel").fill("Begleitung für Jugendliche mit Abbruchrisiko")
    page.get_by_label("Bedarf").fill(
        "Jugendliche, die Schule oder Ausbildung abzubrechen drohen, geraten zu oft aus dem Blick."
    )
    page.get_by_label("Übergang in die Sekundarstufe").check()
    page.get_by_label("Übergang Schule–Beruf").check()
    page.get_by_label("Schulmüde Jugendliche").check()
    page.get_by_role("button", name="Gesuch veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text("Ihr Gesuch ist veröffentlicht.")
    request_url = page.url
    first = page.locator("[data-suggestion]").first
    expect(first.get_by_role("heading")).to_have_text(
        "Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen"
    )
    expect(first).to_contain_text("hohe Passung")
    expect(first).to_contain_text("gleicher Übergang: in die Sekundarstufe, Schule–Beruf")
    expect(first).to_contain_text("Zielgruppe: Schulmüde Jugendliche")
    expect(first).to_contain_text("noch ohne Transfer-Angebot")
    page.screenshot(path=f"{SCREENSHOTS}/method-request.png", full_page=True)
    assert_no_axe_violations(page)
    first.get_by_role("button", name="Transfer-Angebot anfragen").click()
    expect(page.locator(".messages")).to_contain_text("Kamen ist gebeten, ein Transfer-Angebot")

    # Kamen follows the notification into the back office and publishes an offer with readiness and mode.
    log_in(page, "koordination-kamen")
    page.goto("/transfer/benachrichtigungen/")
    page.get_by_role("link", name="Werne bittet um ein Transfer-Angebot", exact=False).first.click()
    page.get_by_label("Was für eine Übernahme entscheidend ist").fill(
        "Verbindliche Zusammenarbeit mit den Schulen; ein Ort, den die Jugendlichen kennen."
    )
    for check in [
        "Das Konzept ist schriftlich dokumentiert.",
        "Eine Ansprechperson ist benannt und hat Zeit für den Transfer.",
        "Material kann weitergegeben werden (Vorlagen, Leitfäden, Verträge).",
    ]:
        page.get_by_label(check).check()
    page.get_by_label("Schwierigkeit der Übernahme").select_option("demanding")
    page.locator("#id_contact_name").fill("Jugendfreizeitstätte Kamen")
    page.locator("#id_contact_email").fill("jfz@example.org")
    page.screenshot(path=f"{SCREENSHOTS}/method-offer-admin.png", full_page=True)
    page.locator(".add-row a").click()
    page.locator("#id_services-0-kind").select_option("site_visit")
    page.locator("#id_services-0-mode").select_option("peer_review")
    page.locator("#id_services-0-effort_hours").fill("6")
    page.locator("#id_services-0-capacity").fill("2")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("erfolgreich hinzugefügt")
    offer = TransferOffer.objects.get()
    assert (offer.get_readiness_display(), offer.modes()) == (
        "weitgehend transferbereit",
        ["Kollegiale Visitation / Peer-Review"],
    )

    # Werne registers interest from its Gesuch; the offer shows readiness and mode.
    log_in(page, "koordination-werne")
    page.goto(request_url)
    first = page.locator("[data-suggestion]").first
    expect(first).to_contain_text("Transferbereitschaft: weitgehend transferbereit")
    first.get_by_role("link", name="Interesse anmelden").click()
    page.get_by_label("Hospitation", exact=False).first.check()
    page.get_by_label("Nachricht an die anbietende Kommune").fill("Wir möchten die Kontaktstelle übernehmen.")
    expect(page.get_by_label("Antwort auf Ihr Gesuch")).to_have_value(TransferRequest.objects.get().slug)
    page.get_by_role("button", name="Interesse anmelden").click()
    expect(page.locator("#stand")).to_have_text("Interesse angemeldet")
    transfer_url = page.url

    # Kamen accepts: the Gesuch is "vermittelt"; Kamen adds a milestone on its side.
    log_in(page, "koordination-kamen")
    page.goto(transfer_url)
    take_step(page, "Annehmen (Erstgespräch)", "Erstgespräch in der Jugendfreizeitstätte.")
    expect(page.locator("#stand")).to_have_text("Erstgespräch")
    assert TransferRequest.objects.get().get_status_display() == "vermittelt"
    page.get_by_role("link", name="Zum Transferplan").click()
    page.locator("#id_milestone-title").fill("Visitation in der Jugendfreizeitstätte")
    page.locator("#id_milestone-due_on").fill("2027-02-01")
    page.locator("#id_milestone-owner").select_option(index=1)
    page.get_by_role("button", name="Meilenstein hinzufügen").click()
    expect(page.locator("#plan-meilensteine + table")).to_contain_text("Visitation in der Jugendfreizeitstätte")

    # Werne writes goals and Begleitgruppe, holds the mid-point check and its lessons.
    log_in(page, "koordination-werne")
    page.goto(transfer_url)
    page.get_by_role("link", name="Zum Transferplan").click()
    page.locator("#id_plan-goals").fill("Eine Kontaktstelle im Jugendzentrum Werne bis Sommer 2027.")
    page.locator("#id_plan-support_group").fill("Gesamtschule Werne – Schulsozialarbeit\nJobcenter – Ausbildung")
    page.get_by_role("button", name="Plan speichern").click()
    expect(page.locator("body")).to_contain_text("Gesamtschule Werne – Schulsozialarbeit")
    page.locator("#id_midpoint-midpoint_review").fill("Zwei Schulen machen mit, Betriebe noch nicht.")
    page.get_by_role("button", name="Halbzeit-Check festhalten").click()
    page.locator("#id_close-adopting-lessons").fill("Betriebe früh ansprechen.")
    page.get_by_role("button", name="Erkenntnisse festhalten (übernehmende Kommune)").click()
    expect(page.locator("body")).to_contain_text("Betriebe früh ansprechen.")

    # Kamen closes with its lessons and a new pitfall for its project, which goes to the review.
    log_in(page, "koordination-kamen")
    page.goto(transfer_url.rstrip("/") + "/plan/")
    page.locator("#id_close-offering-lessons").fill("Unser Leitfaden für Schulen war zu knapp.")
    page.locator("#id_close-offering-pitfalls_addition").fill("Den Leitfaden für Schulen mitgeben.")
    page.get_by_role("button", name="Erkenntnisse festhalten (anbietende Kommune)").click()
    expect(page.locator("main")).to_contain_text("Abgeschlossen am")
    page.screenshot(path=f"{SCREENSHOTS}/method-plan.png", full_page=True)
    assert_no_axe_violations(page)
    assert TransferPlan.objects.get().is_closed
    project = Project.objects.get(title__startswith="Kontaktstelle")
    assert project.pending_changes["pitfalls"].endswith("Den Leitfaden für Schulen mitgeben.")

    # The Gesuch page shows its transfer.
    page.goto(request_url)
    expect(page.locator("body")).to_contain_text("Transfers zu diesem Gesuch")
    expect(page.locator("body")).to_contain_text("vermittelt")
