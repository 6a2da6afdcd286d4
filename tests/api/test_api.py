import datetime

import pytest
from django.urls import reverse

from api.endpoints import COLLECTIONS
from projects.models import Project
from tests.factories import NetworkFactory, ProjectFactory, TransferOfferFactory, TransferRequestFactory
from transfers.models import TransferOffer


def contents(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def names(client, url, **params) -> list[str]:
    return [item["name"] for item in contents(client, url, **params)["contents"]]


@pytest.mark.django_db
def test_projects_list_only_published_projects_with_hsds_fields(client, api_data):
    data = contents(client, "/api/v1/projects/")

    assert [item["name"] for item in data["contents"]] == ["Willkommensbesuche", "Kita-Lotsen"]
    visits = data["contents"][0]
    assert visits["organization"] == {"id": str(visits["organization_id"]), "slug": "bergkamen", "name": "Bergkamen"}
    assert visits["url"] == "http://testserver/projekte/willkommensbesuche/"
    assert [term["id"] for term in visits["taxonomy_terms"]] == [
        "transition:schwangerschaft-geburt",
        "field:jugendhilfe",
        "target_group:junge-familien",
    ]
    assert visits["contacts"] == [{"name": "Erika Muster", "title": None, "email": "erika@bergkamen.de", "phones": []}]
    assert visits["indicators"] == [{"label": "Erreichte Familien", "value": "86 %", "year": 2011}]
    assert [area["name"] for area in visits["service_areas"]] == ["Mitte"]


@pytest.mark.django_db
def test_project_contact_is_hidden_without_consent(client, api_data):
    Project.objects.filter(pk=api_data["visits"].pk).update(contact_is_public=False)

    body = client.get("/api/v1/projects/").content.decode()

    assert "erika@bergkamen.de" not in body


@pytest.mark.django_db
def test_unpublished_records_are_not_reachable(client, api_data):
    draft = Project.objects.get(title="Entwurf")
    inactive = TransferOffer.objects.get(is_active=False)

    assert client.get(f"/api/v1/projects/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/offers/{inactive.pk}/").status_code == 404
    assert "geheim@selm.de" not in client.get("/api/v1/projects/").content.decode()
    network = contents(client, "/api/v1/networks/")["contents"][0]
    assert network["service_ids"] == [str(api_data["visits"].pk)]


@pytest.mark.django_db
def test_offers_hide_contact_persons_without_consent(client, api_data):
    data = contents(client, "/api/v1/offers/")

    assert [offer["service"]["name"] for offer in data["contents"]] == ["Willkommensbesuche"]
    assert "erika@bergkamen.de" not in client.get("/api/v1/offers/").content.decode()
    assert data["contents"][0]["transfer_services"] == [
        {"kind": "presentation", "name": "Präsentation der Ergebnisse", "format": "on_site", "effort_hours": 4.0,
         "capacity": 3}
    ]  # fmt: skip


@pytest.mark.django_db
def test_project_detail_returns_one_record(client, api_data):
    response = client.get(f"/api/v1/projects/{api_data['visits'].pk}/")

    assert response.json()["name"] == "Willkommensbesuche"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"municipality": "selm"}, ["Kita-Lotsen"]),
        ({"transition": "uebergang-in-die-kita"}, ["Kita-Lotsen"]),
        ({"field": "jugendhilfe", "target_group": "junge-familien"}, ["Willkommensbesuche"]),
        ({"q": "willkommen"}, ["Willkommensbesuche"]),
        ({"municipality": "unbekannt"}, []),
        ({"municipality": "", "q": ""}, ["Willkommensbesuche", "Kita-Lotsen"]),
    ],
)
def test_projects_filter(client, api_data, params, expected):
    assert names(client, "/api/v1/projects/", **params) == expected


