"""The HSDS 3.0 endpoints on the demo content: every record of every endpoint (list and detail)
validates against the official HSDS 3.0 schemas (vendored in tests/hsds-schema) and our profile.
The data package and the DCAT-AP.de catalogue of the demo validate as well."""

import io
import zipfile

import pytest
from frictionless import Package
from rdflib.namespace import DCAT, RDF

from api.endpoints import COLLECTIONS
from projects.models import Municipality, Project
from transfers.models import TransferOffer

from . import dcat_shapes
from .hsds_schemas import errors
from .test_hsds import ENDPOINTS
from .test_open_data_package import CATALOGUES, catalogue


def all_records(client, path: str) -> list[dict]:
    records, page = [], 1
    while True:
        body = client.get(f"/api/hsds/{path}/", {"per_page": 200, "page": page}).json()
        records += body["contents"]
        if body["last_page"]:
            return records
        page += 1


def test_every_hsds_record_of_the_demo_validates_against_the_official_schemas(client, demo, capsys):
    counts, problems = {}, []
    for path, schema in ENDPOINTS.items():
        records = all_records(client, path)
        for record in records:
            detail = client.get(f"/api/hsds/{path}/{record['id']}/")
            assert detail.status_code == 200
            assert detail.json() == record
            for profile in (False, True):
                problems += [f"{path} {record['id']} {e}" for e in errors(schema, record, profile=profile)]
        counts[path] = len(records)

    published = Project.objects.published().count()
    offers = TransferOffer.objects.active().filter(project__status=Project.Status.PUBLISHED).count()
    assert problems == []
    assert counts["services"] == published + offers
    assert counts["service_at_locations"] == published + offers
    assert counts["organizations"] >= Municipality.objects.count()
    assert counts["taxonomies"] == 5
    with capsys.disabled():
        print("\nHSDS 3.0: valid records (list and detail, official schema and profile):", counts)


def test_hsds_paging_envelope_follows_the_standard(client, demo):
    total = len(all_records(client, "services"))

    body = client.get("/api/hsds/services/", {"per_page": 5, "page": 2}).json()

    assert {key: value for key, value in body.items() if key != "contents"} == {
        "total_items": total,
        "total_pages": -(-total // 5),
        "page_number": 2,
        "size": 5,
        "first_page": False,
        "last_page": total <= 10,
        "empty": False,
    }
    assert len(body["contents"]) == 5


def test_hsds_page_past_the_end_is_empty(client, demo):
    body = client.get("/api/hsds/taxonomies/", {"page": 9}).json()

    assert (body["total_items"], body["size"], body["empty"], body["contents"]) == (5, 0, True, [])


def test_hsds_root_names_version_and_profile(client, demo):
    body = client.get("/api/hsds/").json()

    assert body == {
        "version": "3.0",
        "profile": "http://testserver/api/hsds/profile/",
        "openapi_url": "http://testserver/api/hsds/openapi.json",
    }
    profile = client.get("/api/hsds/profile/").json()
    assert profile["hsds_version"] == "3.0"
    assert profile["schema_patches"]["service"]["properties"]["status"] == {"enum": ["active"]}


def test_hsds_data_package_of_the_demo_validates_with_frictionless(client, demo, tmp_path, capsys):
    response = client.get("/offene-daten/hsds-datenpaket.zip")
    zipfile.ZipFile(io.BytesIO(response.content)).extractall(tmp_path)

    report = Package(str(tmp_path / "datapackage.json")).validate()

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {task.name: task.stats.get("rows", 0) for task in report.tasks}
    assert rows["services"] == len(all_records(client, "services"))
    with capsys.disabled():
        print("\nFrictionless (demo): valid rows per table:", rows)


@pytest.mark.parametrize(("path", "format"), CATALOGUES)
def test_dcat_catalogue_of_the_demo_conforms_to_the_official_dcat_ap_de_shapes(client, demo, path, format, capsys):
    graph = catalogue(client, path, format)

    found = dcat_shapes.results(graph)

    problems = [str(result) for result in found if result.severity in ("Violation", "Warning")]
    assert problems == [], "\n".join(problems)
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == len(COLLECTIONS) + 1
    with capsys.disabled():
        print(f"\nDCAT-AP.de 2.0 SHACL (demo, {format}): {dcat_shapes.counts(found)}")
