import pytest
from django.utils import timezone

from projects.models import Project
from tests.factories import (
    ActionFieldFactory,
    IndicatorFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    SocialAreaFactory,
    TargetGroupFactory,
    TransferOfferFactory,
    TransferRequestFactory,
    TransferServiceFactory,
)


@pytest.fixture
def api_data(transitions, bergkamen, selm):
    """Published and unpublished records of two municipalities, with every relation the API shows."""
    youth = ActionFieldFactory(name="Jugendhilfe")
    families = TargetGroupFactory(name="Junge Familien")
    partner = OrganisationFactory(name="Familienzentrum Mitte", municipality=bergkamen)
    visits = ProjectFactory(
        municipality=bergkamen, title="Willkommensbesuche", transitions=[transitions[0]], action_fields=[youth],
        target_groups=[families], contact_name="Erika Muster", contact_email="erika@bergkamen.de",
        contact_is_public=True, start_year=2008,
    )  # fmt: skip
    visits.organisations.add(partner)
    visits.social_areas.add(SocialAreaFactory(municipality=bergkamen, name="Mitte"))
    IndicatorFactory(project=visits, label="Erreichte Familien", value="86 %", year=2011)
    lotsen = ProjectFactory(municipality=selm, title="Kita-Lotsen", transitions=[transitions[1]])
    ProjectFactory(municipality=selm, title="Entwurf", status=Project.Status.DRAFT, contact_email="geheim@selm.de")
    offer = TransferOfferFactory(project=visits, contact_email="erika@bergkamen.de")
    TransferServiceFactory(offer=offer)
    TransferOfferFactory(project=lotsen, is_active=False)
    network = NetworkFactory(name="AK Frühe Hilfen", coordinating_organisation=partner)
    network.projects.add(visits, ProjectFactory(municipality=bergkamen, status=Project.Status.DRAFT, title="Intern"))
    network.transitions.add(transitions[0])
    TransferRequestFactory(municipality=selm, title="Brücken in die Kita")
    return {"visits": visits, "lotsen": lotsen, "offer": offer, "now": timezone.now()}
