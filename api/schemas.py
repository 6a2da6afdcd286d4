"""What the API answers: published records, field names after Open Referral HSDS 3 (see the open data page).

These schemas turn model objects into JSON and are, at the same time, the response part of the
OpenAPI schema: what is documented is what is sent. The docstrings become the descriptions there.
"""

from datetime import datetime
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict

from networks import models as networks
from projects import models as projects
from transfers import models as transfers


def one_of(choices: type) -> Any:
    """The values of a model's ``TextChoices`` as a type (an enum in the schema)."""
    return Literal[tuple(choices.values)]


def _blank_is_none(value: Any) -> Any:
    return value or None


Id = Annotated[str, Field(pattern=r"^[0-9]+$", description="stabile Kennung (HSDS: id)")]
Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]
# Python's isoformat() with microseconds and "+00:00", as the open data files have always shown it.
Timestamp = Annotated[str, BeforeValidator(datetime.isoformat), Field(json_schema_extra={"format": "date-time"})]
TextOrNone = Annotated[str | None, BeforeValidator(_blank_is_none)]


class Out(Schema):
    """Every field is always sent (required), nothing else is (no additional properties)."""

    model_config = ConfigDict(
        coerce_numbers_to_str=True,  # ids are strings in HSDS
        json_schema_serialization_defaults_required=True,
        json_schema_extra={"additionalProperties": False},
    )


def absolute_url(obj, context: dict) -> str:
    request: HttpRequest = context["request"]
    return request.build_absolute_uri(obj.get_absolute_url())


def taxonomy_terms(obj, *, phases: bool = False, target_groups: bool = True) -> list[dict]:
    """HSDS taxonomy_terms; ``id`` is ``<taxonomy>:<slug>`` so it is stable and readable. Life phases only
    for projects (and their offers): networks and Gesuche name transitions only."""
    taxonomies = [("transition", obj.transitions)]
    if phases:
        taxonomies.append(("phase", obj.phases))
    taxonomies.append(("field", obj.action_fields))
    if target_groups:
        taxonomies.append(("target_group", obj.target_groups))
    return [
        {"id": f"{taxonomy}:{term.slug}", "taxonomy": taxonomy, "term": term.name, "code": term.slug}
        for taxonomy, terms in taxonomies
        for term in terms.all()
    ]


def public_contacts(record: projects.Project | transfers.TransferOffer) -> list[dict]:
    """The record's contact (HSDS contact) if the person agreed to its publication, else nothing."""
    if not record.contact_is_public:
        return []
    return [
        {
            "name": record.contact_name,
            "title": getattr(record, "contact_role", ""),
            "email": record.contact_email,
            "phones": [{"number": record.contact_phone}] if record.contact_phone else [],
        }
    ]


def municipality_contacts(municipality: projects.Municipality) -> list[dict]:
    """The Kommune's contacts that agreed to their publication (prefetched as ``public_contacts``)."""
    return [
        {
            "name": contact.name,
            "title": contact.role,
            "email": contact.email,
            "phones": [{"number": contact.phone}] if contact.phone else [],
        }
        for contact in municipality.public_contacts
    ]


# -- parts --------------------------------------------------------------------------------------


class MunicipalityRef(Out):
    id: Id
    slug: str
    name: str


class OrganizationRef(Out):
    """Träger oder Partner (HSDS organization)."""

    id: Id
    name: str
    kind: one_of(projects.Organisation.Kind)


class TaxonomyTerm(Out):
    """Übergang, Lebensphase, Handlungsfeld oder Zielgruppe (HSDS taxonomy_term)."""

    id: str = Field(description="`<taxonomy>:<code>`")
    taxonomy: Literal["transition", "phase", "field", "target_group"]
    term: str
    code: str


class Phone(Out):
    number: str


class Contact(Out):
    """Veröffentlichte Ansprechperson (HSDS contact), nur mit ihrer Zustimmung."""

    name: str
    title: TextOrNone
    email: TextOrNone
    phones: list[Phone]


class ServiceArea(Out):
    id: Id
    name: str


class Indicator(Out):
    label: str
    value: str
    year: int | None


class Link(Out):
    label: str
    url: str


class ServiceRef(Out):
    id: Id
    slug: str
    name: str = Field(validation_alias="title")


class TransferService(Out):
    kind: one_of(transfers.TransferService.Kind)
    name: str = Field(validation_alias="get_kind_display")
    format: one_of(transfers.TransferService.Format)
    effort_hours: float = Field(ge=0)
    capacity: int = Field(ge=0)


# -- the collections ----------------------------------------------------------------------------


class Municipality(Out):
    """Eine Kommune (HSDS organization; parent_organization_id: der Kreis)."""

    id: Id
    slug: str
    name: str
    kind: one_of(projects.Municipality.Kind)
    parent_organization_id: Id | None = Field(validation_alias="parent_id")
    url: Url
    website: TextOrNone
    address: TextOrNone
    population: int | None
    population_year: int | None
    has_own_youth_office: bool
    is_model_municipality: bool
    contacts: list[Contact]

    @staticmethod
    def resolve_url(municipality: projects.Municipality, context: dict) -> str:
        return absolute_url(municipality, context)

    @staticmethod
    def resolve_contacts(municipality: projects.Municipality) -> list[dict]:
        return municipality_contacts(municipality)


