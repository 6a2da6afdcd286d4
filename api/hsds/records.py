"""The published data as HSDS 3.0 records (plain dicts, exactly what the API sends).

HSDS wants UUIDs as identifiers. Ours are derived (UUID version 5) from the kind of record and its
primary key, so they stay the same from request to request and between the API, the data package
and the catalogue. Only published content goes in: published projects, active offers of published
projects, the Kommunen, the Träger named on published projects or in networks, and the taxonomies.
Contact data appears only where the person agreed (``contact_is_public`` of projects and offers, the
consented ``MunicipalityContact`` rows of a Kommune).

The portal is small (one Kreis), so one ``Catalogue`` loads everything with a fixed number of
queries and the endpoints filter and page the records in Python.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse

from api.endpoints import project_queryset
from networks.models import Network
from projects.models import (
    ActionField,
    LifePhase,
    Municipality,
    MunicipalityContact,
    Organisation,
    Project,
    TargetGroup,
    Transition,
)
from transfers.models import TransferOffer

from .profile import PROFILE_TAXONOMY, PROFILE_TERMS

# Fixed namespace of all our identifiers; changing it would change every HSDS id.
NAMESPACE = uuid.UUID("0b7f3c8e-5d2a-5c61-9a3e-7e1f2d4c6b80")
LANGUAGE = "de"

# Our four taxonomies: key, model, name, description (German, as visitors see them).
TAXONOMIES = [
    ("transition", Transition, "Übergänge", "Die Übergänge der Präventionskette, von der Geburt bis in den Beruf."),
    (
        "phase",
        LifePhase,
        "Lebensphasen",
        "Die Lebensphasen zwischen den Übergängen, von der Schwangerschaft bis in den Beruf.",
    ),
    ("field", ActionField, "Handlungsfelder", "Handlungsfelder der Prävention (Jugendhilfe, Gesundheit, Bildung …)."),
    ("target_group", TargetGroup, "Zielgruppen", "Für wen ein Projekt gedacht ist."),
]


@lru_cache(maxsize=100_000)
def hsds_id(*parts) -> str:
    """The stable UUID of a record, e.g. ``hsds_id("service", "project", 12)``."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def taxonomy_id(key: str) -> str:
    return hsds_id("taxonomy", key)


def term_id(key: str, pk: int) -> str:
    return hsds_id("taxonomy_term", key, pk)


def profile_term_id(code: str) -> str:
    return hsds_id("taxonomy_term", PROFILE_TAXONOMY["code"], code)


def project_service_id(pk: int) -> str:
    return hsds_id("service", "project", pk)


def offer_service_id(pk: int) -> str:
    return hsds_id("service", "offer", pk)


def municipality_organization_id(pk: int) -> str:
    return hsds_id("organization", "municipality", pk)


def organisation_organization_id(pk: int) -> str:
    return hsds_id("organization", "organisation", pk)


def timestamp(value: datetime) -> str:
    return value.isoformat()


