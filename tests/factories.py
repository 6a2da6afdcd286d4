import factory
from django.utils import timezone

from accounts.models import Coordinator, Role, User
from networks.models import Network
from projects.models import (
    ActionField,
    Indicator,
    LifePhase,
    Municipality,
    Organisation,
    Project,
    SocialArea,
    TargetGroup,
    Transition,
)
from transfers.models import TransferInterest, TransferOffer, TransferRequest, TransferService


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Stadt {n}")
    kind = Municipality.Kind.TOWN
    has_own_youth_office = True


class DistrictMunicipalityFactory(MunicipalityFactory):
    name = factory.Sequence(lambda n: f"Kreis {n}")
    kind = Municipality.Kind.DISTRICT


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Träger {n}")
    kind = Organisation.Kind.WELFARE
    municipality = factory.SubFactory(MunicipalityFactory)


class SocialAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialArea

    name = factory.Sequence(lambda n: f"Quartier {n}")
    municipality = factory.SubFactory(MunicipalityFactory)


class LifePhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifePhase
        django_get_or_create = ["position"]

    name = factory.Sequence(lambda n: f"Lebensphase {n}")
    position = factory.Sequence(lambda n: n + 100)


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transition
        django_get_or_create = ["position"]

    name = factory.Sequence(lambda n: f"Übergang {n}")
    position = factory.Sequence(lambda n: n + 100)


class ActionFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionField

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Projekt {n}")
    summary = "Ein Angebot für Familien im Quartier."
    situation = "Viele Familien erreichen die Hilfen nicht."
    goals = "Familien früh erreichen."
    achievements = "Die meisten Familien wurden erreicht."
    success_factors = "Verlässliche Kooperation."
    pitfalls = "Zu wenig Personal."
    status = Project.Status.PUBLISHED
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def phases(self, create, extracted, **kwargs):
        if create and extracted:
            self.phases.set(extracted)

    @factory.post_generation
    def transitions(self, create, extracted, **kwargs):
        if create and extracted:
            self.transitions.set(extracted)

    @factory.post_generation
    def action_fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.action_fields.set(extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    label = "Erreichte Familien"
    value = "86 %"
    year = 2011


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Arbeitskreis {n}")
    kind = Network.Kind.WORKING_GROUP
    coordinating_organisation = factory.SubFactory(OrganisationFactory)
    status = Network.Status.PUBLISHED

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create:
            self.municipalities.set(extracted or [self.coordinating_organisation.municipality])


class TransferOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TransferOffer

    project = factory.SubFactory(ProjectFactory)
    description = "Wir stellen Ergebnisse vor und begleiten die Umsetzung."
    success_criteria = "Eine feste Ansprechperson in der übernehmenden Kommune."
    contact_name = "Koordinationsstelle"
    contact_email = "koordination@example.org"


class TransferServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TransferService

    offer = factory.SubFactory(TransferOfferFactory)
    kind = TransferService.Kind.PRESENTATION
    mode = factory.LazyAttribute(lambda service: TransferService.DEFAULT_MODES[service.kind])
    effort_hours = 4
    capacity = 3


class TransferRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TransferRequest

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Gesuch {n}")
    need = "Wir suchen ein Angebot für Familien mit Neugeborenen."


class TransferInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TransferInterest

    offer = factory.SubFactory(TransferOfferFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    message = "Wir möchten das Angebot übernehmen."


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nutzer{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    is_staff = True
    password = factory.django.Password("geheim-1234")


def _chain() -> dict:
    from demo.loader import read

    return read("taxonomies")


def make_transitions(*, age_bands: bool = False) -> list[Transition]:
    """The five transitions of the prevention chain, in order, named as in the demo data; with
    ``age_bands`` each says which children it works for."""
    return [
        TransitionFactory(
            name=data["name"],
            short_name=data["short_name"],
            position=position,
            age_band=data["age_band"] if age_bands else "",
        )
        for position, data in enumerate(_chain()["transitions"], start=1)
    ]


def make_phases(transitions: list[Transition]) -> list[LifePhase]:
    """The six life phases of the demo data, in order; each of the five transitions bridges two
    neighbouring ones."""
    phases = [
        LifePhaseFactory(name=data["name"], short_name=data["short_name"], age_band=data["age_band"], position=position)
        for position, data in enumerate(_chain()["phases"], start=1)
    ]
    for transition, before, after in zip(transitions, phases, phases[1:], strict=False):
        transition.phase_before, transition.phase_after = before, after
        transition.save(update_fields=["phase_before", "phase_after"])
    return phases


def make_steering_member(**kwargs) -> User:
    from django.contrib.auth.models import Group

    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=Role.STEERING_GROUP))
    return user


def make_coordinator(municipality: Municipality, **kwargs) -> User:
    from django.contrib.auth.models import Group

    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=Role.COORDINATOR))
    Coordinator.objects.create(user=user, municipality=municipality)
    return user
