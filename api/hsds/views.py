"""The HSDS 3.0 API paths under /api/hsds/ (read only, published data only), built with django-ninja.

Paths, parameters and the paging envelope follow the HSDS 3.0 OpenAPI description; the OpenAPI
document of this profile is /api/hsds/openapi.json.
"""

import math
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError
from pydantic import AfterValidator

from ..filters import ModifiedAfter, SearchText, german, whole_number
from ..views import Renderer, error_body, open_data_headers, with_open_data_headers
from . import profile, records

HSDS_VERSION = "3.0"
MAX_PER_PAGE = 200
UUID_MESSAGE = "Bitte eine Kennung im UUID-Format angeben, z. B. 0b7f3c8e-5d2a-5c61-9a3e-7e1f2d4c6b80."


# An id filter: a UUID, or empty for "no filter". Ids are compared as lower-case text.
UuidFilter = Annotated[
    str,
    Field(pattern=r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$"),
    german(UUID_MESSAGE),
    AfterValidator(lambda value: value.lower() or None),
]


class HsdsAPI(NinjaAPI):
    def get_content_type(self) -> str:
        return "application/json"


api = HsdsAPI(
    title="Transferbörse – Open Referral HSDS 3.0",
    version=HSDS_VERSION,
    description=(
        "Die veröffentlichten Daten der Transferbörse im Format Open Referral HSDS 3.0 (Profil "
        "„transferboerse“, siehe /api/hsds/profile/). Lizenz: Datenlizenz Deutschland – Namensnennung – "
        "Version 2.0 (dl-de/by-2-0)."
    ),
    openapi_extra={"info": {"license": {"name": "dl-de/by-2-0", "url": "https://www.govdata.de/dl-de/by-2-0"}}},
    openapi_url=None,
    docs_url=None,
    urls_namespace="hsds",
    renderer=Renderer(),
)
api.add_decorator(with_open_data_headers, mode="view")


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = {str(error["loc"][-1]): [error["msg"]] for error in exc.errors}
    return api.create_response(request, error_body(400, "Ungültige Parameter.", errors), status=400)


class Error(Schema):
    status: int
    message: str
    errors: dict[str, list[str]]


class Page(Schema):
    """The HSDS paging envelope."""

    total_items: int = Field(ge=0)
    total_pages: int = Field(ge=1)
    page_number: int = Field(ge=1)
    size: int = Field(ge=0)
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict[str, Any]]


class Paging(Schema):
    page: whole_number(1, 100000) = Field(1, description="Seitennummer, ab 1.")
    per_page: whole_number(1, MAX_PER_PAGE) = Field(50, description="Einträge pro Seite (bis 200).")


class Search(Paging):
    search: SearchText = Field(None, description="Suchbegriff in Name und Beschreibung.")


class ServiceParams(Search):
    taxonomy_term_id: UuidFilter = Field(None, description="Nur Einträge mit diesem taxonomy_term (id).")
    taxonomy_id: UuidFilter = Field(None, description="Nur Einträge mit einem Begriff dieser Taxonomie (id).")
    organization_id: UuidFilter = Field(None, description="Nur Angebote dieser Organisation (id).")
    modified_after: ModifiedAfter = Field(None, description="Nur Einträge, die danach geändert wurden (ISO 8601).")


class OrganizationParams(Search):
    taxonomy_term_id: UuidFilter = Field(None, description="Nur Organisationen mit diesem taxonomy_term (id).")
    taxonomy_id: UuidFilter = Field(None, description="Nur Organisationen mit einem Begriff dieser Taxonomie (id).")


class TermParams(Search):
    taxonomy_id: UuidFilter = Field(None, description="Nur Begriffe dieser Taxonomie (id).")


def page_of(items: list[dict], paging: Paging) -> dict:
    total = len(items)
    total_pages = max(1, math.ceil(total / paging.per_page))
    start = (paging.page - 1) * paging.per_page
    contents = items[start : start + paging.per_page]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def matches_search(record: dict, text: str | None) -> bool:
    if not text:
        return True
    needle = text.casefold()
    return any(needle in str(record.get(key, "")).casefold() for key in ("name", "description"))


def has_term(record: dict, *, term_id: str | None, taxonomy_id: str | None) -> bool:
    terms = [attribute["taxonomy_term"] for attribute in record.get("attributes", [])]
    return (term_id is None or any(term["id"] == term_id for term in terms)) and (
        taxonomy_id is None or any(term["taxonomy_id"] == taxonomy_id for term in terms)
    )


def modified_after(record: dict, moment: datetime | None) -> bool:
    return moment is None or datetime.fromisoformat(record["last_modified"]) > moment


