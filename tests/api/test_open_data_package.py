"""The HSDS data package (Frictionless) and the DCAT-AP.de catalogue of the open data."""

import io
import json
import zipfile

import pytest
from frictionless import Package
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from api.dcat import LICENCE
from api.endpoints import COLLECTIONS
from projects.models import Project

from . import dcat_shapes

# DCAT-AP.de 2.0: mandatory and, for harvesting by GovData, expected properties.
CATALOGUE_PROPERTIES = [DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset]
DATASET_PROPERTIES = [
    DCTERMS.title,
    DCTERMS.description,
    DCTERMS.publisher,
    DCAT.contactPoint,
    DCAT.distribution,
    DCTERMS.accrualPeriodicity,
    DCTERMS.modified,
    DCAT.theme,
    DCAT.keyword,
]
DISTRIBUTION_PROPERTIES = [DCAT.accessURL, DCTERMS.license, DCTERMS.format, DCTERMS.title]


def unpacked(client, tmp_path):
    response = client.get("/offene-daten/hsds-datenpaket.zip")
    assert response["Content-Type"] == "application/zip"
    zipfile.ZipFile(io.BytesIO(response.content)).extractall(tmp_path)
    return tmp_path


@pytest.mark.django_db
def test_hsds_data_package_validates_with_frictionless(client, api_data, tmp_path, capsys):
    folder = unpacked(client, tmp_path)

    report = Package(str(folder / "datapackage.json")).validate()

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {task.name: task.stats.get("rows", 0) for task in report.tasks}
    assert rows["services"] == 3
    assert rows["contacts"] == 1
    with capsys.disabled():
        print("\nFrictionless: valid rows per table:", rows)


@pytest.mark.django_db
def test_hsds_data_package_neutralises_formulas_and_leaves_out_drafts(client, api_data, tmp_path):
    api_data["lotsen"].title = '=HYPERLINK("http://böse.example")'
    api_data["lotsen"].save()

    folder = unpacked(client, tmp_path)

    services = (folder / "services.csv").read_text()
    assert "'=HYPERLINK" in services
    assert ",=HYPERLINK" not in services
    everything = "".join(path.read_text() for path in folder.iterdir())
    assert "Entwurf" not in everything
    assert "geheim@selm.de" not in everything
    assert json.loads((folder / "datapackage.json").read_text())["licenses"][0]["name"] == "dl-de-by-2.0"


def catalogue(client, path: str, format: str) -> Graph:
    response = client.get(path)
    assert response.status_code == 200
    return Graph().parse(data=response.content, format=format)


CATALOGUES = [("/offene-daten/katalog.rdf", "xml"), ("/offene-daten/katalog.jsonld", "json-ld")]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "format"), CATALOGUES)
def test_dcat_catalogue_lists_every_dataset_with_the_required_properties(client, api_data, path, format, capsys):
    graph = catalogue(client, path, format)

    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    missing = [str(p) for p in CATALOGUE_PROPERTIES if graph.value(catalog, p) is None]
    datasets = list(graph.objects(catalog, DCAT.dataset))
    distributions = 0
    for dataset in datasets:
        missing += [f"{dataset} {p}" for p in DATASET_PROPERTIES if graph.value(dataset, p) is None]
        contact = graph.value(dataset, DCAT.contactPoint)
        assert graph.value(contact, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")) is not None
        assert graph.value(graph.value(dataset, DCTERMS.publisher), FOAF.name) is not None
        for distribution in graph.objects(dataset, DCAT.distribution):
            distributions += 1
            missing += [f"{distribution} {p}" for p in DISTRIBUTION_PROPERTIES if graph.value(distribution, p) is None]
            assert graph.value(distribution, DCTERMS.license) == LICENCE

    assert missing == []
    titles = sorted(str(graph.value(dataset, DCTERMS.title)) for dataset in datasets)
    assert len(datasets) == len(COLLECTIONS) + 1
    assert titles == sorted(
        [f"Transferbörse: {collection.summary}" for collection in COLLECTIONS]
        + ["Transferbörse: Angebote nach Open Referral HSDS 3.0"]
    )
    assert distributions == 2 * len(datasets)
    with capsys.disabled():
        print(
            f"\nDCAT-AP.de ({format}): {len(datasets)} datasets, {distributions} distributions, all required properties"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "format"), CATALOGUES)