@dataclass
class Catalogue:
    """Every HSDS record the portal publishes, built for one request (absolute URLs)."""

    request: HttpRequest
    services: list[dict] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    taxonomies: list[dict] = field(default_factory=list)
    taxonomy_terms: list[dict] = field(default_factory=list)
    service_at_locations: list[dict] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    @cached_property
    def profile_url(self) -> str:
        return self.url(reverse("hsds:profile"))

    # -- taxonomies -----------------------------------------------------------------------------

    def term(self, key: str, term) -> dict:
        taxonomy_name = next(name for k, _model, name, _text in TAXONOMIES if k == key)
        return {
            "id": term_id(key, term.pk),
            "code": term.slug,
            "name": term.name,
            "description": f"{taxonomy_name}: {term.name}",
            "taxonomy": taxonomy_name,
            "taxonomy_id": taxonomy_id(key),
            "language": LANGUAGE,
        }

    def profile_term(self, code: str) -> dict:
        name, description = PROFILE_TERMS[code]
        return {
            "id": profile_term_id(code),
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": PROFILE_TAXONOMY["name"],
            "taxonomy_id": taxonomy_id(PROFILE_TAXONOMY["code"]),
            "language": LANGUAGE,
            "term_uri": f"{self.profile_url}#{code}",
        }

    def attribute(self, *, link_id: str, link_entity: str, term: dict, value: str = "") -> dict:
        """An HSDS attribute: a taxonomy term (and for our profile terms a value) on a record."""
        record = {
            "id": hsds_id("attribute", link_entity, link_id, term["id"], value),
            "link_id": link_id,
            "link_type": "taxonomy_term" if not value else "profile",
            "link_entity": link_entity,
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }
        if value:
            record["value"] = value
        return record

    def profile_attributes(self, *, link_id: str, link_entity: str, values: list[tuple[str, object]]) -> list[dict]:
        return [
            self.attribute(link_id=link_id, link_entity=link_entity, term=self.profile_term(code), value=str(value))
            for code, value in values
            if value not in ("", None)
        ]

    def term_attributes(self, *, link_id: str, link_entity: str, terms: list[tuple[str, object]]) -> list[dict]:
        return [
            self.attribute(link_id=link_id, link_entity=link_entity, term=self.term(key, term)) for key, term in terms
        ]

    # -- organisations --------------------------------------------------------------------------

    def municipality(self, municipality: Municipality) -> dict:
        org_id = municipality_organization_id(municipality.pk)
        description = f"{municipality.get_kind_display()} {municipality.name}"
        if municipality.parent_id:
            description = f"{description} ({municipality.parent.name})"
        record = {
            "id": org_id,
            "name": municipality.name,
            "description": description,
            "uri": self.url(municipality.get_absolute_url()),
        }
        if municipality.website:
            record["website"] = municipality.website
        if municipality.parent_id:
            record["parent_organization_id"] = municipality_organization_id(municipality.parent_id)
        record["contacts"] = []  # the consented ones, added by ``build`` where organisations are asked for
        record["attributes"] = self.profile_attributes(
            link_id=org_id,
            link_entity="organization",
            values=[
                ("organization_type", "municipality"),
                ("municipality_kind", municipality.kind),
                ("population", municipality.population),
                ("population_year", municipality.population_year),
                ("has_own_youth_office", "true" if municipality.has_own_youth_office else "false"),
            ],
        )
        return record

    def organisation(self, organisation: Organisation) -> dict:
        org_id = organisation_organization_id(organisation.pk)
        description = organisation.get_kind_display()
        if organisation.department:
            description = f"{description}, {organisation.department}"
        if organisation.municipality_id:
            description = f"{description} in {organisation.municipality.name}"
        record = {"id": org_id, "name": organisation.name, "description": description}
        if organisation.website:
            record["website"] = organisation.website
        values = [("organization_type", "provider"), ("organisation_kind", organisation.kind)]
        if organisation.municipality_id:
            values.append(("municipality", municipality_organization_id(organisation.municipality_id)))
        record["attributes"] = self.profile_attributes(link_id=org_id, link_entity="organization", values=values)
        return record

    @staticmethod
    def brief(organization: dict) -> dict:
        """The organisation as embedded in a service: without its attributes and contacts."""
        return {key: value for key, value in organization.items() if key not in {"attributes", "contacts"}}

    # -- services -------------------------------------------------------------------------------

    @staticmethod
    def contact(*, kind: str, pk: int, link: dict, name: str, title: str, email: str, phone: str) -> dict:
        """An HSDS contact with its phone; ``link`` names the service or organisation it belongs to."""
        contact_id = hsds_id("contact", kind, pk)
        contact = {"id": contact_id, **link, "name": name}
        if title:
            contact["title"] = title
        if email:
            contact["email"] = email
        contact["phones"] = (
            [{"id": hsds_id("phone", kind, pk), "contact_id": contact_id, "number": phone}] if phone else []
        )
        return contact

    def contacts(self, record, *, service_id: str, kind: str) -> list[dict]:
        """The contact of a project or offer, only if the person agreed to its publication."""
        if not record.contact_is_public or not record.contact_name:
            return []
        return [
            self.contact(
                kind=kind,
                pk=record.pk,
                link={"service_id": service_id},
                name=record.contact_name,
                title=getattr(record, "contact_role", ""),
                email=record.contact_email,
                phone=record.contact_phone,
            )
        ]

    def municipality_contact(self, contact: MunicipalityContact) -> dict:
        return self.contact(
            kind="municipality",
            pk=contact.pk,
            link={"organization_id": municipality_organization_id(contact.municipality_id)},
            name=contact.name,
            title=contact.role,
            email=contact.email,
            phone=contact.phone,
        )

    def service_areas(self, project: Project, *, service_id: str) -> list[dict]:
        """The project's Sozialräume; without any, the whole Kommune it works in."""
        social_areas = list(project.social_areas.all())
        if not social_areas:
            municipality = project.municipality
            return [
                {
                    "id": hsds_id("service_area", service_id, "municipality", municipality.pk),
                    "service_id": service_id,
                    "name": municipality.name,
                    "description": f"{municipality.get_kind_display()} {municipality.name}",
                    "uri": self.url(municipality.get_absolute_url()),
                }
            ]
        return [
            {
                # "district" is part of the stable id: it was the Sozialraum's model name once.
                "id": hsds_id("service_area", service_id, "district", area.pk),
                "service_id": service_id,
                "name": str(area),
                "description": f"Sozialraum {area.name} in {project.municipality.name}",
            }
            for area in social_areas
        ]

    def project_terms(self, project: Project) -> list[tuple[str, object]]:
        return [
            *(("transition", term) for term in project.transitions.all()),
            *(("phase", term) for term in project.phases.all()),
            *(("field", term) for term in project.action_fields.all()),
            *(("target_group", term) for term in project.target_groups.all()),
        ]

    def project(self, project: Project, organization: dict) -> dict:
        service_id = project_service_id(project.pk)
        values = [
            ("service_type", "project"),
            ("situation", project.situation),
            ("goals", project.goals),
            ("achievements", project.achievements),
            ("success_factors", project.success_factors),
            ("pitfalls", project.pitfalls),
            ("start_year", project.start_year),
            *(("partner_organization", organisation_organization_id(org.pk)) for org in project.organisations.all()),
            *(
                ("indicator", "{}: {}{}".format(i.label, i.value, f" ({i.year})" if i.year else ""))
                for i in project.indicators.all()
            ),
            *(("link", link.url) for link in project.links.all()),
        ]
        return {
            "id": service_id,
            "organization_id": organization["id"],
            "name": project.title,
            "description": project.summary,
            "url": self.url(project.get_absolute_url()),
            "status": "active",
            "last_modified": timestamp(project.updated_at),
            "organization": self.brief(organization),
            "contacts": self.contacts(project, service_id=service_id, kind="project"),
            "service_areas": self.service_areas(project, service_id=service_id),
            "attributes": [
                *self.term_attributes(link_id=service_id, link_entity="service", terms=self.project_terms(project)),
                *self.profile_attributes(link_id=service_id, link_entity="service", values=values),
            ],
        }

    def offer(self, offer: TransferOffer, organization: dict) -> dict:
        service_id = offer_service_id(offer.pk)
        project = offer.project
        values = [
            ("service_type", "transfer_offer"),
            ("transfer_of", project_service_id(project.pk)),
            *(
                (
                    "transfer_service",
                    "{} ({}, {} Std., {} Plätze)".format(
                        service.get_kind_display(),
                        service.get_format_display(),
                        f"{service.effort_hours:g}",
                        service.capacity,
                    ),
                )
                for service in offer.services.all()
            ),
        ]
        return {
            "id": service_id,
            "organization_id": organization["id"],
            "name": f"Transfer-Angebot: {project.title}",
            "description": offer.description or project.summary,
            "url": self.url(project.get_absolute_url()),
            "status": "active",
            "last_modified": timestamp(offer.updated_at),
            "organization": self.brief(organization),
            "contacts": self.contacts(offer, service_id=service_id, kind="offer"),
            "service_areas": [],
            "attributes": [
                *self.term_attributes(link_id=service_id, link_entity="service", terms=self.project_terms(project)),
                *self.profile_attributes(link_id=service_id, link_entity="service", values=values),
            ],
        }

    def service_at_location(self, service: dict) -> dict:
        """HSDS links services to locations here; ours have no address, so each carries its areas."""
        return {
            "id": hsds_id("service_at_location", service["id"]),
            "service_id": service["id"],
            "description": "{} – {}".format(service["name"], service["organization"]["name"]),
            "service_areas": service["service_areas"],
        }


