"""Published records as JSON-ready dicts, field names after Open Referral HSDS 3 (see api/README.md).

Each function here has its counterpart in ``api/schema.py``; a test holds both to the same keys.
"""

from django.db.models import Prefetch, QuerySet

from networks.models import Network
from projects.models import Municipality, Organisation, Project
from transfers.models import TransferOffer, TransferRequest


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _term(taxonomy: str, term) -> dict:
    """An HSDS taxonomy_term; ``id`` is ``<taxonomy>:<slug>`` so it is stable and readable."""
    return {"id": f"{taxonomy}:{term.slug}", "taxonomy": taxonomy, "term": term.name, "code": term.slug}


def _terms(obj, *, target_groups: bool = True) -> list[dict]:
    terms = [_term("transition", term) for term in obj.transitions.all()]
    terms += [_term("field", term) for term in obj.fields.all()]
    if target_groups:
        terms += [_term("target_group", term) for term in obj.target_groups.all()]
    return terms


def _organization_ref(organisation: Organisation | None) -> dict | None:
    if organisation is None:
        return None
    return {"id": str(organisation.pk), "name": organisation.name, "kind": organisation.kind}


def _municipality_ref(municipality: Municipality) -> dict:
    return {"id": str(municipality.pk), "slug": municipality.slug, "name": municipality.name}


# -- municipalities (HSDS organization) ---------------------------------------------------------


def municipality_queryset() -> QuerySet:
    return Municipality.objects.select_related("parent").order_by("pk")


def municipality_data(municipality: Municipality, *, base_url: str) -> dict:
    return {
        "id": str(municipality.pk),
        "slug": municipality.slug,
        "name": municipality.name,
        "kind": municipality.kind,
        "parent_organization_id": str(municipality.parent_id) if municipality.parent_id else None,
        "url": base_url + municipality.get_absolute_url(),
        "website": municipality.website or None,
        "address": municipality.address or None,
        "population": municipality.population,
        "population_year": municipality.population_year,
        "has_own_youth_office": municipality.has_own_youth_office,
        "is_model_municipality": municipality.is_model_municipality,
    }


# -- projects (HSDS service) ----------------------------------------------------------------------


def project_queryset() -> QuerySet:
    return (
        Project.objects.published()
        .select_related("municipality")
        .prefetch_related("transitions", "fields", "target_groups", "districts", "organisations", "indicators", "links")
        .order_by("pk")
    )


def _contacts(record: Project | TransferOffer) -> list[dict]:
    """The record's contact (HSDS contact) if the person agreed to its publication, else nothing."""
    if not record.contact_is_public:
        return []
    return [
        {
            "name": record.contact_name,
            "title": getattr(record, "contact_role", "") or None,
            "email": record.contact_email or None,
            "phones": [{"number": record.contact_phone}] if record.contact_phone else [],
        }
    ]


def project_data(project: Project, *, base_url: str) -> dict:
    return {
        "id": str(project.pk),
        "slug": project.slug,
        "name": project.title,
        "description": project.summary,
        "status": "active",
        "url": base_url + project.get_absolute_url(),
        "organization_id": str(project.municipality_id),
        "organization": _municipality_ref(project.municipality),
        "situation": project.situation,
        "goals": project.goals,
        "achievements": project.achievements,
        "success_factors": project.success_factors,
        "pitfalls": project.pitfalls,
        "start_year": project.start_year,
        "partner_organizations": [_organization_ref(organisation) for organisation in project.organisations.all()],
        "service_areas": [{"id": str(district.pk), "name": district.name} for district in project.districts.all()],
        "taxonomy_terms": _terms(project),
        "contacts": _contacts(project),
        "indicators": [
            {"label": indicator.label, "value": indicator.value, "year": indicator.year}
            for indicator in project.indicators.all()
        ],
        "links": [{"label": link.label, "url": link.url} for link in project.links.all()],
        "last_modified": _iso(project.updated_at),
    }


# -- networks -------------------------------------------------------------------------------------


def network_queryset() -> QuerySet:
    return (
        Network.objects.select_related("coordinating_organisation")
        .prefetch_related(
            "members",
            "municipalities",
            "transitions",
            "fields",
            Prefetch("projects", queryset=Project.objects.published().only("pk", "slug", "title")),
        )
        .order_by("pk")
    )


def network_data(network: Network, *, base_url: str) -> dict:
    return {
        "id": str(network.pk),
        "slug": network.slug,
        "name": network.name,
        "kind": network.kind,
        "description": network.description,
        "url": base_url + network.get_absolute_url(),
        "organization_id": str(network.coordinating_organisation_id) if network.coordinating_organisation_id else None,
        "coordinating_organization": _organization_ref(network.coordinating_organisation),
        "member_organizations": [_organization_ref(member) for member in network.members.all()],
        "municipalities": [_municipality_ref(municipality) for municipality in network.municipalities.all()],
        "meetings_per_year": network.meetings_per_year,
        "meeting_note": network.meeting_note,
        "founded_year": network.founded_year,
        "has_cooperation_agreement": network.has_cooperation_agreement,
        "taxonomy_terms": _terms(network, target_groups=False),
        "service_ids": [str(project.pk) for project in network.projects.all()],
        "last_modified": _iso(network.updated_at),
    }


# -- transfer offers and requests -----------------------------------------------------------------


def offer_queryset() -> QuerySet:
    return (
        TransferOffer.objects.active()
        .select_related("project__municipality")
        .prefetch_related("services", "project__transitions", "project__fields", "project__target_groups")
        .order_by("pk")
    )


def offer_data(offer: TransferOffer, *, base_url: str) -> dict:
    project = offer.project
    return {
        "id": str(offer.pk),
        "service_id": str(project.pk),
        "service": {"id": str(project.pk), "slug": project.slug, "name": project.title},
        "organization_id": str(project.municipality_id),
        "organization": _municipality_ref(project.municipality),
        "description": offer.description,
        "url": base_url + project.get_absolute_url(),
        "transfer_services": [
            {
                "kind": service.kind,
                "name": service.get_kind_display(),
                "format": service.format,
                "effort_hours": float(service.effort_hours),
                "capacity": service.capacity,
            }
            for service in offer.services.all()
        ],
        "taxonomy_terms": _terms(project),
        "contacts": _contacts(offer),
        "last_modified": _iso(offer.updated_at),
    }


def request_queryset() -> QuerySet:
    return (
        TransferRequest.objects.select_related("municipality")
        .prefetch_related("transitions", "fields", "target_groups")
        .order_by("pk")
    )


def request_data(transfer_request: TransferRequest, *, base_url: str) -> dict:
    return {
        "id": str(transfer_request.pk),
        "slug": transfer_request.slug,
        "name": transfer_request.title,
        "description": transfer_request.need,
        "status": transfer_request.status,
        "organization_id": str(transfer_request.municipality_id),
        "organization": _municipality_ref(transfer_request.municipality),
        "taxonomy_terms": _terms(transfer_request),
        "created": _iso(transfer_request.created_at),
        "last_modified": _iso(transfer_request.updated_at),
    }