@pytest.mark.django_db
def test_projects_and_offers_name_their_life_phases_as_taxonomy_terms(client, api_data, phases):
    api_data["visits"].phases.set([phases[0], phases[1]])
    api_data["lotsen"].phases.set([phases[2]])

    visits = contents(client, f"/api/v1/projects/{api_data['visits'].pk}/")
    offer = contents(client, f"/api/v1/offers/{api_data['offer'].pk}/")

    expected = [
        "transition:schwangerschaft-geburt",
        "phase:schwangerschaft-und-geburt",
        "phase:03-jahre",
        "field:jugendhilfe",
        "target_group:junge-familien",
    ]
    assert [term["id"] for term in visits["taxonomy_terms"]] == expected
    assert [term["id"] for term in offer["taxonomy_terms"]] == expected
    assert visits["taxonomy_terms"][1] == {
        "id": "phase:schwangerschaft-und-geburt",
        "taxonomy": "phase",
        "term": "Schwangerschaft und Geburt",
        "code": "schwangerschaft-und-geburt",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "phase", "expected"),
    [
        ("projects", "kita", ["Kita-Lotsen"]),
        ("projects", "03-jahre", ["Willkommensbesuche"]),
        ("projects", "grundschule", []),
        ("offers", "03-jahre", ["Willkommensbesuche"]),
        ("offers", "kita", []),
    ],
)
def test_projects_and_offers_filter_by_life_phase(client, api_data, phases, path, phase, expected):
    api_data["visits"].phases.set([phases[0], phases[1]])
    api_data["lotsen"].phases.set([phases[2]])

    items = contents(client, f"/api/v1/{path}/", phase=phase)["contents"]

    assert [item["name"] if path == "projects" else item["service"]["name"] for item in items] == expected


@pytest.mark.django_db
def test_taxonomy_terms_list_the_life_phases_in_chain_order(client, phases):
    terms = contents(client, "/api/v1/taxonomy_terms/", page_size=50)["contents"]

    assert [term["code"] for term in terms if term["taxonomy"] == "phase"] == [phase.slug for phase in phases]
    assert [term["taxonomy"] for term in terms][4:6] == ["transition", "phase"]


@pytest.mark.django_db
def test_modified_after_returns_only_later_changes(client, api_data):
    old = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    Project.objects.filter(title="Kita-Lotsen").update(updated_at=old)

    assert names(client, "/api/v1/projects/", modified_after="2021-01-01T00:00:00Z") == ["Willkommensbesuche"]
    assert names(client, "/api/v1/projects/", modified_after="2019-12-31T23:00:00") == [
        "Willkommensbesuche",
        "Kita-Lotsen",
    ]
    assert names(client, "/api/v1/projects/", modified_after="2020-01-01T01:00:00+01:00") == ["Willkommensbesuche"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/api/v1/networks/", {"kind": "working_group", "transition": "schwangerschaft-geburt"}, ["AK Frühe Hilfen"]),
        ("/api/v1/networks/", {"municipality": "selm"}, []),
        ("/api/v1/requests/", {"status": "open", "municipality": "selm"}, ["Brücken in die Kita"]),
        ("/api/v1/requests/", {"status": "closed"}, []),
        ("/api/v1/municipalities/", {"q": "berg"}, ["Bergkamen"]),
    ],
)
def test_other_collections_filter(client, api_data, path, params, expected):
    assert names(client, path, **params) == expected


@pytest.mark.django_db
def test_offers_filter_by_service_kind(client, api_data):
    assert len(contents(client, "/api/v1/offers/", service_kind="presentation")["contents"]) == 1
    assert contents(client, "/api/v1/offers/", service_kind="coaching")["contents"] == []


@pytest.mark.django_db
def test_pagination_follows_hsds_and_links_pages(client, api_data):
    data = contents(client, "/api/v1/projects/", page=2, page_size=1, q="")

    assert {key: value for key, value in data.items() if key != "contents"} == {
        "total_items": 2,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
        "next": None,
        "previous": "http://testserver/api/v1/projects/?page=1&page_size=1&q=",
    }
    assert [item["name"] for item in data["contents"]] == ["Kita-Lotsen"]


