"""The barrier feedback form: stored with its due date, confirmed through the outbox, for the Redaktion only."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import OutgoingMail, Role
from pages.access import barrier_reports_for
from pages.models import BarrierReport, LegalPage
from pages.services import barrier_report_submit, barrier_reports_mark_answered
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/barriere-melden/"


def statement() -> LegalPage:
    return LegalPage.objects.get(kind=LegalPage.Kind.ACCESSIBILITY)


def test_barrier_report_form_prefills_the_page_the_visitor_came_from(client):
    response = client.get(URL, {"seite": "/projekte/?kommune=kamen"})

    assert response.context["form"].initial["page_url"] == "http://testserver/projekte/?kommune=kamen"


@pytest.mark.parametrize("address", ["https://elsewhere.example/phish", "javascript:alert(1)", "/barriere-melden/"])
def test_barrier_report_form_prefills_nothing_from_another_site_or_itself(client, address):
    response = client.get(URL, {"seite": address})

    assert response.context["form"].initial["page_url"] == ""


def test_barrier_report_is_stored_with_the_answer_due_after_the_statements_period(client):
    page = statement()
    page.response_weeks = 2
    page.save()

    response = client.post(
        URL,
        {
            "description": "Die Tabelle lässt sich nicht vorlesen.",
            "page_url": "http://testserver/luecken/",
            "name": "",
            "email": "",
        },
    )

    report = BarrierReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:barrier_report_sent")
    assert (report.description, report.page_url, report.status) == (
        "Die Tabelle lässt sich nicht vorlesen.",
        "http://testserver/luecken/",
        BarrierReport.Status.OPEN,
    )
    assert report.answer_due_on == timezone.localdate() + datetime.timedelta(weeks=2)


def test_barrier_report_with_address_queues_a_confirmation_and_a_note_to_the_redaktion(client, settings):
    settings.SITE_URL = "https://transfer.example.org"
    page = statement()
    page.contact_email = "barrierefreiheit@kreis-unna.de"
    page.save()

    client.post(
        URL, {"description": "Der Knopf ist zu klein.", "page_url": "", "name": "Eva Muster", "email": "eva@example.de"}
    )

    report = BarrierReport.objects.get()
    due = date_format(report.answer_due_on, "j. F Y")
    mails = {mail.to: mail for mail in OutgoingMail.objects.all()}
    assert sorted(mails) == ["barrierefreiheit@kreis-unna.de", "eva@example.de"]
    confirmation = mails["eva@example.de"]
    assert confirmation.subject == "Ihre Meldung einer Barriere ist bei uns angekommen"
    assert confirmation.body.startswith("Guten Tag Eva Muster,\n\nvielen Dank für Ihre Meldung.")
    assert "Der Knopf ist zu klein." in confirmation.body
    assert "https://transfer.example.org/barrierefreiheit/" in confirmation.body
    assert "transfers" not in confirmation.body  # no link to notification settings the visitor does not have
    assert f"antworten Ihnen spätestens bis zu diesem Tag: {due}" in confirmation.body
    assert (
        f"https://transfer.example.org/verwaltung/pages/barrierreport/{report.pk}/change/"
        in mails["barrierefreiheit@kreis-unna.de"].body
    )


def test_barrier_report_without_address_queues_only_the_note_to_the_redaktion(client):
    client.post(URL, {"description": "Kontrast zu schwach.", "page_url": "", "name": "", "email": ""})

    assert list(OutgoingMail.objects.values_list("to", flat=True)) == [statement().contact_email]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"description": ""}, "description", "Bitte beschreiben Sie die Barriere."),
        (
            {"description": "Video ohne Untertitel", "email": "eva(at)example"},
            "email",
            "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.",
        ),
    ],
)
def test_barrier_report_with_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, data, field, message):
    data = {"description": "", "page_url": "http://testserver/projekte/", "name": "Eva", "email": "", **data}

    response = client.post(URL, data)

    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors == {field: [message]}
    assert {name: form[name].value() for name in data} == data
    assert not BarrierReport.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_barrier_report_form_is_rate_limited_and_saves_nothing_over_the_limit(client):
    limits = {"barrier_report": {"path": r"^/barriere-melden/$", "per_minute": 2}}
    with override_settings(RATE_LIMITS=limits):
        statuses = [client.post(URL, {"description": f"Meldung {n}"}).status_code for n in range(3)]

    assert statuses == [302, 302, 429]
    assert BarrierReport.objects.count() == 2


def test_barrier_report_rate_limit_is_configured_for_the_form_path():
    from django.conf import settings

    assert settings.RATE_LIMITS["barrier_report"]["path"] == r"^/barriere-melden/$"


def test_barrier_reports_are_visible_to_the_redaktion_only():
    report = barrier_report_submit(description="Schrift zu klein")
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=Role.EDITORIAL))
    coordinator = UserFactory()
    coordinator.groups.add(Group.objects.get(name=Role.COORDINATOR))

    assert list(barrier_reports_for(editor)) == [report]
    assert list(barrier_reports_for(coordinator)) == []
    assert list(barrier_reports_for(UserFactory())) == []


def test_barrier_report_admin_lists_reports_with_their_due_date_for_the_redaktion(client):
    report = barrier_report_submit(description="Die Suche ist mit der Tastatur nicht erreichbar")
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=Role.EDITORIAL))
    client.force_login(editor)

    response = client.get(reverse("admin:pages_barrierreport_changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [report]
    content = response.content.decode()
    assert "Antwort fällig am" in content
    assert "noch 28 Tage" in content


def test_barrier_report_admin_is_closed_to_coordinators(client):
    barrier_report_submit(description="Schrift zu klein")
    coordinator = UserFactory(is_staff=True)
    coordinator.groups.add(Group.objects.get(name=Role.COORDINATOR))
    client.force_login(coordinator)

    response = client.get(reverse("admin:pages_barrierreport_changelist"))

    assert response.status_code == 403


def test_accessibility_statement_links_the_form_and_names_the_period(client):
    response = client.get(reverse("pages:accessibility"))

    content = response.content.decode()
    assert f'href="{reverse("pages:barrier_report")}"' in content
    assert "Wir antworten innerhalb von 4 Wochen." in content
    assert "[Zahl: Antwortfrist]" not in statement().body


def test_footer_links_the_form_with_the_current_page(client):
    response = client.get(reverse("pages:imprint"))

    assert 'href="/barriere-melden/?seite=/impressum/"' in response.content.decode()


def test_migrated_statement_names_the_form_the_missing_dgs_videos_and_the_wcag22_checks():
    body = statement().body

    assert "Melden Sie die Barriere bitte über das Formular „Barriere melden“" in body
    assert "- Die Erklärungen in Deutscher Gebärdensprache (DGS) fehlen noch." in body
    assert "nach den Regeln der WCAG 2.2 auf Stufe AA, in der Ansicht für den Desktop und für Smartphones" in body
    assert "Einige Seiten werden noch nicht automatisiert geprüft" not in body


def test_migrated_privacy_statement_says_what_the_form_stores():
    body = LegalPage.objects.get(kind=LegalPage.Kind.PRIVACY).body

    assert "## Meldungen über das Formular „Barriere melden“\nWer eine Barriere meldet" in body
    assert body.index("## Meldungen über das Formular") < body.index("## Ihre Rechte")


def test_redaktion_marks_reports_answered_in_the_admin_and_only_open_ones_count(client):
    first = barrier_report_submit(description="Schrift zu klein")
    second = barrier_report_submit(description="Kontrast zu schwach")
    BarrierReport.objects.filter(pk=second.pk).update(status=BarrierReport.Status.ANSWERED)
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=Role.EDITORIAL))
    client.force_login(editor)

    response = client.post(
        reverse("admin:pages_barrierreport_changelist"),
        {"action": "mark_answered", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )

    assert [str(message) for message in response.context["messages"]] == ["1 Meldung als beantwortet markiert."]
    assert set(BarrierReport.objects.values_list("status", flat=True)) == {BarrierReport.Status.ANSWERED}


def test_coordinator_cannot_mark_reports_answered():
    report = barrier_report_submit(description="Schrift zu klein")
    coordinator = UserFactory()
    coordinator.groups.add(Group.objects.get(name=Role.COORDINATOR))

    count = barrier_reports_mark_answered(reports=BarrierReport.objects.all(), by=coordinator)

    assert (count, BarrierReport.objects.get(pk=report.pk).status) == (0, BarrierReport.Status.OPEN)
