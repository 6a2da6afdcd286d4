import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Coordinator, OutgoingMail, User
from events.models import EventRegistration
from pages.models import BarrierReport
from pages.services import barrier_report_submit
from projects.models import Municipality, MunicipalityContact, Project
from search.models import SearchChange
from tests.events.factories import EventFactory
from tests.factories import ProjectFactory, TransferInterestFactory, TransferOfferFactory, make_coordinator
from transfers.models import TransferInterest, TransferOffer

EMAIL = "erika.muster@bergkamen.de"


@pytest.fixture
def erika(bergkamen, selm):
    """Erika is contact person in several places; Max's data sits next to hers and must stay."""
    user = make_coordinator(bergkamen, username="erika", email=EMAIL, first_name="Erika", last_name="Muster")
    project = ProjectFactory(
        municipality=bergkamen, title="Willkommensbesuche", contact_name="Erika Muster",
        contact_email="Erika.Muster@Bergkamen.de", contact_phone="02307 1234", contact_is_public=True,
    )  # fmt: skip
    offer = TransferOfferFactory(project=project, contact_name="Erika Muster", contact_email=EMAIL)
    TransferInterestFactory(offer=offer, municipality=selm, contact_name="Max Kurz", contact_email="max@selm.de")
    ProjectFactory(municipality=selm, title="Lotsen", contact_name="Max Kurz", contact_email="max@selm.de")
    MunicipalityContact.objects.create(
        municipality=bergkamen, name="Erika Muster", email="Erika.Muster@Bergkamen.de", is_public=True,
        consent_given_on=datetime.date(2026, 1, 15),
    )  # fmt: skip
    MunicipalityContact.objects.create(municipality=selm, name="Max Kurz", email="max@selm.de")
    selm.pending_changes = {
        "contacts": [
            {"name": "Erika Muster", "role": "", "email": EMAIL, "phone": "", "is_public": False,
             "consent_given_on": None, "position": 1},
            {"name": "Max Kurz", "role": "", "email": "max@selm.de", "phone": "", "is_public": False,
             "consent_given_on": None, "position": 2},
        ]
    }  # fmt: skip
    selm.save()
    barrier_report_submit(description="Die Karte ist nicht bedienbar.", name="Erika Muster", email=EMAIL)
    barrier_report_submit(description="Schrift zu klein.", name="Max Kurz", email="max@selm.de")
    EventRegistration.objects.create(event=EventFactory(title="Fachtag Übergänge"), user=user, municipality=bergkamen)
    OutgoingMail.objects.create(to=EMAIL, subject="Projekt veröffentlicht", body="Guten Tag", template="t")
    OutgoingMail.objects.create(to="max@selm.de", subject="Projekt eingereicht", body="Guten Tag", template="t")
    return user


@pytest.mark.django_db
def test_personal_data_export_lists_every_record_of_the_person(erika, capsys):
    call_command("personal_data", "export", EMAIL.upper())

    data = json.loads(capsys.readouterr().out)
    assert [account["username"] for account in data["user_accounts"]] == ["erika"]
    assert data["user_accounts"][0]["coordinates"] == ["Bergkamen"]
    assert data["user_accounts"][0]["event_registrations"] == [{"event": "Fachtag Übergänge", "status": "confirmed"}]
    assert data["project_contacts"] == [
        {
            "project": "Willkommensbesuche",
            "municipality": "Bergkamen",
            "contact_name": "Erika Muster",
            "contact_role": "",
            "contact_email": "Erika.Muster@Bergkamen.de",
            "contact_phone": "02307 1234",
            "published": True,
        }
    ]
    assert [(c["municipality"], c["published"], c.get("proposed", False)) for c in data["municipality_contacts"]] == [
        ("Bergkamen", True, False),
        ("Selm", False, True),
    ]
    assert data["municipality_contacts"][0]["consent_given_on"] == "2026-01-15"
    assert [offer["project"] for offer in data["transfer_offer_contacts"]] == ["Willkommensbesuche"]
    assert data["transfer_interest_contacts"] == []
    assert [(report["name"], report["description"]) for report in data["barrier_reports"]] == [
        ("Erika Muster", "Die Karte ist nicht bedienbar.")
    ]
    assert ("Projekt veröffentlicht", "queued") in [
        (mail["subject"], mail["status"]) for mail in data["outgoing_mails"]
    ]


@pytest.mark.django_db
def test_personal_data_delete_removes_the_person_and_keeps_others(erika, capsys):
    call_command("personal_data", "delete", EMAIL, no_input=True)

    erika.refresh_from_db()
    assert (erika.username, erika.email, erika.first_name, erika.is_active, erika.has_usable_password()) == (
        f"geloescht-{erika.pk}", "", "", False, False,
    )  # fmt: skip
    assert Coordinator.objects.filter(user=erika).exists() is False
    project = Project.objects.get(title="Willkommensbesuche")
    assert (project.contact_name, project.contact_email, project.contact_phone, project.contact_is_public) == (
        "", "", "", False,
    )  # fmt: skip
    offer = TransferOffer.objects.get()
    assert (offer.contact_name, offer.contact_email, offer.is_active) == ("", "", False)
    assert list(Project.objects.exclude(contact_email="").values_list("contact_email", flat=True)) == ["max@selm.de"]
    assert TransferInterest.objects.get().contact_email == "max@selm.de"
    assert list(MunicipalityContact.objects.values_list("name", flat=True)) == ["Max Kurz"]
    assert [c["name"] for c in Municipality.objects.get(name="Selm").pending_changes["contacts"]] == ["Max Kurz"]
    assert sorted(BarrierReport.objects.values_list("description", "name", "email")) == [
        ("Die Karte ist nicht bedienbar.", "", ""),
        ("Schrift zu klein.", "Max Kurz", "max@selm.de"),
    ]
    assert OutgoingMail.objects.filter(to__iexact=EMAIL).exists() is False
    assert OutgoingMail.objects.filter(to="max@selm.de").exists() is True
    assert capsys.readouterr().out.startswith(
        "Gelöscht: 1 Benutzerkonten (anonymisiert), 2 Kontakte von Kommunen, 1 Projekt-Kontakte, 1 "
    )


def test_an_offer_switched_off_by_the_deletion_leaves_the_search_index_too(erika):
    offer = TransferOffer.objects.get()
    already_logged = SearchChange.objects.filter(kind="offer", object_id=offer.pk).count()

    call_command("personal_data", "delete", EMAIL, no_input=True)

    assert SearchChange.objects.filter(kind="offer", object_id=offer.pk).count() > already_logged


@pytest.mark.django_db
def test_personal_data_delete_asks_first_and_stops_on_no(erika, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "nein")

    with pytest.raises(CommandError, match=r"^Abgebrochen, nichts gelöscht\.$"):
        call_command("personal_data", "delete", EMAIL)

    assert User.objects.get(pk=erika.pk).email == EMAIL


@pytest.mark.django_db
def test_personal_data_rejects_invalid_email():
    with pytest.raises(CommandError, match="ist keine gültige E-Mail-Adresse"):
        call_command("personal_data", "export", "keine-adresse")


@pytest.mark.django_db
def test_personal_data_delete_of_unknown_person_changes_nothing(erika, capsys):
    call_command("personal_data", "delete", "unbekannt@example.org", no_input=True)

    assert capsys.readouterr().out == "Zu unbekannt@example.org sind keine Angaben gespeichert.\n"
    assert Project.objects.filter(contact_email__iexact=EMAIL).count() == 1
