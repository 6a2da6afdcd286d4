"""Read-only JSON API under /api/v1/ (published data only), built with django-ninja.

Thin: ``endpoints`` says what each collection lists, ``filters`` and ``schemas`` what goes in and
out; the OpenAPI schema is generated from them. There is no docs page (ninja's loads Swagger UI
from a CDN, which the CSP forbids); /api/v1/openapi.json is the description.
"""

from functools import cache, wraps
from typing import Annotated

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from ninja import Field, NinjaAPI, Query, Status
from ninja.errors import ValidationError
from ninja.pagination import paginate
from ninja.renderers import JSONRenderer

from .endpoints import COLLECTIONS, TAXONOMIES, Collection
from .pagination import HsdsPagination
from .schemas import Error, Index, TaxonomyTerm


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


class OpenDataAPI(NinjaAPI):
    def get_content_type(self) -> str:
        return "application/json"  # as before the move to ninja; JSON is UTF-8 by definition (RFC 8259)


api = OpenDataAPI(
    title="Transferbörse – Offene Daten",
    version="1.0.0",
    description=(
        "Nur lesender Zugriff auf die veröffentlichten Daten der Transferbörse. Feldnamen angelehnt an "
        "Open Referral HSDS 3; gültiges HSDS 3.0 liefert /api/hsds/. Lizenz der Daten: Datenlizenz Deutschland – "
        "Namensnennung – Version 2.0 (dl-de/by-2-0)."
    ),
    openapi_extra={"info": {"license": {"name": "dl-de/by-2-0", "url": "https://www.govdata.de/dl-de/by-2-0"}}},
    openapi_url=None,  # served by the ``openapi`` operation below, with this server's address
    docs_url=None,
    urls_namespace="api",
    renderer=Renderer(),
)


def open_data_headers(response: HttpResponse) -> HttpResponse:
    # Open data: any website may read it; there are no credentials involved.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300" if response.status_code == 200 else "no-cache"
    return response


def with_open_data_headers(run):
    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return open_data_headers(run(request, *args, **kwargs))

    return wrapper


api.add_decorator(with_open_data_headers, mode="view")  # around every operation, errors included


def error_body(status: int, message: str, errors: dict | None = None) -> dict:
    return {"status": status, "message": message, "errors": errors or {}}


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """400 with one German message per parameter (``filters`` writes them) instead of ninja's 422."""
    errors = {str(error["loc"][-1]): [error["msg"]] for error in exc.errors}
    return api.create_response(request, error_body(400, "Ungültige Parameter.", errors), status=400)


def described(texts: dict[int, str]) -> dict:
    """German descriptions of the responses in the document (ninja writes "OK", "Not Found" …)."""
    return {"responses": {status: {"description": text} for status, text in texts.items()}}


LIST_RESPONSES = described({200: "Eine Seite", 400: "Ungültige Parameter"})


def read(path: str, **kwargs):
    """A read operation: GET, and HEAD answered the same way (as Django's own views do)."""
    return api.api_operation(["GET", "HEAD"], path, **kwargs)


@read(
    "/",
    response=Index,
    operation_id="index",
    summary="Übersicht der Sammlungen",
    url_name="index",
    openapi_extra=described({200: "Links"}),
)
def index(request: HttpRequest) -> dict:
    names = [collection.path for collection in COLLECTIONS] + ["taxonomy_terms", "openapi"]
    links = {name: request.build_absolute_uri(reverse(f"api:{name}")) for name in names}
    return {"name": "Transferbörse – Offene Daten", "version": "1", "links": links}


@cache
def openapi_document() -> dict:
    """Generated once per process; paths relative to the server, which each request fills in."""
    document = api.get_openapi_schema(path_prefix="")
    for operations in document["paths"].values():
        operations.pop("head", None)  # answered like GET; documenting it twice would only confuse
    return document


@read("/openapi.json", include_in_schema=False, url_name="openapi")
def openapi(request: HttpRequest) -> dict:
    server = request.build_absolute_uri(reverse("api:index")).rstrip("/")
    return {**openapi_document(), "servers": [{"url": server}]}


@read(
    "/taxonomy_terms/",
    response={200: list[TaxonomyTerm], 400: Error},
    operation_id="listTaxonomyTerms",
    summary="Übergänge, Lebensphasen, Handlungsfelder und Zielgruppen",
    url_name="taxonomy_terms",
    openapi_extra=LIST_RESPONSES,
)
@paginate(HsdsPagination)
def taxonomy_terms(request: HttpRequest) -> list[dict]:
    return [
        {"id": f"{taxonomy}:{term.slug}", "taxonomy": taxonomy, "term": term.name, "code": term.slug}
        for taxonomy, model in TAXONOMIES
        for term in model.objects.order_by("position", "name")
    ]


# Documented bounds, not checked: any other number is simply not found (404), as an unknown record.
RecordId = Annotated[int, Field(json_schema_extra={"minimum": 1, "maximum": 2**53})]


def add_collection(collection: Collection) -> None:
    """The list and the detail operation of one collection."""

    @read(
        f"/{collection.path}/",
        response={200: list[collection.schema], 400: Error},
        operation_id=f"list{collection.schema_name}s",
        summary=collection.summary,
        url_name=collection.path,
        openapi_extra=LIST_RESPONSES,
    )
    @paginate(HsdsPagination)
    def collection_list(request: HttpRequest, filters: Query[collection.filters]):
        # Filters over to-many relations (taxonomies, services) can match a record more than once.
        return filters.filter(collection.queryset()).distinct()

    @read(
        f"/{collection.path}/{{int:id}}/",
        response={200: collection.schema, 404: Error},
        operation_id=f"get{collection.schema_name}",
        summary=f"{collection.summary}: ein Eintrag",
        url_name=f"{collection.path}_detail",
        openapi_extra=described({200: "Der Eintrag", 404: "Nicht gefunden"}),
    )
    def collection_detail(request: HttpRequest, id: RecordId):
        obj = collection.queryset().filter(pk=id).first()
        if obj is None:
            return Status(404, error_body(404, "Nicht gefunden (oder nicht veröffentlicht)."))
        return obj


for collection in COLLECTIONS:
    add_collection(collection)


@csrf_exempt  # a POST to an unknown address gets the JSON 404 too, never a CSRF page
def not_found(request: HttpRequest, unknown: str = "") -> JsonResponse:
    """JSON 404 for every unknown address under /api/v1/, so clients never get an HTML page."""
    body = error_body(404, "Diese Adresse gibt es in der API nicht.")
    return open_data_headers(JsonResponse(body, status=404, json_dumps_params={"ensure_ascii": False}))
