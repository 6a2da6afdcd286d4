"""Numbers with decimals are typed and shown the German way in every admin form: "1,5" is 1.5."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from steering.models import Goal
from transfers.models import TransferService

from ..factories import ProjectFactory, TransferOfferFactory, TransferServiceFactory
from .conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(bergkamen):
    offer = TransferOfferFactory(project=ProjectFactory(municipality=bergkamen, title="Babylotsen"))
    return TransferServiceFactory(offer=offer, effort_hours=Decimal("2.5"))


def change_page(client, service) -> tuple[str, str]:
    url = reverse("admin:transfers_transferoffer_change", args=[service.offer.pk])
    return url, client.get(url).content.decode()


def test_decimal_in_an_inline_is_shown_with_a_comma_in_a_text_input(client, coordinator_bergkamen, service):
    client.force_login(coordinator_bergkamen)

    _url, page = change_page(client, service)

    assert (
        '<input type="text" name="services-0-effort_hours" value="2,5" inputmode="decimal" autocomplete="off" '
        'id="id_services-0-effort_hours">'
    ) in page


@pytest.mark.parametrize(("typed", "stored"), [("1,5", Decimal("1.5")), ("1.5", Decimal("1.5")), ("12", Decimal("12"))])
def test_decimal_typed_the_german_way_is_stored_as_that_number(client, coordinator_bergkamen, service, typed, stored):
    client.force_login(coordinator_bergkamen)
    url, page = change_page(client, service)
    data = form_data(page, "transferoffer_form")
    data["services-0-effort_hours"] = [typed]

    response = client.post(url, data)

    assert response.status_code == 302
    assert TransferService.objects.get(pk=service.pk).effort_hours == stored


def test_decimal_that_is_no_number_gets_a_german_error(client, coordinator_bergkamen, service):
    client.force_login(coordinator_bergkamen)
    url, page = change_page(client, service)
    data = form_data(page, "transferoffer_form")
    data["services-0-effort_hours"] = ["anderthalb"]

    response = client.post(url, data)

    assert response.context["inline_admin_formsets"][0].formset.errors[0] == {
        "effort_hours": ["Bitte eine Zahl eingeben."]
    }
    assert TransferService.objects.get(pk=service.pk).effort_hours == Decimal("2.5")


def test_decimal_fields_of_every_registered_admin_are_localised(steering_member):
    request = RequestFactory().get("/")
    request.user = steering_member
    form = admin.site._registry[Goal].get_form(request)

    assert [form.base_fields[name].localize for name in ["baseline", "target_value"]] == [True, True]