def filter_services(services: list[dict], params: ServiceParams) -> list[dict]:
    return [
        service
        for service in services
        if matches_search(service, params.search)
        and has_term(service, term_id=params.taxonomy_term_id, taxonomy_id=params.taxonomy_id)
        and (params.organization_id is None or service["organization_id"] == params.organization_id)
        and modified_after(service, params.modified_after)
    ]


LIST = {"responses": {200: {"description": "Eine Seite"}, 400: {"description": "Ungültige Parameter"}}}
DETAIL = {"responses": {200: {"description": "Der Eintrag"}, 404: {"description": "Nicht gefunden"}}}
RecordId = Annotated[str, Field(description="UUID des Eintrags")]


def read(path: str, **kwargs):
    return api.api_operation(["GET", "HEAD"], path, **kwargs)


def detail(items: list[dict], id: str):
    record = next((item for item in items if item["id"] == id.lower()), None)
    if record is None:
        return Status(404, error_body(404, "Nicht gefunden (oder nicht veröffentlicht)."))
    return record


class ApiMeta(Schema):
    version: str
    profile: str
    openapi_url: str


@read("/", response=ApiMeta, operation_id="getApiMeta", summary="Version und Profil", url_name="index")
def index(request: HttpRequest) -> dict:
    return {
        "version": HSDS_VERSION,
        "profile": request.build_absolute_uri(reverse("hsds:profile")),
        "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
    }


@read("/profile/", response=dict[str, Any], operation_id="getProfile", summary="Das HSDS-Profil", url_name="profile")
def profile_document(request: HttpRequest) -> dict:
    return profile.document(
        url=request.build_absolute_uri(reverse("hsds:profile")),
        openapi_url=request.build_absolute_uri(reverse("hsds:openapi")),
    )


def add_collection(
    path: str, name: str, summary: str, params: type[Schema], select: Callable[[records.Catalogue, Any], list[dict]]
) -> None:
    @read(
        f"/{path}/",
        response={200: Page, 400: Error},
        operation_id=f"list{name}",
        summary=summary,
        url_name=path,
        openapi_extra=LIST,
    )
    def collection_list(request: HttpRequest, query: Query[params]):
        return page_of(select(records.build(request, frozenset({path})), query), query)

    @read(
        f"/{path}/{{id}}/",
        response={200: dict[str, Any], 404: Error},
        operation_id=f"get{name}",
        summary=f"{summary}: ein Eintrag",
        url_name=f"{path}_detail",
        openapi_extra=DETAIL,
    )
    def collection_detail(request: HttpRequest, id: RecordId):
        return detail(getattr(records.build(request, frozenset({path})), path), id)


add_collection(
    "services",
    "Services",
    "Projekte und Transfer-Angebote (service)",
    ServiceParams,
    lambda catalogue, query: filter_services(catalogue.services, query),
)
add_collection(
    "organizations",
    "Organizations",
    "Kommunen und Träger (organization)",
    OrganizationParams,
    lambda catalogue, query: [
        organization
        for organization in catalogue.organizations
        if matches_search(organization, query.search)
        and has_term(organization, term_id=query.taxonomy_term_id, taxonomy_id=query.taxonomy_id)
    ],
)
add_collection(
    "taxonomies",
    "Taxonomies",
    "Taxonomien (taxonomy)",
    Search,
    lambda catalogue, query: [taxonomy for taxonomy in catalogue.taxonomies if matches_search(taxonomy, query.search)],
)
add_collection(
    "taxonomy_terms",
    "TaxonomyTerms",
    "Übergänge, Lebensphasen, Handlungsfelder, Zielgruppen und Profil-Merkmale (taxonomy_term)",
    TermParams,
    lambda catalogue, query: [
        term
        for term in catalogue.taxonomy_terms
        if matches_search(term, query.search) and query.taxonomy_id in (None, term["taxonomy_id"])
    ],
)
add_collection(
    "service_at_locations",
    "ServiceAtLocations",
    "Angebote mit ihren Einzugsgebieten (service_at_location)",
    ServiceParams,
    lambda catalogue, query: [
        link
        for link, service in zip(catalogue.service_at_locations, catalogue.services, strict=True)
        if service in filter_services([service], query)
    ],
)


@cache
def openapi_document() -> dict:
    document = api.get_openapi_schema(path_prefix="")
    for operations in document["paths"].values():
        operations.pop("head", None)
    return document


@read("/openapi.json", include_in_schema=False, url_name="openapi")
def openapi(request: HttpRequest) -> dict:
    server = request.build_absolute_uri(reverse("hsds:index")).rstrip("/")
    return {**openapi_document(), "servers": [{"url": server}]}


def not_found(request: HttpRequest, unknown: str = "") -> HttpResponse:
    body = error_body(404, "Diese Adresse gibt es in der HSDS-API nicht.")
    return open_data_headers(JsonResponse(body, status=404, json_dumps_params={"ensure_ascii": False}))