class Project(Out):
    """Ein veröffentlichtes Projekt (HSDS service; organization: die Kommune)."""

    id: Id
    slug: str
    name: str = Field(validation_alias="title")
    description: str = Field(validation_alias="summary")
    status: Literal["active"]
    url: Url
    organization_id: Id = Field(validation_alias="municipality_id")
    organization: MunicipalityRef = Field(validation_alias="municipality")
    situation: str
    goals: str
    achievements: str
    success_factors: str
    pitfalls: str
    start_year: int | None
    partner_organizations: list[OrganizationRef] = Field(validation_alias="organisations")
    service_areas: list[ServiceArea] = Field(validation_alias="social_areas")
    taxonomy_terms: list[TaxonomyTerm]
    contacts: list[Contact]
    indicators: list[Indicator]
    links: list[Link]
    last_modified: Timestamp = Field(validation_alias="updated_at")

    @staticmethod
    def resolve_status(project: projects.Project) -> str:
        return "active"  # the API shows published projects only

    @staticmethod
    def resolve_url(project: projects.Project, context: dict) -> str:
        return absolute_url(project, context)

    @staticmethod
    def resolve_taxonomy_terms(project: projects.Project) -> list[dict]:
        return taxonomy_terms(project, phases=True)

    @staticmethod
    def resolve_contacts(project: projects.Project) -> list[dict]:
        return public_contacts(project)


class Network(Out):
    """Netzwerk, Arbeitskreis, Runder Tisch (kein HSDS-Gegenstück; Felder nach HSDS benannt)."""

    id: Id
    slug: str
    name: str
    kind: one_of(networks.Network.Kind)
    description: str
    url: Url
    organization_id: Id | None = Field(validation_alias="coordinating_organisation_id")
    coordinating_organization: OrganizationRef | None = Field(validation_alias="coordinating_organisation")
    member_organizations: list[OrganizationRef] = Field(validation_alias="members")
    municipalities: list[MunicipalityRef]
    meetings_per_year: int | None
    meeting_note: str
    founded_year: int | None
    has_cooperation_agreement: bool
    taxonomy_terms: list[TaxonomyTerm]
    service_ids: list[Id]
    last_modified: Timestamp = Field(validation_alias="updated_at")

    @staticmethod
    def resolve_url(network: networks.Network, context: dict) -> str:
        return absolute_url(network, context)

    @staticmethod
    def resolve_taxonomy_terms(network: networks.Network) -> list[dict]:
        return taxonomy_terms(network, target_groups=False)

    @staticmethod
    def resolve_service_ids(network: networks.Network) -> list[int]:
        return [project.pk for project in network.projects.all()]


class Offer(Out):
    """Ein aktives Transfer-Angebot zu einem veröffentlichten Projekt (service_id)."""

    id: Id
    service_id: Id = Field(validation_alias="project_id")
    service: ServiceRef = Field(validation_alias="project")
    organization_id: Id = Field(validation_alias="project.municipality_id")
    organization: MunicipalityRef = Field(validation_alias="project.municipality")
    description: str
    url: Url
    transfer_services: list[TransferService] = Field(validation_alias="services")
    taxonomy_terms: list[TaxonomyTerm]
    contacts: list[Contact]
    last_modified: Timestamp = Field(validation_alias="updated_at")

    @staticmethod
    def resolve_url(offer: transfers.TransferOffer, context: dict) -> str:
        return absolute_url(offer.project, context)

    @staticmethod
    def resolve_taxonomy_terms(offer: transfers.TransferOffer) -> list[dict]:
        return taxonomy_terms(offer.project, phases=True)

    @staticmethod
    def resolve_contacts(offer: transfers.TransferOffer) -> list[dict]:
        return public_contacts(offer)


class Request(Out):
    """Ein Transfer-Gesuch: eine Kommune sucht eine erprobte Lösung."""

    id: Id
    slug: str
    name: str = Field(validation_alias="title")
    description: str = Field(validation_alias="need")
    status: one_of(transfers.TransferRequest.Status)
    organization_id: Id = Field(validation_alias="municipality_id")
    organization: MunicipalityRef = Field(validation_alias="municipality")
    taxonomy_terms: list[TaxonomyTerm]
    created: Timestamp = Field(validation_alias="created_at")
    last_modified: Timestamp = Field(validation_alias="updated_at")

    @staticmethod
    def resolve_taxonomy_terms(transfer_request: transfers.TransferRequest) -> list[dict]:
        return taxonomy_terms(transfer_request)


# -- the rest -----------------------------------------------------------------------------------


class Index(Out):
    name: str
    version: str
    links: dict[str, Url]


class Error(Out):
    status: int
    message: str
    errors: dict[str, list[str]]
