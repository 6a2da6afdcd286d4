import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tests.factories import ProjectFactory, TransferOfferFactory
from transfers.models import TransferInterest, TransferRequest

LOW = {
    "login": {"path": r"^/verwaltung/login/$", "per_minute": 2},
    "interest": {"path": r"^/transfer/angebote/\d+/interesse/$", "per_minute": 2},
    "request": {"path": r"^/transfer/gesuche/neu/$", "per_minute": 2},
}
MESSAGE = "Zu viele Anfragen – bitte versuchen Sie es in einer Minute erneut."


@pytest.fixture(autouse=True)
def low_limits():
    cache.clear()
    with override_settings(RATE_LIMITS=LOW):
        yield
    cache.clear()


def request_data(selm, title):
    return {"municipality": selm.pk, "title": title, "need": "Wir suchen einen Elternkurs."}


def test_request_form_third_post_in_a_minute_gets_german_429_and_saves_nothing(client, coordinator_selm, selm):
    client.force_login(coordinator_selm)
    url = reverse("transfers:request_create")
    assert client.post(url, request_data(selm, "Erstes Gesuch")).status_code == 302
    assert client.post(url, request_data(selm, "Zweites Gesuch")).status_code == 302

    response = client.post(url, request_data(selm, "Drittes Gesuch"))

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert MESSAGE in response.content.decode()
    assert list(TransferRequest.objects.order_by("title").values_list("title", flat=True)) == [
        "Erstes Gesuch",
        "Zweites Gesuch",
    ]


def test_request_form_limit_does_not_affect_another_user(
    client, coordinator_selm, coordinator_bergkamen, selm, bergkamen
):
    url = reverse("transfers:request_create")
    client.force_login(coordinator_selm)
    for title in ["Eins", "Zwei", "Drei"]:
        client.post(url, request_data(selm, title))
    client.force_login(coordinator_bergkamen)

    response = client.post(url, {"municipality": bergkamen.pk, "title": "Bergkamen sucht", "need": "Bedarf"})

    assert response.status_code == 302
    assert TransferRequest.objects.filter(title="Bergkamen sucht").count() == 1


def test_request_form_get_is_not_limited(client, coordinator_selm):
    client.force_login(coordinator_selm)
    statuses = [client.get(reverse("transfers:request_create")).status_code for _ in range(5)]
    assert statuses == [200] * 5


def test_interest_form_over_the_limit_saves_nothing(client, coordinator_selm, bergkamen, selm):
    offers = [TransferOfferFactory(project=ProjectFactory(municipality=bergkamen)) for _ in range(3)]
    client.force_login(coordinator_selm)
    data = {
        "municipality": selm.pk,
        "message": "Wir möchten übernehmen.",
        "contact_name": "Markus Wiese",
        "contact_email": "m@example.org",
    }
    statuses = [
        client.post(reverse("transfers:interest_create", args=[offer.pk]), data).status_code for offer in offers
    ]

    assert statuses == [302, 302, 429]
    assert list(TransferInterest.objects.values_list("offer_id", flat=True).order_by("offer_id")) == [
        offers[0].pk,
        offers[1].pk,
    ]


def test_admin_login_is_limited_per_address(client, db):
    url = reverse("admin:login")
    statuses = [
        client.post(url, {"username": f"niemand{index}", "password": "falsch"}, REMOTE_ADDR="10.0.0.1").status_code
        for index in range(3)
    ]
    other_address = client.post(url, {"username": "niemand", "password": "falsch"}, REMOTE_ADDR="10.0.0.2")

    assert statuses == [200, 200, 429]
    assert other_address.status_code == 200
