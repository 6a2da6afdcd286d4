"""Placeholders in the legal pages: filled from the seeds where known, listed by check and admin where not."""

import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Role
from pages.checks import legal_pages_complete
from pages.models import LegalPage
from tests.factories import UserFactory

OLD = importlib.import_module("pages.migrations.0002_default_legal_pages")
FILL = importlib.import_module("pages.migrations.0003_fill_legal_pages_from_seeds")

pytestmark = pytest.mark.django_db


def complete_all_pages():
    for page in LegalPage.objects.all():
        page.body = "## Anbieter\nKreis Unna – Der Landrat\nHansastraße 4\n59425 Unna"
        page.contact_email = "barrierefreiheit@kreis-unna.de"
        page.save()


@pytest.fixture
def editor(client):
    user = UserFactory(username="redaktion-platzhalter")
    user.groups.add(Group.objects.get(name=Role.EDITORIAL))
    client.force_login(user)
    return user


def test_migrated_imprint_names_publisher_and_responsible_person_from_the_seeds():
    body = LegalPage.objects.get(kind=LegalPage.Kind.IMPRINT).body

    assert body.startswith(
        "## Anbieter\nKreis Unna – Der Landrat\nFachbereich Familie und Jugend\nHansastraße 4\n59425 Unna\n"
    )
    assert "Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag: Norbert Hahn, Dezernent, Kreis Unna" in body


def test_migrated_accessibility_statement_is_partially_compliant_as_of_the_self_assessment():
    body = LegalPage.objects.get(kind=LegalPage.Kind.ACCESSIBILITY).body

    assert (
        "Diese Website ist teilweise mit den Anforderungen vereinbar. "
        "Die Erklärung beruht auf einer Selbstbewertung vom 24. November 2026."
    ) in body


def test_migrated_pages_keep_only_operator_placeholders():
    placeholders = {page.kind: page.placeholders() for page in LegalPage.objects.all()}

    assert placeholders == {
        "impressum": [
            "[Telefonnummer]",
            "[E-Mail-Adresse]",
            "[Name des Landrats oder der Landrätin]",
            "[Nummer nach § 27a Umsatzsteuergesetz, falls vorhanden – sonst diesen Abschnitt löschen]",
        ],
        "datenschutz": [
            "[E-Mail-Adresse der/des Datenschutzbeauftragten]",
            "[Zahl: Server-Protokolle]",
            "[Zahl: Anmeldeprotokoll]",
        ],
        "barrierefreiheit": ["barrierefreiheit@example.org"],
    }


def test_accessibility_statement_names_the_ombudsstelle_to_turn_to():
    body = LegalPage.objects.get(kind=LegalPage.Kind.ACCESSIBILITY).body

    assert (
        "an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden: "
        "E-Mail ombudsstelle-barrierefreie-it@mags.nrw.de, Internet https://www.lbbp.nrw.de/ombudsstelle"
    ) in body


def test_fill_migration_replaces_only_texts_that_still_equal_the_old_default():
    LegalPage.objects.filter(kind=LegalPage.Kind.IMPRINT).update(body=OLD.IMPRINT)
    LegalPage.objects.filter(kind=LegalPage.Kind.PRIVACY).update(body="Von der Redaktion geschrieben [Anzahl]")

    FILL.fill(apps, None)

    bodies = dict(LegalPage.objects.values_list("kind", "body"))
    assert bodies["impressum"] == FILL.IMPRINT
    assert bodies["datenschutz"] == "Von der Redaktion geschrieben [Anzahl]"


def test_fill_migration_reversed_restores_only_unedited_new_defaults():
    LegalPage.objects.filter(kind=LegalPage.Kind.IMPRINT).update(body=FILL.IMPRINT)
    LegalPage.objects.filter(kind=LegalPage.Kind.PRIVACY).update(body="Von der Redaktion geschrieben")

    FILL.unfill(apps, None)

    bodies = dict(LegalPage.objects.values_list("kind", "body"))
    assert (bodies["impressum"], bodies["datenschutz"]) == (OLD.IMPRINT, "Von der Redaktion geschrieben")


def test_deploy_check_without_database_stays_silent():
    assert legal_pages_complete(databases=None) == []


def test_deploy_check_with_database_warns_per_page_with_placeholders():
    LegalPage.objects.filter(kind=LegalPage.Kind.PRIVACY).update(body="Fertig.")
    LegalPage.objects.filter(kind=LegalPage.Kind.IMPRINT).update(body="Telefon: [Telefonnummer]")

    warnings = legal_pages_complete(databases=["default"])

    assert [(warning.id, warning.obj.kind) for warning in warnings] == [
        ("pages.W001", "barrierefreiheit"),
        ("pages.W001", "impressum"),
    ]
    assert warnings[1].msg == "„Impressum“ enthält noch 1 Platzhalter: [Telefonnummer]"
    assert warnings[1].hint == "In der Verwaltung unter „Seiten und Betrieb → Rechtliche Seiten“ ersetzen."


def test_deploy_check_with_database_is_silent_once_every_page_is_complete():
    complete_all_pages()

    assert legal_pages_complete(databases=["default"]) == []


def test_check_command_lists_incomplete_pages_only_with_database_option():
    def run(*args):
        out, err = io.StringIO(), io.StringIO()
        call_command("check", "--deploy", "--fail-level", "CRITICAL", *args, stdout=out, stderr=err)
        return out.getvalue() + err.getvalue()

    without_database = run()
    with_database = run("--database", "default")

    assert (without_database.count("(pages.W001)"), with_database.count("(pages.W001)")) == (0, 3)
    assert "„Impressum“ enthält noch 4 Platzhalter: [Telefonnummer] · [E-Mail-Adresse]" in with_database


def test_placeholder_email_address_counts_as_placeholder():
    page = LegalPage(
        kind=LegalPage.Kind.ACCESSIBILITY, title="Barrierefreiheit", body="Text", contact_email="a@Example.ORG"
    )

    assert page.placeholders() == ["a@Example.ORG"]


def test_admin_changelist_shows_open_placeholders_and_a_warning(client, editor):
    complete_all_pages()
    LegalPage.objects.filter(kind=LegalPage.Kind.IMPRINT).update(body="[Telefonnummer] und [E-Mail-Adresse]")

    response = client.get(reverse("admin:pages_legalpage_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == [
        "Noch nicht fertig: Impressum. Die Platzhalter in eckigen Klammern müssen vor dem Start ersetzt werden."
    ]
    assert html.count('<td class="field-open_placeholders_count">2 Platzhalter</td>') == 1
    assert html.count('<td class="field-open_placeholders_count">nichts</td>') == 2


def test_admin_changelist_without_placeholders_shows_no_warning(client, editor):
    complete_all_pages()

    response = client.get(reverse("admin:pages_legalpage_changelist"))

    assert list(response.context["messages"]) == []


def test_admin_change_form_lists_the_placeholders_to_replace(client, editor):
    page = LegalPage.objects.get(kind=LegalPage.Kind.IMPRINT)
    page.body = "Telefon: [Telefonnummer]\nvertreten durch <b>[Name]</b>"
    page.save()

    html = client.get(reverse("admin:pages_legalpage_change", args=[page.pk])).content.decode()

    assert "<ul><li>[Telefonnummer]</li><li>[Name]</li></ul>" in html
