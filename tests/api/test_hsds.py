"""The HSDS 3.0 endpoints under /api/hsds/: records, parameters, consent and what never leaves."""

import pytest
from django.urls import reverse

from api.hsds.records import hsds_id, municipality_organization_id, project_service_id, term_id
from projects.models import Project
from tests.factories import ProjectFactory, TransferOfferFactory

from .hsds_schemas import errors

QUERIES = 16  # one per table the services read, whatever the number of records

ENDPOINTS = {
    "services": "service",
    "organizations": "organization",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
    "service_at_locations": "service_at_location",
}


@pytest.mark.django_db
def test_hsds_services_are_published_projects_and_active_offers_only(client, api_data):
    services = client.get("/api/hsds/services/").json()["contents"]

    assert sorted(service["name"] for service in services) == [
        "Kita-Lotsen",
        "Transfer-Angebot: Willkommensbesuche",
        "Willkommensbesuche",
    ]
    visits = next(service for service in services if service["name"] == "Willkommensbesuche")
    assert visits["id"] == project_service_id(api_data["visits"].pk)
    assert visits["organization_id"] == municipality_organization_id(api_data["visits"].municipality_id)
    assert visits["contacts"][0]["name"] == "Erika Muster"
    assert [area["name"] for area in visits["service_areas"]] == ["Bergkamen-Mitte"]


@pytest.mark.django_db
def test_hsds_hides_contacts_without_consent(client, api_data):
    offer = client.get(f"/api/hsds/services/{hsds_id('service', 'offer', api_data['offer'].pk)}/").json()
    lotsen = client.get(f"/api/hsds/services/{project_service_id(api_data['lotsen'].pk)}/").json()

    assert offer["contacts"] == []
    assert lotsen["contacts"] == []


@pytest.mark.django_db
def test_hsds_unpublished_project_is_not_found(client, api_data):
    draft = Project.objects.get(title="Entwurf")

    response = client.get(f"/api/hsds/services/{project_service_id(draft.pk)}/")

    assert response.status_code == 404
    assert response.json()["message"] == "Nicht gefunden (oder nicht veröffentlicht)."
    everything = "".join(client.get(f"/api/hsds/{path}/").content.decode() for path in ENDPOINTS)
    assert "Entwurf" not in everything
    assert "geheim@selm.de" not in everything
    assert "Intern" not in everything


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"search": "lotsen"}, ["Kita-Lotsen"]),
        ({"search": "WILLKOMMEN"}, ["Transfer-Angebot: Willkommensbesuche", "Willkommensbesuche"]),
        ({"modified_after": "2999-01-01T00:00:00Z"}, []),
    ],
)
def test_hsds_services_filter_by_search_and_modification(client, api_data, params, names):
    services = client.get("/api/hsds/services/", params).json()["contents"]

    assert sorted(service["name"] for service in services) == names


@pytest.mark.django_db
def test_hsds_services_filter_by_organization_and_taxonomy_term(client, api_data, selm, transitions):
    by_selm = client.get("/api/hsds/services/", {"organization_id": municipality_organization_id(selm.pk)}).json()
    by_term = client.get("/api/hsds/services/", {"taxonomy_term_id": term_id("transition", transitions[1].pk)}).json()

    assert [service["name"] for service in by_selm["contents"]] == ["Kita-Lotsen"]
    assert [service["name"] for service in by_term["contents"]] == ["Kita-Lotsen"]


@pytest.mark.django_db
def test_hsds_services_carry_and_filter_by_their_life_phases(client, api_data, phases):
    api_data["lotsen"].phases.set([phases[2]])

    by_phase = client.get("/api/hsds/services/", {"taxonomy_term_id": term_id("phase", phases[2].pk)}).json()
    taxonomies = client.get("/api/hsds/taxonomies/").json()["contents"]

    assert [service["name"] for service in by_phase["contents"]] == ["Kita-Lotsen"]
    assert [taxonomy["name"] for taxonomy in taxonomies][:2] == ["Übergänge", "Lebensphasen"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"organization_id": "12"}, "organization_id", "Bitte eine Kennung im UUID-Format angeben"),
        ({"per_page": "500"}, "per_page", "Bitte eine Zahl von 1 bis 200 angeben."),
        ({"modified_after": "gestern"}, "modified_after", "Bitte Datum und Uhrzeit nach ISO 8601 angeben"),
    ],
)
def test_hsds_bad_parameters_get_a_german_400(client, params, field, message):
    response = client.get("/api/hsds/services/", params)

    assert response.status_code == 400
    assert response.json()["errors"][field][0].startswith(message)


@pytest.mark.django_db
def test_hsds_unknown_address_gets_a_json_404(client):
    response = client.get("/api/hsds/locations/")

    assert (response.status_code, response["Content-Type"]) == (404, "application/json")


def test_hsds_urls_are_reversible():
    assert reverse("hsds:services") == "/api/hsds/services/"


@pytest.mark.django_db
def test_old_v1_project_record_fails_the_official_schema_the_hsds_one_passes(client, api_data):
    old = client.get("/api/v1/projects/").json()["contents"][0]
    new = client.get(f"/api/hsds/services/{project_service_id(api_data['visits'].pk)}/").json()

    assert "organization: 'description' is a required property" in errors("service", old)
    assert errors("service", new) == []


def test_official_schema_checks_uuid_and_uri_formats():
    record = {"id": "12", "name": "Willkommensbesuche", "status": "active", "url": "kein Link"}

    assert sorted(errors("service", record)) == ["id: '12' is not a 'uuid'", "url: 'kein Link' is not a 'uri'"]


@pytest.mark.django_db
@pytest.mark.parametrize("projects", [1, 3])
def test_hsds_services_need_a_fixed_number_of_queries(client, bergkamen, projects, django_assert_num_queries):
    for number in range(projects):
        TransferOfferFactory(project=ProjectFactory(municipality=bergkamen, title=f"Projekt {number}"))

    with django_assert_num_queries(QUERIES):
        body = client.get("/api/hsds/services/").json()

    assert body["total_items"] == 2 * projects
