"""The API's collections: what each one lists, how it filters and how it looks.

One ``Collection`` per entity drives the list and detail operations (``views``) and the bulk
downloads (``open_data``), so they cannot drift apart.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import FilterSchema

from networks.models import Network
from projects.models import ActionField, LifePhase, Municipality, MunicipalityContact, Project, TargetGroup, Transition
from transfers.models import TransferOffer, TransferRequest

from . import filters, schemas


@dataclass(frozen=True)
class Collection:
    path: str  # URL segment under /api/v1/
    schema: type[schemas.Out]  # also the component name in the OpenAPI schema
    filters: type[FilterSchema]
    summary: str  # German, for the schema and the open data page
    queryset: Callable[[], QuerySet]
    download_name: str  # file name of the CSV download (German, as visitors see it)

    @property
    def schema_name(self) -> str:
        return self.schema.__name__

    def serialize(self, obj, *, request: HttpRequest) -> dict:
        return self.schema.model_validate(obj, context={"request": request}).model_dump()


def municipality_queryset() -> QuerySet:
    public_contacts = Prefetch("contacts", queryset=MunicipalityContact.objects.public(), to_attr="public_contacts")
    return Municipality.objects.select_related("parent").prefetch_related(public_contacts).order_by("pk")


def project_queryset() -> QuerySet:
    return (
        Project.objects.published()
        .select_related("municipality")
        .prefetch_related(
            "transitions",
            "phases",
            "action_fields",
            "target_groups",
            "social_areas",
            "organisations",
            "indicators",
            "links",
        )
        .order_by("pk")
    )


def network_queryset() -> QuerySet:
    return (
        Network.objects.published()
        .select_related("coordinating_organisation")
        .prefetch_related(
            "members",
            "municipalities",
            "transitions",
            "action_fields",
            Prefetch("projects", queryset=Project.objects.published().only("pk", "slug", "title")),
        )
        .order_by("pk")
    )


def offer_queryset() -> QuerySet:
    return (
        TransferOffer.objects.active()
        .select_related("project__municipality")
        .prefetch_related(
            "services", "project__transitions", "project__phases", "project__action_fields", "project__target_groups"
        )
        .order_by("pk")
    )


def request_queryset() -> QuerySet:
    return (
        TransferRequest.objects.select_related("municipality")
        .prefetch_related("transitions", "action_fields", "target_groups")
        .order_by("pk")
    )


COLLECTIONS = [
    Collection(
        path="municipalities",
        schema=schemas.Municipality,
        filters=filters.MunicipalityFilters,
        summary="Kommunen (Kreis, Städte, Gemeinden)",
        queryset=municipality_queryset,
        download_name="kommunen",
    ),
    Collection(
        path="projects",
        schema=schemas.Project,
        filters=filters.ProjectFilters,
        summary="Veröffentlichte Projekte (Präventionskettenglieder)",
        queryset=project_queryset,
        download_name="projekte",
    ),
    Collection(
        path="networks",
        schema=schemas.Network,
        filters=filters.NetworkFilters,
        summary="Netzwerke, Arbeitskreise und Runde Tische",
        queryset=network_queryset,
        download_name="netzwerke",
    ),
    Collection(
        path="offers",
        schema=schemas.Offer,
        filters=filters.OfferFilters,
        summary="Aktive Transfer-Angebote zu veröffentlichten Projekten",
        queryset=offer_queryset,
        download_name="transfer-angebote",
    ),
    Collection(
        path="requests",
        schema=schemas.Request,
        filters=filters.RequestFilters,
        summary="Transfer-Gesuche",
        queryset=request_queryset,
        download_name="transfer-gesuche",
    ),
]

TAXONOMIES = [("transition", Transition), ("phase", LifePhase), ("field", ActionField), ("target_group", TargetGroup)]
