"""The OpenAPI 3 description of the API, served at /api/v1/openapi.json.

Kept by hand next to ``serializers.py`` (a test holds the keys of both together, schemathesis the
types and values). ``additionalProperties: false`` everywhere, so a new field cannot slip in
undocumented.
"""

from projects.models import Municipality, Organisation
from transfers.models import TransferRequest, TransferService

from .endpoints import COLLECTIONS, PAGE, PAGE_SIZE

STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
NULLABLE_INTEGER = {"type": "integer", "nullable": True}
BOOLEAN = {"type": "boolean"}
ID = {"type": "string", "pattern": "^[0-9]+$", "description": "stabile Kennung (HSDS: id)"}
DATETIME = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}


def obj(properties: dict, *, description: str = "", nullable: bool = False) -> dict:
    schema = {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}
    if description:
        schema["description"] = description
    if nullable:
        schema["nullable"] = True
    return schema


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


def nullable_ref(name: str) -> dict:
    return {"allOf": [ref(name)], "nullable": True}


SCHEMAS = {
    "MunicipalityRef": obj({"id": ID, "slug": STRING, "name": STRING}),
    "OrganizationRef": obj(
        {"id": ID, "name": STRING, "kind": {"type": "string", "enum": list(Organisation.Kind.values)}},
        description="Träger oder Partner (HSDS organization).",
    ),
    "TaxonomyTerm": obj(
        {
            "id": {"type": "string", "description": "`<taxonomy>:<code>`"},
            "taxonomy": {"type": "string", "enum": ["transition", "field", "target_group"]},
            "term": STRING,
            "code": STRING,
        },
        description="Übergang, Handlungsfeld oder Zielgruppe (HSDS taxonomy_term).",
    ),
    "Municipality": obj(
        {
            "id": ID,
            "slug": STRING,
            "name": STRING,
            "kind": {"type": "string", "enum": list(Municipality.Kind.values)},
            "parent_organization_id": {**ID, "nullable": True},
            "url": URL,
            "website": NULLABLE_STRING,
            "address": NULLABLE_STRING,
            "population": NULLABLE_INTEGER,
            "population_year": NULLABLE_INTEGER,
            "has_own_youth_office": BOOLEAN,
            "is_model_municipality": BOOLEAN,
        },
        description="Eine Kommune (HSDS organization; parent_organization_id: der Kreis).",
    ),
    "Contact": obj(
        {
            "name": STRING,
            "title": NULLABLE_STRING,
            "email": NULLABLE_STRING,
            "phones": array(obj({"number": STRING})),
        },
        description="Veröffentlichte Ansprechperson (HSDS contact), nur mit ihrer Zustimmung.",
    ),
    "Project": obj(
        {
            "id": ID,
            "slug": STRING,
            "name": STRING,
            "description": STRING,
            "status": {"type": "string", "enum": ["active"]},
            "url": URL,
            "organization_id": ID,
            "organization": ref("MunicipalityRef"),
            "situation": STRING,
            "goals": STRING,
            "achievements": STRING,
            "success_factors": STRING,
            "pitfalls": STRING,
            "start_year": NULLABLE_INTEGER,
            "partner_organizations": array(ref("OrganizationRef")),
            "service_areas": array(obj({"id": ID, "name": STRING})),
            "taxonomy_terms": array(ref("TaxonomyTerm")),
            "contacts": array(ref("Contact")),
            "indicators": array(obj({"label": STRING, "value": STRING, "year": NULLABLE_INTEGER})),
            "links": array(obj({"label": STRING, "url": STRING})),
            "last_modified": DATETIME,
        },
        description="Ein veröffentlichtes Projekt (HSDS service; organization: die Kommune).",
    ),
    "Network": obj(
        {
            "id": ID,
            "slug": STRING,
            "name": STRING,
            "kind": STRING,
            "description": STRING,
            "url": URL,
            "organization_id": {**ID, "nullable": True},
            "coordinating_organization": nullable_ref("OrganizationRef"),
            "member_organizations": array(ref("OrganizationRef")),
            "municipalities": array(ref("MunicipalityRef")),
            "meetings_per_year": NULLABLE_INTEGER,
            "meeting_note": STRING,
            "founded_year": NULLABLE_INTEGER,
            "has_cooperation_agreement": BOOLEAN,
            "taxonomy_terms": array(ref("TaxonomyTerm")),
            "service_ids": array(ID),
            "last_modified": DATETIME,
        },
        description="Netzwerk, Arbeitskreis, Runder Tisch (kein HSDS-Gegenstück; Felder nach HSDS benannt).",
    ),
    "Offer": obj(
        {
            "id": ID,
            "service_id": ID,
            "service": obj({"id": ID, "slug": STRING, "name": STRING}),
            "organization_id": ID,
            "organization": ref("MunicipalityRef"),
            "description": STRING,
            "url": URL,
            "transfer_services": array(
                obj(
                    {
                        "kind": {"type": "string", "enum": list(TransferService.Kind.values)},
                        "name": STRING,
                        "format": {"type": "string", "enum": list(TransferService.Format.values)},
                        "effort_hours": {"type": "number", "minimum": 0},
                        "capacity": {"type": "integer", "minimum": 0},
                    }
                )
            ),
            "taxonomy_terms": array(ref("TaxonomyTerm")),
            "contacts": array(ref("Contact")),
            "last_modified": DATETIME,
        },
        description="Ein aktives Transfer-Angebot zu einem veröffentlichten Projekt (service_id).",
    ),
    "Request": obj(
        {
            "id": ID,
            "slug": STRING,
            "name": STRING,
            "description": STRING,
            "status": {"type": "string", "enum": list(TransferRequest.Status.values)},
            "organization_id": ID,
            "organization": ref("MunicipalityRef"),
            "taxonomy_terms": array(ref("TaxonomyTerm")),
            "created": DATETIME,
            "last_modified": DATETIME,
        },
        description="Ein Transfer-Gesuch: eine Kommune sucht eine erprobte Lösung.",
    ),
    "Error": obj(
        {
            "status": {"type": "integer"},
            "message": STRING,
            "errors": {"type": "object", "additionalProperties": array(STRING)},
        }
    ),
}