@pytest.mark.django_db
def test_page_past_the_end_is_empty(client, api_data):
    data = contents(client, "/api/v1/projects/", page=5)

    assert (data["empty"], data["contents"], data["previous"]) == (
        True,
        [],
        "http://testserver/api/v1/projects/?page=1",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"page": "0"}, {"page": ["Bitte eine Zahl von 1 bis 100000 angeben."]}),
        ({"page_size": "201"}, {"page_size": ["Bitte eine Zahl von 1 bis 200 angeben."]}),
        ({"page": "zwei"}, {"page": ["Bitte eine ganze Zahl angeben."]}),
        (
            {"municipality": "Bergkamen!"},
            {"municipality": ["Bitte einen Kurznamen aus Buchstaben, Ziffern, - und _ angeben (bis 80 Zeichen)."]},
        ),
        (
            {"modified_after": "gestern"},
            {"modified_after": ["Bitte Datum und Uhrzeit nach ISO 8601 angeben, z. B. 2026-01-31T12:00:00+01:00."]},
        ),
        ({"q": "x" * 201}, {"q": ["Höchstens 200 Zeichen."]}),
        ({"q": "a\x00b"}, {"q": ["Der Wert enthält ein unzulässiges Nullzeichen."]}),
        ({"transition": "a\x00"}, {"transition": ["Der Wert enthält ein unzulässiges Nullzeichen."]}),
        # pydantic alone would read these as 1 or 5; the API has always wanted digits only.
        ({"page": "+1"}, {"page": ["Bitte eine ganze Zahl angeben."]}),
        ({"page": " 1"}, {"page": ["Bitte eine ganze Zahl angeben."]}),
        ({"page_size": "5.0"}, {"page_size": ["Bitte eine ganze Zahl angeben."]}),
        ({"page_size": ""}, {"page_size": ["Bitte eine ganze Zahl angeben."]}),
    ],
)
def test_invalid_parameters_get_400_with_german_message(client, api_data, params, errors):
    response = client.get("/api/v1/projects/", params)

    assert response.status_code == 400
    assert response.json() == {"status": 400, "message": "Ungültige Parameter.", "errors": errors}


@pytest.mark.django_db
def test_every_invalid_parameter_is_reported_at_once_and_not_cached(client):
    response = client.get("/api/v1/offers/", {"service_kind": "x", "page": "0", "modified_after": "", "q": "ok"})

    assert (response.status_code, response["Cache-Control"], response.json()["errors"]) == (
        400,
        "no-cache",
        {
            "service_kind": ["Erlaubt sind: presentation, success_factors, coaching, site_visit."],
            "modified_after": ["Bitte Datum und Uhrzeit nach ISO 8601 angeben, z. B. 2026-01-31T12:00:00+01:00."],
            "page": ["Bitte eine Zahl von 1 bis 100000 angeben."],
        },
    )


@pytest.mark.django_db
def test_timestamps_keep_microseconds_and_utc_offset(client, api_data):
    visits = Project.objects.get(pk=api_data["visits"].pk)

    data = contents(client, f"/api/v1/projects/{visits.pk}/")

    assert data["last_modified"] == visits.updated_at.isoformat()
    assert data["last_modified"].endswith("+00:00")


@pytest.mark.django_db
def test_invalid_choice_lists_the_allowed_values(client):
    response = client.get("/api/v1/requests/", {"status": "erledigt"})

    assert response.json()["errors"] == {"status": ["Erlaubt sind: open, matched, closed."]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "queries"),
    # count + page, plus one per prefetched relation
    [("municipalities", 3), ("projects", 10), ("networks", 7), ("offers", 7), ("requests", 5)],
)
def test_list_query_count_is_fixed(client, django_assert_num_queries, bergkamen, selm, path, queries):
    def add(number: int) -> None:
        for _ in range(number):
            project = ProjectFactory(municipality=bergkamen)
            TransferOfferFactory(project=project)
            NetworkFactory().projects.add(project)
            TransferRequestFactory(municipality=selm)

    add(1)
    with django_assert_num_queries(queries):
        client.get(f"/api/v1/{path}/")
    add(2)
    with django_assert_num_queries(queries):
        response = client.get(f"/api/v1/{path}/")
    assert response.json()["total_items"] >= 3


