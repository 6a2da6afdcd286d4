import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from transfers.models import TransferInterest

from ..factories import ProjectFactory, TransferInterestFactory, TransferOfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(bergkamen):
    return TransferOfferFactory(project=ProjectFactory(municipality=bergkamen, title="Baby-Besuchsdienst"))


def test_interest_for_own_offer_is_refused_by_database(offer, bergkamen):
    with pytest.raises(IntegrityError, match="transferinterest_not_for_own_offer"):
        TransferInterestFactory(offer=offer, municipality=bergkamen)


def test_interest_cannot_be_moved_onto_own_offer(offer, bergkamen, selm):
    interest = TransferInterestFactory(offer=offer, municipality=selm)
    interest.municipality = bergkamen
    with pytest.raises(IntegrityError, match="transferinterest_not_for_own_offer"):
        interest.save()


def test_interest_for_own_offer_gets_german_message(offer, bergkamen):
    interest = TransferInterest(offer=offer, municipality=bergkamen)
    with pytest.raises(ValidationError) as error:
        interest.full_clean()
    assert error.value.messages == ["Eine Kommune kann kein Transferinteresse am eigenen Angebot anmelden."]


def test_interest_second_open_one_is_refused(offer, selm):
    TransferInterestFactory(offer=offer, municipality=selm)
    with pytest.raises(IntegrityError, match="transferinterest_one_open_per_offer_and_municipality"):
        TransferInterestFactory(offer=offer, municipality=selm, stage=TransferInterest.Stage.COACHING)


def test_interest_second_open_one_gets_german_message(offer, selm):
    TransferInterestFactory(offer=offer, municipality=selm)
    with pytest.raises(ValidationError) as error:
        TransferInterest(offer=offer, municipality=selm).full_clean()
    assert error.value.messages == ["Ihre Kommune hat für dieses Angebot bereits ein offenes Transferinteresse."]


@pytest.mark.parametrize("closed_stage", ["rated", "declined", "withdrawn"])
def test_interest_new_one_allowed_after_closed(offer, selm, closed_stage):
    TransferInterestFactory(offer=offer, municipality=selm, stage=closed_stage)
    with transaction.atomic():
        second = TransferInterestFactory(offer=offer, municipality=selm)
    assert list(TransferInterest.objects.open()) == [second]
