"""Our HSDS profile: what the Transferbörse adds to HSDS 3.0 and how its records are constrained.

As HSDS profiles do, the changes are JSON Merge Patches (RFC 7386) of the official schemas; the
profile is published at /api/hsds/profile/ and linked from the open-data page. What HSDS has no
field for (Ausgangslage, Ziele, Kennzahlen, Partner …) is an ``attribute`` whose ``taxonomy_term``
comes from our own taxonomy below and whose ``value`` holds the text.
"""

PROFILE_TAXONOMY = {
    "code": "transferboerse",
    "name": "Transferbörse-Profil",
    "description": "Merkmale der Transferbörse, für die HSDS kein eigenes Feld hat (als attribute mit value).",
    "version": "1",
}

# code: (name, description) — the terms of our attribute taxonomy.
PROFILE_TERMS = {
    "service_type": ("Art des Angebots", "project (Projekt) oder transfer_offer (Transfer-Angebot)."),
    "situation": ("Ausgangslage", "Die Ausgangslage des Projekts."),
    "goals": ("Ziele", "Die Ziele des Projekts."),
    "achievements": ("Erreichtes", "Was das Projekt erreicht hat."),
    "success_factors": ("Erfolgsfaktoren", "Was zum Gelingen beigetragen hat."),
    "pitfalls": ("Stolpersteine", "Worauf andere Kommunen achten sollten."),
    "start_year": ("seit", "Jahr, seit dem es das Projekt gibt."),
    "partner_organization": ("Partner", "id einer beteiligten Organisation (organization)."),
    "indicator": ("Kennzahl", "Kennzahl: Wert (Jahr)."),
    "link": ("Weiterführender Link", "Adresse einer Seite zum Projekt."),
    "transfer_of": ("Transfer von", "id des Projekts (service), das mit diesem Transfer-Angebot weitergegeben wird."),
    "transfer_service": ("Leistung", "Eine Leistung des Transfer-Angebots: Art (Format, Aufwand, Plätze)."),
    "organization_type": ("Art der Organisation", "municipality (Kommune) oder provider (Träger, Partner)."),
    "municipality_kind": (
        "Art der Kommune",
        "district (Kreis), city (kreisfreie Stadt), town (kreisangehörige Stadt) "
        "oder community (kreisangehörige Gemeinde).",
    ),
    "population": ("Einwohnerzahl", "Einwohnerzahl der Kommune."),
    "population_year": ("Stand der Einwohnerzahl", "Jahr der Einwohnerzahl."),
    "has_own_youth_office": ("eigenes Jugendamt", "true, wenn die Kommune ein eigenes Jugendamt hat."),
    "organisation_kind": ("Art des Trägers", "Art des Trägers (youth_office, school, welfare …)."),
    "municipality": ("Kommune", "id der Kommune (organization), in der der Träger tätig ist."),
}

ATTRIBUTES = (
    "Merkmale: Übergänge, Lebensphasen, Handlungsfelder, Zielgruppen und Felder des Transferbörse-Profils (value)."
)

# JSON Merge Patches of the official HSDS 3.0 schemas: what our records always have in addition.
PATCHES = {
    "service": {
        "required": ["id", "name", "status", "description", "url", "organization_id", "organization", "last_modified"],
        "properties": {
            "status": {"enum": ["active"]},
            "last_modified": {"type": "string", "format": "date-time"},
            "attributes": {"description": ATTRIBUTES},
        },
    },
    "organization": {
        "required": ["id", "name", "description"],
        "properties": {"attributes": {"description": ATTRIBUTES}},
    },
    "taxonomy_term": {"required": ["id", "name", "description", "code", "taxonomy_id"]},
    "service_area": {"required": ["id", "service_id", "name"]},
    # A Kommune's contacts belong to its organization, those of projects and offers to their service.
    "contact": {"required": ["id", "name"]},
    "attribute": {"required": ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "taxonomy_term"]},
    "service_at_location": {"required": ["id", "service_id"]},
}


def merge_patch(target, patch):
    """RFC 7386: objects are merged key by key, ``None`` removes a key, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def document(*, url: str, openapi_url: str) -> dict:
    return {
        "name": "transferboerse",
        "title": "Transferbörse – HSDS-Profil",
        "description": (
            "Profil von Open Referral HSDS 3.0 für die Transferbörse: Projekte und Transfer-Angebote als "
            "service, Kommunen und Träger als organization, Sozialräume und Kommunen als service_area, "
            "Übergänge, Lebensphasen, Handlungsfelder und Zielgruppen als taxonomy_term. Die Änderungen an den Schemas "
            "sind JSON Merge Patches (RFC 7386)."
        ),
        "url": url,
        "hsds_version": "3.0",
        "openapi_url": openapi_url,
        "identifiers": "UUID Version 5, stabil: aus Art und Nummer des Eintrags abgeleitet.",
        "schema_patches": PATCHES,
        "attribute_taxonomy": {
            **{key: value for key, value in PROFILE_TAXONOMY.items()},
            "terms": [
                {"code": code, "name": name, "description": description}
                for code, (name, description) in PROFILE_TERMS.items()
            ],
        },
    }
