import pytest
from django.urls import reverse

from transfers.models import TransferInterest, TransferService

from ..factories import TransferInterestFactory, UserFactory

pytestmark = pytest.mark.django_db


def form_data(selm, **overrides):
    return {
        "municipality": selm.pk,
        "services": [],
        "message": "Wir möchten übernehmen.",
        "preferred_period": "Herbst 2026",
        "contact_name": "Frau Selm",
        "contact_email": "selm@example.org",
        **overrides,
    }


def interest_url(offer):
    return reverse("transfers:interest_create", args=[offer.pk])


def test_interest_form_registers_with_services(client, baby_offer, selm, coordinator_selm):
    coaching = baby_offer.services.get(kind=TransferService.Kind.COACHING)
    client.force_login(coordinator_selm)
    response = client.post(interest_url(baby_offer), form_data(selm, services=[coaching.pk]))
    interest = TransferInterest.objects.get()
    assert response.status_code == 302
    assert response.url == interest.get_absolute_url()
    assert (interest.municipality, list(interest.services.all()), interest.registered_by, interest.stage) == (
        selm,
        [coaching],
        coordinator_selm,
        "registered",
    )


def test_interest_form_sends_anonymous_to_login_and_back(client, baby_offer):
    url = interest_url(baby_offer)
    response = client.get(url)
    assert (response.status_code, response.url) == (302, f"/verwaltung/login/?next={url}")


def test_interest_form_refuses_own_offer(client, baby_offer, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)
    response = client.post(interest_url(baby_offer), form_data(bergkamen))
    assert response.status_code == 403
    assert response.context["refused"] == (
        "Das ist ein Angebot Ihrer eigenen Kommune – dafür können Sie kein Interesse anmelden."
    )
    assert TransferInterest.objects.count() == 0


def test_interest_form_refuses_user_without_municipality(client, baby_offer, selm):
    client.force_login(UserFactory())
    response = client.get(interest_url(baby_offer))
    assert (response.status_code, response.context["refused"]) == (
        403,
        "Interesse anmelden können nur Koordinator/innen einer Kommune.",
    )


def test_interest_form_refuses_second_open_interest_keeping_input(client, baby_offer, selm, coordinator_selm):
    TransferInterestFactory(offer=baby_offer, municipality=selm)
    client.force_login(coordinator_selm)
    response = client.post(interest_url(baby_offer), form_data(selm, message="Noch einmal"))
    form = response.context["form"]
    assert response.status_code == 200
    assert form.non_field_errors() == ["Selm hat für dieses Angebot bereits ein offenes Transferinteresse."]
    assert (form["message"].value(), form["preferred_period"].value()) == ("Noch einmal", "Herbst 2026")
    assert TransferInterest.objects.count() == 1


def test_interest_form_refuses_service_without_capacity_keeping_input(client, baby_offer, selm, unna, coordinator_selm):
    coaching = baby_offer.services.get(kind=TransferService.Kind.COACHING)  # capacity 1
    TransferInterestFactory(offer=baby_offer, municipality=unna).services.add(coaching)
    client.force_login(coordinator_selm)
    response = client.post(interest_url(baby_offer), form_data(selm, services=[coaching.pk]))
    form = response.context["form"]
    assert form.errors == {"services": ["Für diese Leistung ist keine Kapazität mehr frei: Coaching der Umsetzung."]}
    assert (form["contact_name"].value(), form["services"].value()) == ("Frau Selm", [str(coaching.pk)])
    assert TransferInterest.objects.count() == 1


def test_interest_capacity_freed_by_withdrawn_interest(client, baby_offer, selm, unna, coordinator_selm):
    coaching = baby_offer.services.get(kind=TransferService.Kind.COACHING)
    TransferInterestFactory(offer=baby_offer, municipality=unna, stage="withdrawn").services.add(coaching)
    client.force_login(coordinator_selm)
    response = client.post(interest_url(baby_offer), form_data(selm, services=[coaching.pk]))
    assert response.status_code == 302