def page_schema(item: dict) -> dict:
    """HSDS 3 paging (total_items … contents) plus links to the next and previous page."""
    return obj(
        {
            "total_items": {"type": "integer", "minimum": 0},
            "total_pages": {"type": "integer", "minimum": 1},
            "page_number": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 0},
            "first_page": BOOLEAN,
            "last_page": BOOLEAN,
            "empty": BOOLEAN,
            "next": {**URL, "nullable": True},
            "previous": {**URL, "nullable": True},
            "contents": array(item),
        }
    )


def json_response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS_400 = json_response("Ungültige Parameter", ref("Error"))
ERRORS_404 = json_response("Nicht gefunden", ref("Error"))


def openapi_schema(server_url: str) -> dict:
    paths: dict = {
        "/": {
            "get": {
                "operationId": "index",
                "summary": "Übersicht der Sammlungen",
                "responses": {
                    "200": json_response(
                        "Links",
                        obj(
                            {
                                "name": STRING,
                                "version": STRING,
                                "links": {"type": "object", "additionalProperties": URL},
                            }
                        ),
                    )
                },
            }
        },
        "/taxonomy_terms/": {
            "get": {
                "operationId": "listTaxonomyTerms",
                "summary": "Übergänge, Handlungsfelder und Zielgruppen",
                "parameters": [PAGE.openapi(), PAGE_SIZE.openapi()],
                "responses": {"200": json_response("Eine Seite", page_schema(ref("TaxonomyTerm"))), "400": ERRORS_400},
            }
        },
    }
    for collection in COLLECTIONS:
        paths[f"/{collection.path}/"] = {
            "get": {
                "operationId": f"list{collection.schema_name}s",
                "summary": collection.summary,
                "parameters": [param.openapi() for param in (*collection.params, PAGE, PAGE_SIZE)],
                "responses": {
                    "200": json_response("Eine Seite", page_schema(ref(collection.schema_name))),
                    "400": ERRORS_400,
                },
            }
        }
        paths[f"/{collection.path}/{{id}}/"] = {
            "get": {
                "operationId": f"get{collection.schema_name}",
                "summary": f"{collection.summary}: ein Eintrag",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 2**53},
                    }
                ],
                "responses": {"200": json_response("Der Eintrag", ref(collection.schema_name)), "404": ERRORS_404},
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Transferbörse – Offene Daten",
            "version": "1.0.0",
            "description": (
                "Nur lesender Zugriff auf die veröffentlichten Daten der Transferbörse. Feldnamen nach Open "
                "Referral HSDS 3, wo die Begriffe passen. Lizenz der Daten: Datenlizenz Deutschland – "
                "Namensnennung – Version 2.0 (dl-de/by-2-0)."
            ),
            "license": {"name": "dl-de/by-2-0", "url": "https://www.govdata.de/dl-de/by-2-0"},
        },
        "servers": [{"url": f"{server_url}/api/v1"}],
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