@pytest.mark.django_db
def test_api_sets_no_cookie_and_allows_any_origin(client, api_data):
    response = client.get("/api/v1/projects/")

    assert dict(response.cookies) == {}
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_api_refuses_writes(client, api_data):
    response = client.post("/api/v1/projects/", {"title": "Neu"})

    assert (response.status_code, sorted(response["Allow"].split(", "))) == (405, ["GET", "HEAD"])
    assert Project.objects.count() == 4


@pytest.mark.django_db
def test_api_answers_head_like_get_without_a_body(client, api_data):
    response = client.head("/api/v1/projects/", {"page_size": 1})

    assert (response.status_code, response.content, response["Cache-Control"]) == (200, b"", "public, max-age=300")


@pytest.mark.django_db
def test_unknown_api_address_is_json_404(client):
    response = client.get("/api/v1/projekte/")

    assert (response.status_code, response["Content-Type"]) == (404, "application/json")


@pytest.mark.django_db
def test_openapi_schema_is_generated_with_every_collection_and_this_server(client):
    schema = client.get(reverse("api:openapi")).json()

    assert schema["openapi"] == "3.1.0"
    assert sorted(schema["paths"]) == sorted(
        ["/", "/taxonomy_terms/"]
        + [f"/{collection.path}/" for collection in COLLECTIONS]
        + [f"/{collection.path}/{{id}}/" for collection in COLLECTIONS]
    )
    assert {method for operations in schema["paths"].values() for method in operations} == {"get"}
    assert schema["servers"] == [{"url": "http://testserver/api/v1"}]


@pytest.mark.django_db
def test_openapi_schema_keeps_the_parameters_of_every_operation(client):
    slugs = ["municipality", "transition", "phase", "field", "target_group", "q", "modified_after", "page", "page_size"]

    schema = client.get(reverse("api:openapi")).json()

    parameters = {
        path: [parameter["name"] for parameter in operations["get"].get("parameters", [])]
        for path, operations in schema["paths"].items()
    }
    assert parameters == {
        "/": [],
        "/taxonomy_terms/": ["page", "page_size"],
        "/municipalities/": ["kind", "district", "q", "page", "page_size"],
        "/municipalities/{id}/": ["id"],
        "/projects/": slugs,
        "/projects/{id}/": ["id"],
        "/networks/": ["municipality", "kind", "transition", "field", "q", "modified_after", "page", "page_size"],
        "/networks/{id}/": ["id"],
        "/offers/": ["municipality", "service_kind", *slugs[1:]],
        "/offers/{id}/": ["id"],
        "/requests/": ["municipality", "status", "transition", *slugs[3:]],
        "/requests/{id}/": ["id"],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda collection: collection.path)
def test_openapi_schema_documents_exactly_the_fields_sent(client, api_data, collection):
    schema = client.get(reverse("api:openapi")).json()["components"]["schemas"][collection.schema_name]

    item = client.get(f"/api/v1/{collection.path}/").json()["contents"][0]

    assert (list(item), schema["required"], schema["additionalProperties"]) == (
        list(schema["properties"]),
        list(schema["properties"]),
        False,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/docs", "/api/v1/docs/", "/api/v1/openapi.json/docs"])
def test_no_docs_page_that_would_load_scripts_from_a_cdn(client, path):
    response = client.get(path)

    assert (response.status_code, response.json()["message"]) == (404, "Diese Adresse gibt es in der API nicht.")