def active_offers():
    return (
        TransferOffer.objects.active()
        .filter(project__status=Project.Status.PUBLISHED)
        .select_related("project__municipality")
        .prefetch_related(
            "services", "project__transitions", "project__phases", "project__action_fields", "project__target_groups"
        )
        .order_by("pk")
    )


def public_organisations():
    """Träger named on a published project or in a published network."""
    named = (
        Q(projects__status=Project.Status.PUBLISHED)
        | Q(networks__status=Network.Status.PUBLISHED)
        | Q(coordinated_networks__status=Network.Status.PUBLISHED)
    )
    return Organisation.objects.filter(named).select_related("municipality").distinct().order_by("pk")


COLLECTIONS = frozenset({"services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"})


def build(request: HttpRequest, collections: frozenset[str] = COLLECTIONS) -> Catalogue:
    """The records of the named collections (all by default): one record needs only its own collection."""
    catalogue = Catalogue(request=request)
    municipalities = {
        m.pk: catalogue.municipality(m) for m in Municipality.objects.select_related("parent").order_by("pk")
    }
    if "organizations" in collections:
        for contact in MunicipalityContact.objects.public().order_by("municipality_id", "position", "pk"):
            municipalities[contact.municipality_id]["contacts"].append(catalogue.municipality_contact(contact))
        catalogue.organizations = [
            *municipalities.values(),
            *(catalogue.organisation(organisation) for organisation in public_organisations()),
        ]
    if collections & {"services", "service_at_locations"}:
        catalogue.services = [
            *(catalogue.project(project, municipalities[project.municipality_id]) for project in project_queryset()),
            *(catalogue.offer(offer, municipalities[offer.project.municipality_id]) for offer in active_offers()),
        ]
    if "service_at_locations" in collections:
        catalogue.service_at_locations = [catalogue.service_at_location(service) for service in catalogue.services]
    if collections & {"taxonomies", "taxonomy_terms"}:
        add_taxonomies(catalogue)
    return catalogue


def add_taxonomies(catalogue: Catalogue) -> None:
    for key, model, name, description in TAXONOMIES:
        catalogue.taxonomies.append({"id": taxonomy_id(key), "name": name, "description": description, "version": "1"})
        catalogue.taxonomy_terms.extend(
            catalogue.term(key, term) for term in model.objects.order_by("position", "name")
        )
    catalogue.taxonomies.append(
        {
            "id": taxonomy_id(PROFILE_TAXONOMY["code"]),
            "name": PROFILE_TAXONOMY["name"],
            "description": PROFILE_TAXONOMY["description"],
            "uri": catalogue.profile_url,
            "version": PROFILE_TAXONOMY["version"],
        }
    )
    catalogue.taxonomy_terms.extend(catalogue.profile_term(code) for code in PROFILE_TERMS)