def test_interest_form_bad_input_keeps_values(client, baby_offer, selm, coordinator_selm):
    client.force_login(coordinator_selm)
    response = client.post(interest_url(baby_offer), form_data(selm, message="", contact_email="keine-adresse"))
    form = response.context["form"]
    assert form.errors == {
        "message": ["Dieses Feld ist zwingend erforderlich."],
        "contact_email": ["Bitte gültige E-Mail-Adresse eingeben."],
    }
    assert (form["contact_email"].value(), form["preferred_period"].value()) == ("keine-adresse", "Herbst 2026")


def test_interest_form_unknown_offer_is_404(client, coordinator_selm):
    client.force_login(coordinator_selm)
    assert client.get(reverse("transfers:interest_create", args=[999999])).status_code == 404


def test_interest_detail_hidden_from_other_municipality(client, make_interest, coordinator_unna):
    interest = make_interest()
    client.force_login(coordinator_unna)
    assert client.get(interest.get_absolute_url()).status_code == 404
    response = client.post(reverse("transfers:interest_step", args=[interest.pk]), {"action": "accept"})
    assert response.status_code == 404


def test_interest_detail_steering_sees_read_only(client, make_interest, steering_member):
    interest = make_interest()
    client.force_login(steering_member)
    response = client.get(interest.get_absolute_url())
    assert (response.status_code, response.context["step_forms"]) == (200, [])


def test_interest_detail_offers_forms_for_allowed_steps(client, make_interest, coordinator_bergkamen):
    interest = make_interest()
    client.force_login(coordinator_bergkamen)
    response = client.get(interest.get_absolute_url())
    assert [form.action for form in response.context["step_forms"]] == ["accept", "decline", "note"]


def test_interest_step_disallowed_gives_clear_error(client, make_interest, coordinator_selm):
    interest = make_interest()
    client.force_login(coordinator_selm)
    response = client.post(reverse("transfers:interest_step", args=[interest.pk]), {"action": "accept"})
    assert (response.status_code, response.context["step_error"]) == (
        403,
        "Diesen Schritt kann nur die anbietende Kommune gehen.",
    )


def test_interest_step_note_without_text_keeps_form(client, make_interest, coordinator_selm):
    interest = make_interest()
    client.force_login(coordinator_selm)
    response = client.post(
        reverse("transfers:interest_step", args=[interest.pk]),
        {"action": "note", "note-comment": "", "note-is_private": "on"},
    )
    bound = next(form for form in response.context["step_forms"] if form.is_bound)
    assert (response.status_code, bound.errors) == (400, {"comment": ["Bitte schreiben Sie eine Notiz."]})
    assert bound["is_private"].value() is True


def test_interest_detail_private_note_of_other_side_not_shown(
    client, make_interest, coordinator_bergkamen, coordinator_selm
):
    interest = make_interest()
    client.force_login(coordinator_bergkamen)
    client.post(
        reverse("transfers:interest_step", args=[interest.pk]),
        {"action": "note", "note-comment": "Geheim: Personalengpass", "note-is_private": "on"},
    )
    client.force_login(coordinator_selm)
    response = client.get(interest.get_absolute_url())
    assert "Geheim: Personalengpass" not in response.content.decode()
    assert list(response.context["events"]) == []
    mine = client.get(reverse("transfers:mine"))
    assert "Geheim: Personalengpass" not in mine.content.decode()


def test_my_transfers_shows_only_own_municipalities(
    client, make_interest, baby_offer, unna, coordinator_selm, coordinator_unna
):
    own = make_interest()
    other = TransferInterestFactory(offer=baby_offer, municipality=unna, message="Unna-intern")
    client.force_login(coordinator_selm)
    response = client.get(reverse("transfers:mine"))
    outgoing = [i.pk for group in response.context["outgoing"].values() for i in group]
    assert (outgoing, dict(response.context["incoming"])) == ([own.pk], {})
    assert other.get_absolute_url() not in response.content.decode()


def test_my_transfers_anonymous_goes_to_login(client):
    response = client.get(reverse("transfers:mine"))
    assert response.url == "/verwaltung/login/?next=/transfer/meine/"
