"""The "Offene Daten" page and its bulk downloads: one CSV per collection, one JSON file of everything."""

import io
import json

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from transferboerse import spreadsheets

from . import dcat
from .endpoints import COLLECTIONS, Collection
from .hsds import records, tabular

LICENCE = {
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "id": "dl-de/by-2-0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
    "attribution": "Transferbörse Präventionsketten Kreis Unna",
}
BY_DOWNLOAD_NAME = {collection.download_name: collection for collection in COLLECTIONS}


def collection_rows(collection: Collection, request) -> list[dict]:
    return [collection.serialize(obj, request=request) for obj in collection.queryset()]


def flat(value) -> str:
    """One CSV cell: lists joined with "; ", references by their name, nothing nested."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(flat(item) for item in value)
    if isinstance(value, dict):
        if "term" in value:
            return value["term"]
        if "label" in value:
            return f"{value['label']}: {value['value']}" if value.get("value") else value["label"]
        if "number" in value:
            return value["number"]
        if "name" in value:
            return value["name"] if not value.get("email") else f"{value['name']} <{value['email']}>"
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class OpenDataView(TemplateView):
    template_name = "api/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            licence=LICENCE,
            downloads=[
                {
                    "collection": collection,
                    "count": collection.queryset().count(),
                    "file": f"{collection.download_name}.csv",
                }
                for collection in COLLECTIONS
            ],
        )


@require_safe
def download_csv(request, name: str):
    collection = BY_DOWNLOAD_NAME.get(name)
    if collection is None:
        raise Http404
    rows = collection_rows(collection, request)
    columns = list(rows[0]) if rows else []
    buffer = io.StringIO()
    # As German Excel opens a CSV by double click: ";" between cells, a byte order mark for the umlauts.
    buffer.write(spreadsheets.BOM)
    writer = spreadsheets.writer(buffer, delimiter=spreadsheets.CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([flat(row[column]) for column in columns] for row in rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="transferboerse-{name}.csv"'
    return response


@require_safe
def download_json(request):
    data = {
        "title": "Transferbörse – Offene Daten",
        "generated": timezone.now().isoformat(),
        "licence": LICENCE,
        **{collection.path: collection_rows(collection, request) for collection in COLLECTIONS},
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="transferboerse.json"'
    return response


@require_safe
def download_hsds_package(request):
    """The HSDS records as a Frictionless data package: datapackage.json and one CSV per table, zipped."""
    catalogue = records.build(request)
    modified = max((service["last_modified"] for service in catalogue.services), default=timezone.now().isoformat())
    contents = tabular.files(
        catalogue, homepage=request.build_absolute_uri(reverse("opendata:index")), modified=modified
    )
    response = HttpResponse(tabular.zipped(contents), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="transferboerse-hsds.zip"'
    return response


@require_safe
def catalogue_rdf(request):
    """DCAT-AP.de catalogue as RDF/XML."""
    return HttpResponse(
        dcat.graph(request).serialize(format="pretty-xml"), content_type="application/rdf+xml; charset=utf-8"
    )


@require_safe
def catalogue_jsonld(request):
    """DCAT-AP.de catalogue as JSON-LD."""
    return HttpResponse(dcat.graph(request).serialize(format="json-ld"), content_type="application/ld+json")
