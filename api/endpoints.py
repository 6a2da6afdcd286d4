"""The API's collections: what each one lists, how it filters, and how it is documented.

One ``Collection`` per entity drives the list view, the detail view, the bulk downloads and the
OpenAPI schema, so they cannot drift apart.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from networks.models import Network
from projects.models import Field, Municipality, TargetGroup, Transition
from transfers.models import TransferRequest, TransferService

from . import serializers
from .params import Param

MODIFIED_AFTER = Param(
    "modified_after",
    "datetime",
    "Nur Einträge, die nach diesem Zeitpunkt geändert wurden (ISO 8601; ohne Zeitzone: deutsche Zeit). "
    "Für den inkrementellen Abgleich.",
)
MUNICIPALITY = Param("municipality", "slug", "Kurzname der Kommune, z. B. `bergkamen`.")
TRANSITION = Param("transition", "slug", "Kurzname eines Übergangs (Taxonomie `transition`).")
FIELD = Param("field", "slug", "Kurzname eines Handlungsfelds (Taxonomie `field`).")
TARGET_GROUP = Param("target_group", "slug", "Kurzname einer Zielgruppe (Taxonomie `target_group`).")
SEARCH = Param("q", "text", "Suchbegriff in Titel und Beschreibung.", max_length=200)


@dataclass(frozen=True)
class Collection:
    path: str  # URL segment under /api/v1/
    schema_name: str  # component name in the OpenAPI schema
    summary: str  # German, for the schema and the open data page
    queryset: Callable[[], QuerySet]
    serialize: Callable
    params: tuple[Param, ...]
    apply: Callable[[QuerySet, dict], QuerySet]
    download_name: str  # file name of the CSV download (German, as visitors see it)


def _taxonomy_filters(queryset: QuerySet, values: dict, prefix: str = "") -> QuerySet:
    for name, relation in (("transition", "transitions"), ("field", "fields"), ("target_group", "target_groups")):
        if values.get(name):
            queryset = queryset.filter(**{f"{prefix}{relation}__slug": values[name]})
    return queryset


def _modified(queryset: QuerySet, values: dict) -> QuerySet:
    if values.get("modified_after"):
        queryset = queryset.filter(updated_at__gt=values["modified_after"])
    return queryset


def _search(queryset: QuerySet, values: dict, *fields: str) -> QuerySet:
    if values.get("q"):
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": values["q"]})
        queryset = queryset.filter(condition)
    return queryset


def apply_municipalities(queryset: QuerySet, values: dict) -> QuerySet:
    if values.get("kind"):
        queryset = queryset.filter(kind=values["kind"])
    if values.get("district"):
        queryset = queryset.filter(Q(slug=values["district"]) | Q(parent__slug=values["district"]))
    return _search(queryset, values, "name")


def apply_projects(queryset: QuerySet, values: dict) -> QuerySet:
    if values.get("municipality"):
        queryset = queryset.filter(municipality__slug=values["municipality"])
    queryset = _taxonomy_filters(queryset, values)
    queryset = _search(queryset, values, "title", "summary")
    return _modified(queryset, values).distinct()


def apply_networks(queryset: QuerySet, values: dict) -> QuerySet:
    if values.get("municipality"):
        queryset = queryset.filter(municipalities__slug=values["municipality"])
    if values.get("kind"):
        queryset = queryset.filter(kind=values["kind"])
    queryset = _taxonomy_filters(queryset, {key: values.get(key) for key in ("transition", "field")})
    queryset = _search(queryset, values, "name", "description")
    return _modified(queryset, values).distinct()


def apply_offers(queryset: QuerySet, values: dict) -> QuerySet:
    if values.get("municipality"):
        queryset = queryset.filter(project__municipality__slug=values["municipality"])
    if values.get("service_kind"):
        queryset = queryset.filter(services__kind=values["service_kind"])
    queryset = _taxonomy_filters(queryset, values, prefix="project__")
    queryset = _search(queryset, values, "project__title", "description")
    return _modified(queryset, values).distinct()


def apply_requests(queryset: QuerySet, values: dict) -> QuerySet:
    if values.get("municipality"):
        queryset = queryset.filter(municipality__slug=values["municipality"])
    if values.get("status"):
        queryset = queryset.filter(status=values["status"])
    queryset = _taxonomy_filters(queryset, values)
    queryset = _search(queryset, values, "title", "need")
    return _modified(queryset, values).distinct()


COLLECTIONS = [
    Collection(
        path="municipalities",
        schema_name="Municipality",
        summary="Kommunen (Kreis, Städte, Gemeinden)",
        queryset=serializers.municipality_queryset,
        serialize=serializers.municipality_data,
        params=(
            Param("kind", "choice", "Art der Kommune.", choices=tuple(Municipality.Kind.values)),
            Param("district", "slug", "Kurzname eines Kreises: der Kreis und seine Kommunen."),
            Param("q", "text", "Suchbegriff im Namen.", max_length=200),
        ),
        apply=apply_municipalities,
        download_name="kommunen",
    ),
    Collection(
        path="projects",
        schema_name="Project",
        summary="Veröffentlichte Projekte (Präventionskettenglieder)",
        queryset=serializers.project_queryset,
        serialize=serializers.project_data,
        params=(MUNICIPALITY, TRANSITION, FIELD, TARGET_GROUP, SEARCH, MODIFIED_AFTER),
        apply=apply_projects,
        download_name="projekte",
    ),
    Collection(
        path="networks",
        schema_name="Network",
        summary="Netzwerke, Arbeitskreise und Runde Tische",
        queryset=serializers.network_queryset,
        serialize=serializers.network_data,
        params=(
            MUNICIPALITY,
            Param("kind", "choice", "Art des Netzwerks.", choices=tuple(Network.Kind.values)),
            TRANSITION,
            FIELD,
            SEARCH,
            MODIFIED_AFTER,
        ),
        apply=apply_networks,
        download_name="netzwerke",
    ),
    Collection(
        path="offers",
        schema_name="Offer",
        summary="Aktive Transfer-Angebote zu veröffentlichten Projekten",
        queryset=serializers.offer_queryset,
        serialize=serializers.offer_data,
        params=(
            MUNICIPALITY,
            Param("service_kind", "choice", "Art der Leistung.", choices=tuple(TransferService.Kind.values)),
            TRANSITION,
            FIELD,
            TARGET_GROUP,
            SEARCH,
            MODIFIED_AFTER,
        ),
        apply=apply_offers,
        download_name="transfer-angebote",
    ),
    Collection(
        path="requests",
        schema_name="Request",
        summary="Transfer-Gesuche",
        queryset=serializers.request_queryset,
        serialize=serializers.request_data,
        params=(
            MUNICIPALITY,
            Param("status", "choice", "Stand des Gesuchs.", choices=tuple(TransferRequest.Status.values)),
            TRANSITION,
            FIELD,
            TARGET_GROUP,
            SEARCH,
            MODIFIED_AFTER,
        ),
        apply=apply_requests,
        download_name="transfer-gesuche",
    ),
]
BY_PATH = {collection.path: collection for collection in COLLECTIONS}

PAGE = Param("page", "int", "Seitennummer, ab 1.", minimum=1, maximum=100000, default=1)
PAGE_SIZE = Param("page_size", "int", "Einträge pro Seite.", minimum=1, maximum=200, default=50)

TAXONOMIES = [("transition", Transition), ("field", Field), ("target_group", TargetGroup)]
