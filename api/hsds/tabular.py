"""The HSDS records as a Frictionless tabular data package (HSDS tabular layout): one CSV per table
and ``datapackage.json`` describing them, zipped into one download.

Every cell goes through ``transferboerse.spreadsheets`` so no text becomes a spreadsheet formula.
"""

import io
import json
import zipfile

from transferboerse import spreadsheets

from .records import Catalogue

LICENCE = {
    "name": "dl-de-by-2.0",
    "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "path": "https://www.govdata.de/dl-de/by-2-0",
}


def _s(name: str, description: str = "") -> dict:
    return {"name": name, "type": "string", **({"description": description} if description else {})}


# table name: (fields, primary key, foreign keys); the fields in HSDS order, types after Table Schema.
TABLES = {
    "organizations": (
        [_s("id"), _s("name"), _s("description"), _s("website"), _s("uri"), _s("parent_organization_id")],
        [],
    ),
    "services": (
        [
            _s("id"),
            _s("organization_id"),
            _s("name"),
            _s("description"),
            _s("url"),
            _s("status"),
            {"name": "last_modified", "type": "datetime"},
        ],
        [{"fields": "organization_id", "reference": {"resource": "organizations", "fields": "id"}}],
    ),
    "service_areas": (
        [_s("id"), _s("service_id"), _s("name"), _s("description"), _s("uri")],
        [{"fields": "service_id", "reference": {"resource": "services", "fields": "id"}}],
    ),
    "service_at_locations": (
        [_s("id"), _s("service_id"), _s("description")],
        [{"fields": "service_id", "reference": {"resource": "services", "fields": "id"}}],
    ),
    "contacts": (
        # A contact belongs to a service (project, offer) or to an organisation (a Kommune).
        [_s("id"), _s("organization_id"), _s("service_id"), _s("name"), _s("title"), _s("email")],
        [
            {"fields": "organization_id", "reference": {"resource": "organizations", "fields": "id"}},
            {"fields": "service_id", "reference": {"resource": "services", "fields": "id"}},
        ],
    ),
    "phones": (
        [_s("id"), _s("contact_id"), _s("number")],
        [{"fields": "contact_id", "reference": {"resource": "contacts", "fields": "id"}}],
    ),
    "taxonomies": ([_s("id"), _s("name"), _s("description"), _s("uri"), _s("version")], []),
    "taxonomy_terms": (
        [
            _s("id"),
            _s("code"),
            _s("name"),
            _s("description"),
            _s("taxonomy"),
            _s("taxonomy_id"),
            _s("language"),
            _s("term_uri"),
        ],
        [{"fields": "taxonomy_id", "reference": {"resource": "taxonomies", "fields": "id"}}],
    ),
    "attributes": (
        [_s("id"), _s("link_id"), _s("link_type"), _s("link_entity"), _s("taxonomy_term_id"), _s("value")],
        [{"fields": "taxonomy_term_id", "reference": {"resource": "taxonomy_terms", "fields": "id"}}],
    ),
}


def rows(catalogue: Catalogue) -> dict[str, list[dict]]:
    """The nested records, one list of flat rows per HSDS table."""
    services = catalogue.services
    organizations = catalogue.organizations
    contacts = [contact for record in [*organizations, *services] for contact in record.get("contacts", [])]
    return {
        "organizations": organizations,
        "services": services,
        "service_areas": [area for service in services for area in service["service_areas"]],
        "service_at_locations": catalogue.service_at_locations,
        "contacts": contacts,
        "phones": [phone for contact in contacts for phone in contact["phones"]],
        "taxonomies": catalogue.taxonomies,
        "taxonomy_terms": catalogue.taxonomy_terms,
        "attributes": [
            attribute for record in [*services, *organizations] for attribute in record.get("attributes", [])
        ],
    }


def csv_text(fields: list[dict], records: list[dict]) -> str:
    buffer = io.StringIO()
    writer = spreadsheets.writer(buffer, lineterminator="\r\n")
    names = [field["name"] for field in fields]
    writer.writerow(names)
    writer.writerows([record.get(name, "") for name in names] for record in records)
    return buffer.getvalue()


def descriptor(*, title: str, homepage: str, modified: str) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "transferboerse-hsds",
        "title": title,
        "description": "Die veröffentlichten Daten der Transferbörse im Tabellenformat von Open Referral HSDS 3.0.",
        "homepage": homepage,
        "version": "3.0",
        "created": modified,
        "licenses": [LICENCE],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": fields,
                    "primaryKey": ["id"],
                    **({"foreignKeys": foreign_keys} if foreign_keys else {}),
                },
            }
            for name, (fields, foreign_keys) in TABLES.items()
        ],
    }


def files(catalogue: Catalogue, *, homepage: str, modified: str) -> dict[str, str]:
    tables = rows(catalogue)
    package = descriptor(title="Transferbörse – Open Referral HSDS 3.0", homepage=homepage, modified=modified)
    return {
        "datapackage.json": json.dumps(package, ensure_ascii=False, indent=1),
        **{f"{name}.csv": csv_text(fields, tables[name]) for name, (fields, _keys) in TABLES.items()},
    }


def zipped(contents: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in contents.items():
            archive.writestr(name, text.encode())
    return buffer.getvalue()
