"""Transfer as a method: readiness and mode on the offer, its filters, the loop from Gesuch to transfer."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from transfers import services
from transfers.models import Action, TransferInterest, TransferOffer, TransferRequest, TransferService

from ..factories import (
    MunicipalityFactory,
    ProjectFactory,
    TransferOfferFactory,
    TransferRequestFactory,
    TransferServiceFactory,
    make_coordinator,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("checked", "level"),
    [
        (TransferOffer.READINESS_CHECKS, "transferbereit"),
        (TransferOffer.READINESS_CHECKS[:3], "weitgehend transferbereit"),
        (TransferOffer.READINESS_CHECKS[:2], "im Aufbau"),
        ([], "im Aufbau"),
    ],
)
def test_offer_readiness_level_follows_the_checklist(checked, level):
    offer = TransferOfferFactory(**{name: True for name in checked})
    assert offer.get_readiness_display() == level
    assert [fulfilled for _label, fulfilled in offer.readiness_checklist()] == [
        name in checked for name in TransferOffer.READINESS_CHECKS
    ]


def test_offer_success_criteria_are_required():
    offer = TransferOfferFactory.build(project=ProjectFactory(), success_criteria="")
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert list(error.value.message_dict) == ["success_criteria"]


def test_offer_detail_shows_readiness_mode_criteria_effort_and_difficulty(client, baby_offer):
    TransferOffer.objects.filter(pk=baby_offer.pk).update(
        ready_concept=True,
        ready_contact_time=True,
        ready_results=True,
        adopter_effort=TransferOffer.Effort.LOW,
        adopter_costs="rund 500 € Sachkosten",
        difficulty=TransferOffer.Difficulty.DEMANDING,
        success_criteria="Eine Hebamme mit Zeit für die Besuche.",
    )
    baby_offer.services.filter(kind=TransferService.Kind.COACHING).update(mode=TransferService.Mode.PARTNERSHIP)
    html = client.get(baby_offer.get_absolute_url()).content.decode()
    assert "Transferbereitschaft: weitgehend transferbereit" in html
    assert "Was für eine Übernahme entscheidend ist" in html
    assert "Eine Hebamme mit Zeit für die Besuche." in html
    assert "rund 500 € Sachkosten" in html
    assert "<dd>anspruchsvoll</dd>" in html
    assert '<td class="kern-table__cell">Partnerschaft mit Vereinbarung</td>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"transferform": "peer_review"}, ["Visitation"]),
        ({"aufwand": "low"}, ["Visitation"]),
        ({"schwierigkeit": "demanding"}, ["Partnerschaft"]),
        ({}, ["Partnerschaft", "Visitation"]),
    ],
)
def test_offer_list_filters_by_mode_effort_and_difficulty(client, query, expected):
    visit = TransferOfferFactory(project=ProjectFactory(title="Visitation"), adopter_effort="low", difficulty="easy")
    TransferServiceFactory(offer=visit, mode=TransferService.Mode.PEER_REVIEW)
    partner = TransferOfferFactory(
        project=ProjectFactory(title="Partnerschaft"), adopter_effort="high", difficulty="demanding"
    )
    TransferServiceFactory(offer=partner, mode=TransferService.Mode.PARTNERSHIP)
    response = client.get(reverse("transfers:offers"), query)
    assert sorted(offer.project.title for offer in response.context["object_list"]) == expected


# --- the loop: Gesuch → interest → accepted → vermittelt --------------------------------------------


@pytest.fixture
def selm_request(selm, coordinator_selm):
    return TransferRequestFactory(municipality=selm, title="Babybesuche in Selm", created_by=coordinator_selm)


def test_accepting_an_interest_from_a_gesuch_marks_it_matched(
    baby_offer, selm, coordinator_selm, bergkamen, selm_request
):
    interest = services.interest_register(
        offer=baby_offer,
        municipality=selm,
        user=coordinator_selm,
        message="Passt zu unserem Gesuch.",
        request=selm_request,
    )
    selm_request.refresh_from_db()
    assert (interest.request, selm_request.status) == (selm_request, TransferRequest.Status.OPEN)
    giver = make_coordinator(bergkamen, username="bergkamen-loop")
    services.interest_advance(interest=interest, action=Action.ACCEPT, user=giver)
    selm_request.refresh_from_db()
    assert selm_request.status == TransferRequest.Status.MATCHED


def test_interest_refuses_a_gesuch_of_another_municipality(baby_offer, selm, coordinator_selm):
    other = TransferRequestFactory(municipality=MunicipalityFactory(name="Werne"))
    with pytest.raises(ValidationError) as error:
        services.interest_register(offer=baby_offer, municipality=selm, user=coordinator_selm, request=other)
    assert error.value.message_dict == {
        "request": ["Ein Transfer kann nur auf ein Gesuch der interessierten Kommune antworten."]
    }
    assert TransferInterest.objects.count() == 0


def test_interest_form_takes_the_gesuch_from_the_link(client, baby_offer, coordinator_selm, selm_request):
    client.force_login(coordinator_selm)
    url = reverse("transfers:interest_create", args=[baby_offer.pk])
    form = client.get(url, {"gesuch": selm_request.slug}).context["form"]
    assert form.initial["request"] == selm_request.slug
    response = client.post(
        url,
        {
            "municipality": selm_request.municipality_id,
            "message": "Wir möchten das übernehmen.",
            "contact_name": "Frau Selm",
            "contact_email": "selm@example.org",
            "request": selm_request.slug,
        },
    )
    interest = TransferInterest.objects.get()
    assert response.status_code == 302
    assert interest.request == selm_request


def test_gesuch_page_shows_its_transfers_linked_only_for_the_parties(
    client, make_interest, selm_request, coordinator_selm
):
    interest = make_interest(stage="first_meeting", request=selm_request)
    html = client.get(selm_request.get_absolute_url()).content.decode()
    assert "Transfers zu diesem Gesuch" in html
    assert "Baby-Besuchsdienst (Bergkamen) – Stand: Erstgespräch" in html
    assert interest.get_absolute_url() not in html
    client.force_login(coordinator_selm)
    assert interest.get_absolute_url() in client.get(selm_request.get_absolute_url()).content.decode()


# --- projects without an offer --------------------------------------------------------------------


@pytest.fixture
def project_without_offer(transitions):
    kamen = MunicipalityFactory(name="Kamen")
    return ProjectFactory(municipality=kamen, title="Kontaktstelle", transitions=[transitions[0]])


def test_gesuch_suggests_a_project_without_offer_with_a_button_to_ask(
    client, coordinator_selm, selm_request, transitions, project_without_offer
):
    selm_request.transitions.set([transitions[0]])
    client.force_login(coordinator_selm)
    response = client.get(selm_request.get_absolute_url())
    assert [(s.project, s.offer) for s in response.context["suggestions"]] == [(project_without_offer, None)]
    ask_url = reverse("transfers:offer_ask", args=[selm_request.slug, project_without_offer.pk])
    assert f'action="{ask_url}"' in response.content.decode()


def test_offer_ask_notifies_the_project_coordinators_with_the_offer_form(
    client, coordinator_selm, selm_request, project_without_offer
):
    kamen_user = make_coordinator(project_without_offer.municipality, username="kamen-ask")
    client.force_login(coordinator_selm)
    response = client.post(reverse("transfers:offer_ask", args=[selm_request.slug, project_without_offer.pk]))
    assert response.status_code == 302
    notification = kamen_user.transfer_notifications.get()
    assert notification.subject == "Selm bittet um ein Transfer-Angebot zu „Kontaktstelle“"
    assert notification.url == reverse("admin:transfers_transferoffer_add") + f"?project={project_without_offer.pk}"


def test_offer_ask_a_second_time_mails_nobody_again(client, coordinator_selm, selm_request, project_without_offer):
    kamen_user = make_coordinator(project_without_offer.municipality, username="kamen-ask")
    client.force_login(coordinator_selm)
    ask = reverse("transfers:offer_ask", args=[selm_request.slug, project_without_offer.pk])
    client.post(ask)

    response = client.post(ask)

    assert response.status_code == 403
    assert kamen_user.transfer_notifications.count() == 1


def test_offer_ask_refused_for_another_municipality(client, selm_request, project_without_offer):
    stranger = make_coordinator(MunicipalityFactory(name="Unna"), username="unna-ask")
    client.force_login(stranger)
    response = client.post(reverse("transfers:offer_ask", args=[selm_request.slug, project_without_offer.pk]))
    assert response.status_code == 403
    assert stranger.transfer_notifications.count() == 0


# --- the ledger ------------------------------------------------------------------------------------


def test_ledger_counts_only_implemented_transfers_by_mode(client, steering_member, baby_offer, selm, unna):
    from ..factories import TransferInterestFactory

    coaching = baby_offer.services.get(kind=TransferService.Kind.COACHING)
    visit = baby_offer.services.get(kind=TransferService.Kind.SITE_VISIT)
    done = TransferInterestFactory(offer=baby_offer, municipality=selm, stage="rated")
    done.services.set([coaching, visit])
    running = TransferInterestFactory(offer=baby_offer, municipality=unna, stage="coaching")
    running.services.set([coaching])
    client.force_login(steering_member)
    response = client.get(reverse("transfers:ledger"))
    rows = {row.municipality.name: row for row in response.context["rows"]}
    assert (rows["Bergkamen"].given_completed, rows["Unna"].received_completed) == (1, 0)
    assert rows["Bergkamen"].by_mode() == [("Hospitation", 1, 0), ("Coaching", 1, 0)]
    assert rows["Selm"].by_mode() == [("Hospitation", 0, 1), ("Coaching", 0, 1)]
    assert [m.name for m in response.context["without_received"]] == ["Bergkamen", "Unna"]
    assert "Coaching: 1 gegeben, 0 erhalten" in response.content.decode()