def test_dcat_catalogue_conforms_to_the_official_dcat_ap_de_shapes(client, api_data, path, format, capsys):
    graph = catalogue(client, path, format)

    found = dcat_shapes.results(graph)

    problems = [str(result) for result in found if result.severity in ("Violation", "Warning")]
    assert problems == [], "\n".join(problems)  # each with its German (else pyshacl's English) message
    with capsys.disabled():
        print(f"\nDCAT-AP.de 2.0 SHACL ({format}): {dcat_shapes.counts(found)}")


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "format"), CATALOGUES)
def test_dcat_catalogue_follows_the_conventions_but_for_the_contributor_id(client, api_data, path, format, capsys):
    graph = catalogue(client, path, format)

    found = dcat_shapes.results(graph, dcat_shapes.CONVENTIONS)

    # Konvention 12/13 wants the ID that GovData assigns on registration; none is assigned yet.
    contributor = "http://dcat-ap.de/def/dcatde/Konv12_13_contributorID_v_List"
    problems = [str(r) for r in found if r.severity in ("Violation", "Warning") and r.shape != contributor]
    assert problems == [], "\n".join(problems)
    assert sorted(r.focus for r in found if r.shape == contributor) == sorted(
        str(dataset) for dataset in graph.subjects(RDF.type, DCAT.Dataset)
    )
    with capsys.disabled():
        print(f"\nDCAT-AP.de 2.0 SHACL + Konventionen ({format}): {dcat_shapes.counts(found)}")


@pytest.mark.django_db
def test_dcat_shapes_report_what_a_broken_catalogue_lacks_in_german(client, api_data):
    graph = catalogue(client, "/offene-daten/katalog.rdf", "xml")
    dataset = URIRef("http://testserver/offene-daten/#datensatz-projekte")
    graph.remove((dataset, DCTERMS.title, None))
    graph.set((dataset, DCAT.theme, URIRef("http://publications.europa.eu/resource/authority/data-theme/XYZ")))

    found = dcat_shapes.results(graph)

    assert [(result.severity, result.focus, result.messages) for result in found] == [
        (
            "Violation",
            "http://publications.europa.eu/resource/authority/data-theme/XYZ",
            (
                "dcat:Dataset: dcat:theme MUSS eine IRI aus diesem Vokabular verwenden: "
                "https://www.dcat-ap.de/def/dcatde/2.0/spec/#kv-data-theme",
            ),
        ),
        ("Violation", str(dataset), ("dcat:Dataset: dct:title MUSS vorhanden und ein Literal sein.",)),
    ]


@pytest.mark.django_db
def test_dcat_catalogue_modified_is_the_last_change_of_the_projects(client, api_data):
    graph = catalogue(client, "/offene-daten/katalog.rdf", "xml")

    dataset = URIRef("http://testserver/offene-daten/#datensatz-projekte")
    latest = Project.objects.published().order_by("-updated_at").first().updated_at
    assert graph.value(dataset, DCTERMS.modified).toPython() == latest


@pytest.mark.django_db
def test_dcat_datasets_were_issued_with_their_first_record(client, api_data):
    graph = catalogue(client, "/offene-daten/katalog.rdf", "xml")

    first = Project.objects.published().order_by("created_at").first().created_at
    issued = {
        str(dataset).rpartition("#datensatz-")[2]: graph.value(dataset, DCTERMS.issued).toPython()
        for dataset in graph.subjects(RDF.type, DCAT.Dataset)
    }
    assert issued["projekte"] == issued["hsds"] == first
    assert issued["kommunen"] == min(issued.values())  # Kommunen carry no dates: the catalogue's first
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert graph.value(catalog, DCTERMS.issued).toPython() == min(issued.values())


@pytest.mark.django_db
def test_open_data_page_explains_hsds_profile_package_and_catalogue(client):
    page = client.get("/offene-daten/").content.decode()

    for link in [
        'href="/api/hsds/profile/"',
        'href="/api/hsds/openapi.json"',
        'href="/offene-daten/hsds-datenpaket.zip"',
        'href="/offene-daten/katalog.rdf"',
        'href="/offene-daten/katalog.jsonld"',
    ]:
        assert link in page
    assert "Open Referral Human Services Data Specification (HSDS) 3.0" in page
    assert "Datenportale wie GovData und Open.NRW" in page
    assert "gegen die offiziellen SHACL-Regeln dieser Version geprüft" in page  # true: see the tests above


@pytest.mark.django_db
def test_dcat_datasets_carry_the_contributor_id_govdata_assigned(client, api_data, settings):
    settings.OPEN_DATA_CONTRIBUTOR_ID = "http://dcat-ap.de/def/contributors/transferboerseUnna"

    graph = catalogue(client, "/offene-daten/katalog.rdf", "xml")

    contributors = {str(value) for value in graph.objects(None, URIRef("http://dcat-ap.de/def/dcatde/contributorID"))}
    assert contributors == {"http://dcat-ap.de/def/contributors/transferboerseUnna"}
    assert (
        len(list(graph.subject_objects(URIRef("http://dcat-ap.de/def/dcatde/contributorID")))) == len(COLLECTIONS) + 1
    )
