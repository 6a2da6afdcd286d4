"""hypothesis: arbitrary text in the coordinator forms and the public list filters never gives a 500,
and invalid input changes nothing."""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import ProjectFactory, TransferInterestFactory, TransferOfferFactory
from transfers.models import NotificationPreference, TransferEvent, TransferInterest, TransferRequest

from .strategies import FUZZ, TEXT

LISTS = ["/projekte/", "/netzwerke/", "/transfer/angebote/", "/transfer/gesuche/", "/luecken/"]
PARAMS = ["q", "uebergang", "handlungsfeld", "zielgruppe", "kommune", "transfer", "sortierung", "page", "status"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def counts():
    return TransferInterest.objects.count(), TransferRequest.objects.count(), TransferEvent.objects.count()


@pytest.mark.django_db
@FUZZ
@given(path=st.sampled_from(LISTS), params=st.dictionaries(st.sampled_from(PARAMS), TEXT, max_size=3))
def test_public_list_filters_never_fail(client, path, params):
    response = client.get(path, params)
    assert response.status_code in (200, 400, 404)


@FUZZ
@given(title=TEXT, need=TEXT, municipality=TEXT)
def test_request_form_bad_input_never_fails_and_saves_only_valid(
    client, coordinator_selm, selm, title, need, municipality
):
    client.force_login(coordinator_selm)
    before = TransferRequest.objects.count()
    response = client.post("/transfer/gesuche/neu/", {"municipality": municipality, "title": title, "need": need})
    assert response.status_code in (200, 302)
    assert TransferRequest.objects.count() == before + (1 if response.status_code == 302 else 0)


@FUZZ
@given(message=TEXT, email=TEXT, name=TEXT, period=TEXT, services=TEXT)
def test_interest_form_bad_input_never_fails_and_saves_only_valid(
    client, coordinator_selm, selm, bergkamen, message, email, name, period, services
):
    offer = TransferOfferFactory(project=ProjectFactory(municipality=bergkamen))
    client.force_login(coordinator_selm)
    before = counts()
    response = client.post(
        f"/transfer/angebote/{offer.pk}/interesse/",
        {"municipality": selm.pk, "message": message, "contact_name": name, "contact_email": email,
         "preferred_period": period, "services": services},
    )  # fmt: skip
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert counts() == before


@FUZZ
@given(action=TEXT | st.sampled_from(["accept", "note", "rate", "decline", "withdraw"]), comment=TEXT, rating=TEXT)
def test_interest_step_bad_input_never_fails(client, coordinator_bergkamen, selm, bergkamen, action, comment, rating):
    interest = TransferInterestFactory(
        offer=TransferOfferFactory(project=ProjectFactory(municipality=bergkamen)), municipality=selm
    )
    client.force_login(coordinator_bergkamen)
    before = counts()
    response = client.post(
        f"/transfer/interessen/{interest.pk}/schritt/",
        {"action": action, f"{action}-comment": comment, f"{action}-rating": rating},
    )
    assert response.status_code in (302, 400, 403, 409)
    if response.status_code != 302:
        assert counts() == before


SIGNED_IN_PAGES = [
    "/transfer/bilanz/",
    "/transfer/bilanz/export.csv",
    "/transfer/meine/",
    "/transfer/benachrichtigungen/",
    "/fachtage/",
    "/luecken/csv/",
    "/steuerung/",
    "/steuerung/netzwerke/",
    "/steuerung/netzwerke/export.csv",
]


@FUZZ
@given(path=st.sampled_from(SIGNED_IN_PAGES), params=st.dictionaries(st.sampled_from([*PARAMS, "zeitraum"]), TEXT))
def test_signed_in_pages_with_garbage_params_never_fail(client, steering_member, path, params):
    client.force_login(steering_member)

    response = client.get(path, params)

    assert response.status_code in (200, 400, 404)


@FUZZ
@given(frequency=TEXT | st.sampled_from(["immediately", "daily", "weekly", "never"]), mark_read=st.booleans())
def test_notification_settings_bad_input_never_fails(client, coordinator_selm, frequency, mark_read):
    client.force_login(coordinator_selm)
    data = {"frequency": frequency, **({"mark_read": "1"} if mark_read else {})}
    before = list(NotificationPreference.objects.values_list("user", "frequency"))

    response = client.post("/transfer/benachrichtigungen/", data)

    assert response.status_code in (302, 400)  # 400: the page again with the form's error
    if response.status_code == 400:
        assert list(NotificationPreference.objects.values_list("user", "frequency")) == before
