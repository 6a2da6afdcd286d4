"""Read-only JSON API under /api/v1/ (published data only). Thin: ``endpoints`` says what, this says how."""

import math

from django.http import JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .endpoints import BY_PATH, COLLECTIONS, PAGE, PAGE_SIZE, TAXONOMIES, Collection
from .params import ParameterError, parse_params
from .schema import openapi_schema


def api_response(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any website may read it; there are no credentials involved.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300" if status == 200 else "no-cache"
    return response


def error_response(status: int, message: str, errors: dict | None = None) -> JsonResponse:
    return api_response({"status": status, "message": message, "errors": errors or {}}, status=status)


def base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def paginate(request, items, total: int, values: dict) -> dict:
    page, size = values["page"], values["page_size"]
    total_pages = max(1, math.ceil(total / size))

    def link(number: int) -> str | None:
        if not 1 <= number <= total_pages:
            return None
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")

    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "next": link(page + 1),
        "previous": link(page - 1) if page <= total_pages else link(total_pages),
        "contents": items,
    }


@csrf_exempt  # read-only: every method but GET/HEAD gets 405, never a CSRF page
@require_safe
def index(request):
    links = {collection.path: base_url(request) + reverse(f"api:{collection.path}") for collection in COLLECTIONS}
    links["taxonomy_terms"] = base_url(request) + reverse("api:taxonomy_terms")
    links["openapi"] = base_url(request) + reverse("api:openapi")
    return api_response({"name": "Transferbörse – Offene Daten", "version": "1", "links": links})


@csrf_exempt  # read-only: every method but GET/HEAD gets 405, never a CSRF page
@require_safe
def collection_list(request, *, path: str):
    collection: Collection = BY_PATH[path]
    try:
        values = parse_params(request.GET, [*collection.params, PAGE, PAGE_SIZE])
    except ParameterError as error:
        return error_response(400, "Ungültige Parameter.", error.errors)
    queryset = collection.apply(collection.queryset(), values)
    total = queryset.count()
    start = (values["page"] - 1) * values["page_size"]
    objects = list(queryset[start : start + values["page_size"]]) if start < total else []
    items = [collection.serialize(obj, base_url=base_url(request)) for obj in objects]
    return api_response(paginate(request, items, total, values))


@csrf_exempt  # read-only: every method but GET/HEAD gets 405, never a CSRF page
@require_safe
def collection_detail(request, *, path: str, pk: int):
    collection: Collection = BY_PATH[path]
    obj = collection.queryset().filter(pk=pk).first()
    if obj is None:
        return error_response(404, "Nicht gefunden (oder nicht veröffentlicht).")
    return api_response(collection.serialize(obj, base_url=base_url(request)))


@csrf_exempt  # read-only: every method but GET/HEAD gets 405, never a CSRF page
@require_safe
def taxonomy_terms(request):
    try:
        values = parse_params(request.GET, [PAGE, PAGE_SIZE])
    except ParameterError as error:
        return error_response(400, "Ungültige Parameter.", error.errors)
    terms = [
        {"id": f"{taxonomy}:{term.slug}", "taxonomy": taxonomy, "term": term.name, "code": term.slug}
        for taxonomy, model in TAXONOMIES
        for term in model.objects.order_by("position", "name")
    ]
    start = (values["page"] - 1) * values["page_size"]
    return api_response(paginate(request, terms[start : start + values["page_size"]], len(terms), values))


@csrf_exempt  # read-only: every method but GET/HEAD gets 405, never a CSRF page
@require_safe
def openapi(request):
    return api_response(openapi_schema(base_url(request)))


@csrf_exempt
def not_found(request, unknown: str = ""):
    """JSON 404 for every unknown address under /api/v1/, so clients never get an HTML page."""
    return error_response(404, "Diese Adresse gibt es in der API nicht.")
