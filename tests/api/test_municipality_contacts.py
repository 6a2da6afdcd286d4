"""A Kommune's contacts in the JSON API, its downloads and HSDS: the consented ones, never the others."""

import io
import zipfile
from datetime import date

import pytest
from frictionless import Package

from api.hsds.records import hsds_id, municipality_organization_id
from projects.models import MunicipalityContact

from .hsds_schemas import errors

pytestmark = pytest.mark.django_db

SECRET = "geheim@bergkamen.example"


@pytest.fixture
def contacts(bergkamen):
    """Two consented contacts of Bergkamen and one without consent."""
    return [
        MunicipalityContact.objects.create(
            municipality=bergkamen, name="Petra Muster", role="Koordinatorin", email="petra@bergkamen.example",
            phone="02307 965-0", is_public=True, consent_given_on=date(2026, 1, 15), position=1,
        ),
        MunicipalityContact.objects.create(
            municipality=bergkamen, name="Hans Beispiel", is_public=True, consent_given_on=date(2026, 2, 1), position=2
        ),
        MunicipalityContact.objects.create(municipality=bergkamen, name="Geheim Person", email=SECRET, position=0),
    ]  # fmt: skip


def test_api_lists_the_consented_contacts_of_a_kommune(client, contacts, bergkamen):
    record = client.get(f"/api/v1/municipalities/{bergkamen.pk}/").json()

    assert record["contacts"] == [
        {"name": "Petra Muster", "title": "Koordinatorin", "email": "petra@bergkamen.example",
         "phones": [{"number": "02307 965-0"}]},
        {"name": "Hans Beispiel", "title": None, "email": None, "phones": []},
    ]  # fmt: skip


def test_api_kommune_without_consented_contacts_has_an_empty_list(client, contacts, selm):
    assert client.get(f"/api/v1/municipalities/{selm.pk}/").json()["contacts"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/municipalities/",
        "/offene-daten/kommunen.csv",
        "/offene-daten/transferboerse.json",
        "/api/hsds/organizations/",
        "/api/hsds/services/",
    ],
)
def test_a_contact_without_consent_never_leaves(client, contacts, path):
    body = client.get(path).content.decode("utf-8-sig")

    assert "Petra Muster" in body or path == "/api/hsds/services/"  # where Kommune contacts appear at all
    assert "Geheim Person" not in body
    assert SECRET not in body


def test_hsds_organization_of_a_kommune_carries_its_consented_contacts(client, contacts, bergkamen):
    org_id = municipality_organization_id(bergkamen.pk)

    record = client.get(f"/api/hsds/organizations/{org_id}/").json()

    petra = contacts[0]
    contact_id = hsds_id("contact", "municipality", petra.pk)
    assert record["contacts"][0] == {
        "id": contact_id,
        "organization_id": org_id,
        "name": "Petra Muster",
        "title": "Koordinatorin",
        "email": "petra@bergkamen.example",
        "phones": [
            {"id": hsds_id("phone", "municipality", petra.pk), "contact_id": contact_id, "number": "02307 965-0"}
        ],
    }
    assert [contact["name"] for contact in record["contacts"]] == ["Petra Muster", "Hans Beispiel"]
    assert errors("organization", record) == []
    assert errors("organization", record, profile=True) == []


def test_hsds_services_embed_the_kommune_without_its_contacts(client, contacts, bergkamen, api_data):
    services = client.get("/api/hsds/services/").json()["contents"]

    assert all("contacts" not in service["organization"] for service in services)


def test_hsds_data_package_has_the_kommune_contacts_and_stays_valid(client, contacts, tmp_path):
    zipfile.ZipFile(io.BytesIO(client.get("/offene-daten/hsds-datenpaket.zip").content)).extractall(tmp_path)

    report = Package(str(tmp_path / "datapackage.json")).validate()

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    table = (tmp_path / "contacts.csv").read_text(encoding="utf-8")
    assert [line.split(",")[3] for line in table.splitlines()[1:]] == ["Petra Muster", "Hans Beispiel"]
    assert SECRET not in table
