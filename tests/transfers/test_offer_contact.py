"""An offer's contact (name, e-mail, phone) is public only with the person's consent, as for projects."""

import csv
import io

import pytest
from django.urls import reverse

from ..factories import make_coordinator

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Frau Berg", "berg@example.org", "02307 98765"


@pytest.fixture
def offer(baby_offer):
    baby_offer.contact_phone = PHONE
    baby_offer.save()
    return baby_offer


def public_texts(client, offer) -> dict[str, str]:
    """Everything an anonymous visitor can fetch that shows the offer."""
    project = offer.project
    return {
        "offer page": client.get(reverse("transfers:offer", kwargs={"pk": offer.pk})).content.decode(),
        "offer list": client.get(reverse("transfers:offers")).content.decode(),
        "project page": client.get(project.get_absolute_url()).content.decode(),
        "api list": client.get("/api/v1/offers/").content.decode(),
        "api detail": client.get(f"/api/v1/offers/{offer.pk}/").content.decode(),
        "open data csv": client.get("/offene-daten/transfer-angebote.csv").content.decode("utf-8-sig"),
        "open data json": client.get("/offene-daten/transferboerse.json").content.decode(),
        "feed": client.get(reverse("transfers:offers_feed")).content.decode(),
    }


def test_offer_contact_is_hidden_everywhere_without_consent(client, offer):
    texts = public_texts(client, offer)

    shown = {where: [value for value in (NAME, EMAIL, PHONE) if value in text] for where, text in texts.items()}
    assert shown == {where: [] for where in texts}
    assert "nennen wir Ihnen, sobald Ihre Kommune Interesse angemeldet hat" in texts["offer page"]


def test_offer_contact_is_shown_with_consent(client, offer):
    offer.contact_is_public = True
    offer.save()

    texts = public_texts(client, offer)

    shown = {where: [value for value in (NAME, EMAIL, PHONE) if value in text] for where, text in texts.items()}
    assert shown == {
        "offer page": [NAME, EMAIL, PHONE],
        "offer list": [],
        "project page": [NAME],
        "api list": [NAME, EMAIL, PHONE],
        "api detail": [NAME, EMAIL, PHONE],
        "open data csv": [NAME, EMAIL],
        "open data json": [NAME, EMAIL, PHONE],
        "feed": [],
    }
    assert client.get(f"/api/v1/offers/{offer.pk}/").json()["contacts"] == [
        {"name": NAME, "title": None, "email": EMAIL, "phones": [{"number": PHONE}]}
    ]
    rows = list(csv.DictReader(io.StringIO(texts["open data csv"]), delimiter=";"))
    assert [row["contacts"] for row in rows] == [f"{NAME} <{EMAIL}>"]


def test_offer_contact_without_consent_is_hidden_from_another_kommune(client, offer, selm):
    client.force_login(make_coordinator(selm, username="koordination-selm-kontakt"))

    html = client.get(reverse("transfers:offer", kwargs={"pk": offer.pk})).content.decode()

    assert [value for value in (NAME, EMAIL, PHONE) if value in html] == []


def test_offer_contact_without_consent_is_shown_to_the_own_kommune_as_unpublished(client, offer, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    html = client.get(reverse("transfers:offer", kwargs={"pk": offer.pk})).content.decode()

    assert [value for value in (NAME, EMAIL, PHONE) if value in html] == [NAME, EMAIL, PHONE]
    assert "Nicht veröffentlicht: Diesen Kontakt sehen nur Ihre Kommune" in html


def test_offer_contact_is_shown_to_the_registered_kommune_on_the_transfer_page(
    client, offer, make_interest, coordinator_selm
):
    interest = make_interest()
    client.force_login(coordinator_selm)

    html = client.get(interest.get_absolute_url()).content.decode()

    assert (NAME in html, EMAIL in html) == (True, True)


def test_offer_contact_consent_box_is_in_the_admin_forms(admin_client, offer):
    offer_form = admin_client.get(reverse("admin:transfers_transferoffer_change", args=[offer.pk]))
    project_form = admin_client.get(reverse("admin:projects_project_change", args=[offer.project.pk]))

    assert 'name="contact_is_public"' in offer_form.content.decode()
    assert 'name="transfer_offers-0-contact_is_public"' in project_form.content.decode()


def test_personal_data_delete_withdraws_the_offer_contact_consent(offer):
    from operations.privacy import personal_data_delete

    offer.contact_is_public = True
    offer.save()

    personal_data_delete(email=EMAIL.upper())

    offer.refresh_from_db()
    assert (offer.contact_name, offer.contact_email, offer.contact_is_public, offer.is_active) == ("", "", False, False)
