"""In a real Chromium: Selm takes over Bergkamen's Baby-Besuchsdienst, step by step.

Both coordinators and the Steuerungsgruppe member log in through /verwaltung/login/. The live server runs
in a thread of this process with the locmem mail backend; the background worker (run by ``run_tasks``)
sends the queued mails, so ``django.core.mail.outbox`` shows them.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from accounts.models import Role

from ..factories import (
    MunicipalityFactory,
    ProjectFactory,
    TransferOfferFactory,
    TransferServiceFactory,
    UserFactory,
    make_coordinator,
)

PASSWORD = "geheim-1234"  # UserFactory's password


@pytest.fixture
def people():
    bergkamen = MunicipalityFactory(name="Bergkamen")
    selm = MunicipalityFactory(name="Selm")
    project = ProjectFactory(
        municipality=bergkamen,
        title="Baby-Besuchsdienst",
        summary="Ein Besuchsdienst begrüßt alle Familien mit Neugeborenen.",
    )
    offer = TransferOfferFactory(project=project, contact_name="Koordination Bergkamen")
    TransferServiceFactory(offer=offer)
    steering = UserFactory(username="steuerung", first_name="Sigrid", last_name="Steuer")
    steering.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    return {
        "project": project,
        "bergkamen": make_coordinator(bergkamen, username="koordination-bergkamen", first_name="Berta"),
        "selm": make_coordinator(selm, username="koordination-selm", first_name="Selma", last_name="Sommer"),
        "steering": steering,
    }


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/verwaltung/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def take_step(page, label, comment="", **fields):
    """Open the step's card on the transfer page, fill it in and send it; wait for the confirmation."""
    form = page.locator("details", has=page.get_by_role("button", name=label, exact=True))
    if form.get_attribute("open") is None:
        form.locator("summary").click()
    if comment:
        form.get_by_label("Kommentar").fill(comment)
    for label_text, value in fields.items():
        field = form.get_by_label(label_text)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.get_by_role("button", name=label, exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"Gespeichert: {label}.")


def recipients(run_tasks):
    run_tasks()
    return [address for message in mail.outbox for address in message.to]


def test_transfer_story_selm_takes_over_the_baby_visiting_service(page, people, assert_no_axe_violations, run_tasks):
    project = people["project"]

    # Selm registers interest through the offer on the project page.
    log_in(page, "koordination-selm")
    page.goto(project.get_absolute_url())
    page.get_by_role("link", name="Transferinteresse anmelden").click()
    expect(page.locator("h1")).to_have_text("Interesse an „Baby-Besuchsdienst“ anmelden")
    page.get_by_label("Präsentation der Ergebnisse", exact=False).check()
    page.get_by_label("Nachricht an die anbietende Kommune").fill("Wir wollen alle Neugeborenen in Selm besuchen.")
    page.get_by_label("Gewünschter Zeitraum").fill("2. Halbjahr 2026")
    page.get_by_role("button", name="Interesse anmelden").click()
    expect(page.locator("body")).to_contain_text("Ihr Interesse ist angemeldet. Bergkamen wurde benachrichtigt.")
    expect(page.locator("#stand")).to_have_text("Interesse angemeldet")
    transfer_url = page.url
    assert recipients(run_tasks) == [people["bergkamen"].email]

    # Bergkamen finds it in "Meine Transfers", accepts, records the Hospitation and the coaching.
    log_in(page, "koordination-bergkamen")
    page.goto("/transfer/meine/")
    incoming = page.locator("section", has=page.get_by_role("heading", name="Eingehend"))
    expect(incoming).to_contain_text("Selm")
    incoming.get_by_role("link", name="Baby-Besuchsdienst").first.click()
    expect(page.locator(".kern-body--large")).to_have_text("von Bergkamen an Selm")
    assert_no_axe_violations(page)
    take_step(page, "Annehmen (Erstgespräch)", "Erstgespräch am 3. März im Rathaus Selm.")
    expect(page.locator("#stand")).to_have_text("Erstgespräch")
    take_step(page, "Präsentation/Hospitation festhalten", "Hospitation bei zwei Hausbesuchen in Bergkamen.")
    expect(page.locator("#stand")).to_have_text("Präsentation/Hospitation")
    take_step(page, "Coaching festhalten", "Zwei Coachings für die Fachkräfte in Selm.")
    expect(page.locator("#stand")).to_have_text("Coaching")
    assert recipients(run_tasks).count(people["selm"].email) >= 3

    # Selm records its decision, the implementation and rates the transfer with an experience report.
    log_in(page, "koordination-selm")
    page.goto(transfer_url)
    expect(page.locator("#verlauf + ol")).to_contain_text("Hospitation bei zwei Hausbesuchen in Bergkamen.")
    take_step(page, "Beschluss festhalten", "Der Jugendhilfeausschuss hat zugestimmt.")
    take_step(page, "Umsetzung festhalten", "Seit Mai besucht der Dienst alle Familien.")
    expect(page.locator("#stand")).to_have_text("Umgesetzt")
    take_step(
        page,
        "Bewerten",
        **{
            "Was hat funktioniert?": "Die Willkommensmappe aus Bergkamen.",
            "Was haben Sie angepasst?": "Besuche auch samstags.",
            "Wovor würden Sie warnen?": "Datenschutz früh klären.",
            "Wie hilfreich war der Transfer? (1 = gar nicht, 5 = sehr)": "5",
        },
    )
    expect(page.locator("#stand")).to_have_text("Bewertet")
    assert recipients(run_tasks).count(people["bergkamen"].email) >= 4

    # The experience report is on the public project page.
    page.context.clear_cookies()
    page.goto(project.get_absolute_url())
    report = page.locator(".experience-report")
    expect(report.get_by_role("heading")).to_have_text("Erfahrungen aus der Übernahme in Selm")
    expect(report).to_contain_text("Die Willkommensmappe aus Bergkamen.")
    expect(report).to_contain_text("Datenschutz früh klären.")
    expect(report).to_contain_text("5 von 5")

    # The Steuerungsgruppe's ledger: Bergkamen gave one, Selm received one.
    log_in(page, "steuerung")
    page.goto("/transfer/bilanz/")
    columns = ["gegeben", "erhalten", "Saldo", "nach Transferform"]
    for municipality, expected in [
        ("Bergkamen", ["1", "0", "+1", "Wissenstransfer: 1 gegeben, 0 erhalten"]),
        ("Selm", ["0", "1", "-1", "Wissenstransfer: 0 gegeben, 1 erhalten"]),
    ]:
        row = page.locator("tbody tr", has=page.get_by_role("rowheader", name=municipality))
        cells = row.locator("td").all_inner_texts()
        assert dict(zip(columns, cells, strict=True)) == dict(zip(columns, expected, strict=True))
    assert_no_axe_violations(page)
