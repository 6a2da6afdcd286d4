import pytest

from transfers.models import TransferService

from ..factories import (
    MunicipalityFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    TransferServiceFactory,
    make_coordinator,
)


@pytest.fixture
def baby_project(bergkamen, transitions):
    return ProjectFactory(
        municipality=bergkamen,
        title="Baby-Besuchsdienst",
        summary="Familienhebammen besuchen alle Familien mit Neugeborenen zu Hause.",
        goals="Alle Familien mit Neugeborenen früh erreichen.",
        transitions=[transitions[0]],
    )


@pytest.fixture
def baby_offer(baby_project):
    offer = TransferOfferFactory(project=baby_project, contact_name="Frau Berg", contact_email="berg@example.org")
    TransferServiceFactory(offer=offer, kind=TransferService.Kind.PRESENTATION, capacity=3)
    TransferServiceFactory(offer=offer, kind=TransferService.Kind.SITE_VISIT, capacity=2)
    TransferServiceFactory(offer=offer, kind=TransferService.Kind.COACHING, capacity=1, effort_hours=8)
    return offer


@pytest.fixture
def unna(db):
    return MunicipalityFactory(name="Unna")


@pytest.fixture
def coordinator_unna(unna):
    return make_coordinator(unna, username="koordination-unna-test")


@pytest.fixture
def make_interest(baby_offer, selm, coordinator_selm):
    def make(stage="registered", **kwargs):
        kwargs.setdefault("offer", baby_offer)
        kwargs.setdefault("municipality", selm)
        return TransferInterestFactory(stage=stage, registered_by=coordinator_selm, **kwargs)

    return make
