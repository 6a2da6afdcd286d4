import csv
import importlib
import io

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from transfers.models import SavedSearch, TransferRequest

from ..factories import (
    MunicipalityFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    TransferRequestFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def make_offers(count, transitions):
    return [
        TransferOfferFactory(project=ProjectFactory(municipality=MunicipalityFactory(), transitions=[transitions[0]]))
        for _ in range(count)
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_offer_list_query_count_fixed(client, transitions, count, django_assert_num_queries):
    make_offers(count, transitions)
    # count, offers, transitions, fields, target groups, services, 4 facet choices
    with django_assert_num_queries(10):
        response = client.get(reverse("transfers:offers"))
    assert len(response.context["object_list"]) == count


def test_offer_list_filters_by_transition_slug_and_service(client, baby_offer, transitions):
    other = TransferOfferFactory(project=ProjectFactory(transitions=[transitions[1]]))
    url = reverse("transfers:offers")
    by_transition = client.get(url, {"uebergang": transitions[0].slug})
    assert list(by_transition.context["object_list"]) == [baby_offer]
    by_service = client.get(url, {"leistung": "coaching"})
    assert list(by_service.context["object_list"]) == [baby_offer]
    everything = client.get(url)
    assert list(everything.context["object_list"]) == [other, baby_offer]


@pytest.mark.parametrize("route", ["transfers:offers", "transfers:requests"])
def test_old_english_list_parameters_redirect_to_the_german_ones(client, route):
    path = reverse(route)

    response = client.get(path, {"q": "Eltern", "transition": "kita", "municipality": "selm"})

    assert response.status_code == 301
    assert response["Location"] == f"{path}?q=Eltern&uebergang=kita&kommune=selm"


def test_saved_searches_of_the_transfer_lists_get_the_german_parameter_names(coordinator_selm):
    from django.apps import apps

    renaming = importlib.import_module("transfers.migrations.0011_german_list_parameters")
    offers = SavedSearch.objects.create(
        user=coordinator_selm, list_name="angebote", query="transition=kita&service=coaching&q=Eltern"
    )
    projects = SavedSearch.objects.create(user=coordinator_selm, list_name="projekte", query="uebergang=kita")

    renaming.rename(apps, renaming.RENAMED)

    offers.refresh_from_db()
    projects.refresh_from_db()
    assert (offers.query, projects.query) == ("uebergang=kita&leistung=coaching&q=Eltern", "uebergang=kita")


def test_offer_list_search_and_empty_state(client, baby_offer):
    url = reverse("transfers:offers")
    assert list(client.get(url, {"q": "Neugeborenen"}).context["object_list"]) == [baby_offer]
    response = client.get(url, {"q": "Schulsozialarbeit"})
    assert "Keine Angebote gefunden." in response.content.decode()


def test_offer_list_hides_inactive_and_unpublished(client, baby_offer):
    TransferOfferFactory(is_active=False)
    TransferOfferFactory(project=ProjectFactory(status="draft"))
    assert list(client.get(reverse("transfers:offers")).context["object_list"]) == [baby_offer]


def test_offer_detail_shows_services_capacity_and_contact(client, baby_offer, selm):
    baby_offer.contact_is_public = True  # without consent the contact stays hidden (test_offer_contact.py)
    baby_offer.save()
    TransferInterestFactory(offer=baby_offer, municipality=selm).services.set(
        baby_offer.services.filter(kind="coaching")
    )
    response = client.get(baby_offer.get_absolute_url())
    html = response.content.decode()
    assert [(s.get_kind_display(), s.free_capacity) for s in response.context["offer"].services.all()] == [
        ("Präsentation der Ergebnisse", 3),
        ("Coaching der Umsetzung", 0),
        ("Hospitation", 2),
    ]
    assert "berg@example.org" in html
    assert "ausgebucht" in html


def test_offer_detail_unknown_or_inactive_is_404(client):
    assert client.get(reverse("transfers:offer", args=[999999])).status_code == 404
    assert client.get(TransferOfferFactory(is_active=False).get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_request_list_query_count_fixed(client, transitions, baby_offer, count, django_assert_num_queries):
    for _ in range(count):
        TransferRequestFactory(municipality=MunicipalityFactory()).transitions.set([transitions[0]])
    # count, requests, 3 taxonomy, matching, offers + 5 prefetches, 4 facet choices
    with django_assert_num_queries(15):
        response = client.get(reverse("transfers:requests"))
    suggestions = [[s.offer.pk for s in found] for _r, found in response.context["requests_with_suggestions"]]
    assert suggestions == [[baby_offer.pk]] * count


def test_request_list_shows_only_open(client):
    open_request = TransferRequestFactory()
    TransferRequestFactory(status="closed")
    assert list(client.get(reverse("transfers:requests")).context["object_list"]) == [open_request]


def test_request_detail_suggests_offers(client, baby_offer, transitions, selm):
    transfer_request = TransferRequestFactory(municipality=selm)
    transfer_request.transitions.set([transitions[0]])
    response = client.get(transfer_request.get_absolute_url())
    assert [s.offer.pk for s in response.context["suggestions"]] == [baby_offer.pk]
    html = response.content.decode()
    assert "Passung {" not in html and "hohe Passung" in html
    assert "Warum es passt:</strong> gleicher Übergang: Schwangerschaft &amp; Geburt" in html
    assert client.get(reverse("transfers:request", args=["gibt-es-nicht"])).status_code == 404


def test_request_create_publishes(client, coordinator_selm, selm, transitions):
    client.force_login(coordinator_selm)
    response = client.post(
        reverse("transfers:request_create"),
        {
            "municipality": selm.pk,
            "title": "Lotsen Schule–Beruf",
            "need": "Wir suchen Lotsen.",
            "transitions": [transitions[4].pk],
        },
    )
    transfer_request = TransferRequest.objects.get()
    assert response.url == transfer_request.get_absolute_url()
    assert (transfer_request.municipality, transfer_request.created_by, list(transfer_request.transitions.all())) == (
        selm,
        coordinator_selm,
        [transitions[4]],
    )


def test_request_create_bad_input_keeps_values(client, coordinator_selm, selm):
    client.force_login(coordinator_selm)
    response = client.post(
        reverse("transfers:request_create"), {"municipality": selm.pk, "title": "Nur Titel", "need": ""}
    )
    form = response.context["form"]
    assert (form.errors, form["title"].value()) == ({"need": ["Dieses Feld ist zwingend erforderlich."]}, "Nur Titel")


def test_request_create_refuses_foreign_municipality(client, coordinator_selm, bergkamen):
    client.force_login(coordinator_selm)
    response = client.post(
        reverse("transfers:request_create"), {"municipality": bergkamen.pk, "title": "X", "need": "Y"}
    )
    assert list(response.context["form"].errors) == ["municipality"]
    assert TransferRequest.objects.count() == 0


def test_request_create_anonymous_and_non_coordinator(client):
    assert client.get(reverse("transfers:request_create")).url == "/verwaltung/login/?next=/transfer/gesuche/neu/"
    client.force_login(UserFactory())
    assert client.get(reverse("transfers:request_create")).status_code == 403


def test_request_close_only_by_own_municipality(client, coordinator_selm, coordinator_bergkamen, selm):
    transfer_request = TransferRequestFactory(municipality=selm)
    url = reverse("transfers:request_close", args=[transfer_request.slug])
    client.force_login(coordinator_bergkamen)
    assert client.post(url).status_code == 403
    client.force_login(coordinator_selm)
    assert client.post(url).status_code == 302
    transfer_request.refresh_from_db()
    assert transfer_request.status == "closed"


def test_ledger_only_for_coordinators_and_steering_group(client, coordinator_selm):
    assert client.get(reverse("transfers:ledger")).url == "/verwaltung/login/?next=/transfer/bilanz/"
    client.force_login(UserFactory(username="ohne-rolle"))
    assert client.get(reverse("transfers:ledger")).status_code == 403
    assert client.get(reverse("transfers:ledger_csv")).status_code == 403


def test_coordinators_see_every_kommunes_given_and_received(client, coordinator_selm, baby_offer, selm, unna):
    TransferInterestFactory(offer=baby_offer, municipality=unna, stage="rated")
    client.force_login(coordinator_selm)

    response = client.get(reverse("transfers:ledger"))

    rows = {row.municipality.name: (row.given_completed, row.received_completed) for row in response.context["rows"]}
    assert rows == {"Bergkamen": (1, 0), "Unna": (0, 1), "Selm": (0, 0)}


def test_admin_start_page_shows_the_coordinators_own_figures(client, coordinator_selm, baby_offer, selm):
    TransferInterestFactory(offer=baby_offer, municipality=selm, stage="rated")
    ProjectFactory(title="Selmer Entwurf", municipality=selm, status="draft")
    client.force_login(coordinator_selm)

    page = client.get(reverse("admin:index")).content.decode()

    figures = page[page.index('id="own-figures-heading"') : page.index("Transferbilanz aller Kommunen")]
    assert ">Selm</a></th>" in figures
    assert "<td>0</td><td>1</td>" in figures  # published projects, drafts
    assert "<td>0 / 0</td><td>1 / 0</td>" in figures  # given, received (completed / under way)
    assert "Bergkamen" not in figures


def test_ledger_highlights_imbalance_and_lists_who_received_nothing(client, steering_member, baby_offer, selm, unna):
    for town in ["Werne", "Kamen"]:
        TransferInterestFactory(offer=baby_offer, municipality=MunicipalityFactory(name=town), stage="rated")
    client.force_login(steering_member)
    response = client.get(reverse("transfers:ledger"))
    rows = {row.municipality.name: row for row in response.context["rows"]}
    assert (rows["Bergkamen"].balance, rows["Bergkamen"].is_imbalanced) == (2, True)
    assert [m.name for m in response.context["without_received"]] == ["Bergkamen", "Selm", "Unna"]


def test_ledger_csv_lists_every_transfer(client, steering_member, baby_offer, selm):
    TransferInterestFactory(offer=baby_offer, municipality=selm, stage="rated", rating=4)
    client.force_login(steering_member)
    response = client.get(reverse("transfers:ledger_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0] == [
        "Angemeldet am",
        "Gebende Kommune",
        "Projekt",
        "Empfangende Kommune",
        "Stand",
        "Zuletzt geändert",
        "Bewertung",
    ]
    assert [row[1:5] + row[6:] for row in rows[1:]] == [["Bergkamen", "Baby-Besuchsdienst", "Selm", "Bewertet", "4"]]


def test_municipality_balance_partial(baby_offer, selm):
    TransferInterestFactory(offer=baby_offer, municipality=selm, stage="implemented")
    html = render_to_string("transfers/_municipality_balance.html", {"municipality": selm})
    assert "Transferbilanz" in html
    assert (
        '<th class="kern-table__header" scope="row">umgesetzt</th>'
        '<td class="kern-table__cell">0</td><td class="kern-table__cell">1</td>'
    ) in html


def test_project_experiences_partial_empty_without_ratings(baby_offer, selm):
    TransferInterestFactory(offer=baby_offer, municipality=selm, stage="implemented", experience_worked="noch nicht")
    assert render_to_string("transfers/_project_experiences.html", {"project": baby_offer.project}).strip() == ""


def test_feeds_list_new_offers_and_requests(client, baby_offer):
    transfer_request = TransferRequestFactory(title="Lotsen gesucht")
    offers = client.get(reverse("transfers:offers_feed")).content.decode()
    requests = client.get(reverse("transfers:requests_feed")).content.decode()
    assert 'xmlns="http://www.w3.org/2005/Atom"' in offers
    assert "Bergkamen: Baby-Besuchsdienst" in offers
    assert f"{transfer_request.municipality}: Lotsen gesucht" in requests
