"""No CSV or XLSX file of the portal hands a spreadsheet program a formula (OWASP: CSV injection).

Every export is fetched as a visitor or user would fetch it, with hostile texts in every kind of
record that reaches it: each text cell that starts a formula must come out prefixed with ``'``, and in
XLSX as a string cell.
"""

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse

from api.endpoints import COLLECTIONS
from steering.models import QualityIndicator
from transferboerse import spreadsheets
from transferboerse.spreadsheets import SafeCSV, SafeXLSX, neutralise_formula

from .admin.conftest import form_data
from .factories import (
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    TransferRequestFactory,
    make_coordinator,
)
from .steering.factories import AssessmentFactory, IndicatorRatingFactory

MUNICIPALITY = '-2+3+cmd|" /C calc"!A0'
PROJECT = '=HYPERLINK("http://x.example/projekt","Klick")'
NETWORK = '+HYPERLINK("http://x.example/netzwerk")'
REQUEST = '@HYPERLINK("http://x.example/gesuch")'
OFFER = '\t=HYPERLINK("http://x.example/angebot")'
SUMMARY = "\r=1+1"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+SUM(1;2)", "'+SUM(1;2)"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+49 2307 1234", "'+49 2307 1234"),
        ("Familienbüro = Anlaufstelle", "Familienbüro = Anlaufstelle"),
        ("", ""),
        ("-1", "-1"),
        ("+2", "+2"),
        ("-3,5", "-3,5"),
        (-7, -7),
        (2.5, 2.5),
        (None, None),
        (True, True),
    ],
)
def test_neutralise_formula_prefixes_formula_text_only(value, expected):
    assert neutralise_formula(value) == expected


def test_csv_writer_neutralises_every_cell():
    buffer = io.StringIO()

    spreadsheets.writer(buffer, delimiter=";").writerows([["=1+1", -4, "Text"], ["@A1", "+1"]])

    assert list(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";")) == [["'=1+1", "-4", "Text"], ["'@A1", "+1"]]


def test_every_csv_writer_of_the_portal_goes_through_the_shared_helper():
    root = Path(settings.BASE_DIR)
    folders = ["accounts", "api", "networks", "pages", "portal", "projects", "steering", "transferboerse", "transfers"]
    sources = {
        str(path.relative_to(root)): path.read_text()
        for folder in folders
        for path in (root / folder).rglob("*.py")
        if path.name != "spreadsheets.py"
    }

    unsafe = [path for path, text in sources.items() if "csv.writer(" in text or "DictWriter" in text]
    # The DCAT catalogue only names the media type of the CSV files it describes; it writes none.
    serving_csv = sorted(path for path, text in sources.items() if "text/csv" in text and path != "api/dcat.py")
    assert unsafe == []
    assert [path for path in serving_csv if "spreadsheets.writer(" not in sources[path]] == []
    assert serving_csv == [
        "api/hsds/tabular.py",
        "api/open_data.py",
        "portal/chains.py",
        "steering/views.py",
        "transfers/views/ledger.py",
    ]


def test_admin_exports_use_the_neutralising_formats_only(admin_user):
    from django.contrib import admin

    exporting = {
        model._meta.label: [format_class.__name__ for format_class in model_admin.get_export_formats()]
        for model, model_admin in admin.site._registry.items()
        if hasattr(model_admin, "get_export_formats")
    }

    assert exporting == {"projects.Project": ["SafeCSV", "SafeXLSX"], "networks.Network": ["SafeCSV", "SafeXLSX"]}


# --- every export with hostile records ---------------------------------------------------------


@pytest.fixture
def hostile(transitions, selm):
    """A Kommune, project, offer, request and network whose texts are formulas."""
    town = MunicipalityFactory(name=MUNICIPALITY)
    organisation = OrganisationFactory(name="Familienzentrum", municipality=town)
    project = ProjectFactory(municipality=town, title=PROJECT, summary=SUMMARY, transitions=[transitions[0]])
    offer = TransferOfferFactory(project=project, description=OFFER)
    TransferInterestFactory(offer=offer, municipality=selm)
    TransferRequestFactory(municipality=town, title=REQUEST, need=SUMMARY)
    network = NetworkFactory(name=NETWORK, coordinating_organisation=organisation, municipalities=[town])
    goals = QualityIndicator.objects.first()
    IndicatorRatingFactory(assessment=AssessmentFactory(network=network, year=2026), indicator=goals, level=3)
    return {"town": town, "coordinator": make_coordinator(town, username="koordination-formel")}


def csv_cells(content: bytes, delimiter: str) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=delimiter)
    return [cell for row in rows for cell in row]


def still_dangerous(cells) -> list:
    """Text cells a spreadsheet program would still run as a formula."""
    return [cell for cell in cells if isinstance(cell, str) and neutralise_formula(cell) != cell]


def quoted(*texts: str) -> set[str]:
    return {"'" + text for text in texts}


OPEN_DATA_EXPECTED = {
    "municipalities": quoted(MUNICIPALITY),
    "projects": quoted(MUNICIPALITY, PROJECT, SUMMARY),
    "networks": quoted(MUNICIPALITY, NETWORK),
    "offers": quoted(MUNICIPALITY, PROJECT, OFFER),
    "requests": quoted(MUNICIPALITY, REQUEST, SUMMARY),
}


@pytest.mark.parametrize("collection", COLLECTIONS, ids=[collection.path for collection in COLLECTIONS])
def test_open_data_csv_neutralises_formulas(client, hostile, collection):
    response = client.get(reverse("opendata:csv", kwargs={"name": collection.download_name}))

    cells = csv_cells(response.content, ";")
    assert ({cell for cell in cells if cell.startswith("'")}, still_dangerous(cells)) == (
        OPEN_DATA_EXPECTED[collection.path],
        [],
    )


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("transfers:ledger_csv", quoted(MUNICIPALITY, PROJECT)),
        ("steering:network_quality_csv", quoted(MUNICIPALITY, NETWORK)),
        ("projects:gaps_csv", quoted(MUNICIPALITY)),
    ],
)
def test_portal_csv_neutralises_formulas(client, hostile, steering_member, url_name, expected):
    client.force_login(steering_member)

    response = client.get(reverse(url_name))

    cells = csv_cells(response.content, ";")
    assert ({cell for cell in cells if cell.startswith("'")}, still_dangerous(cells)) == (expected, [])


def admin_export(client, url_name: str, format_class) -> bytes:
    url = reverse(url_name)
    data = form_data(client.get(url).content.decode())
    data["format"] = [str(settings.EXPORT_FORMATS.index(format_class))]
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content


ADMIN_EXPORTS = [
    ("admin:projects_project_export", quoted(MUNICIPALITY, PROJECT, SUMMARY)),
    ("admin:networks_network_export", quoted(NETWORK, MUNICIPALITY)),
]


@pytest.mark.parametrize(("url_name", "expected"), ADMIN_EXPORTS)
def test_admin_csv_export_neutralises_formulas(client, hostile, url_name, expected):
    client.force_login(hostile["coordinator"])

    cells = csv_cells(admin_export(client, url_name, SafeCSV), ";")

    assert ({cell for cell in cells if cell.startswith("'")}, still_dangerous(cells)) == (expected, [])


@pytest.mark.parametrize(("url_name", "expected"), ADMIN_EXPORTS)
def test_admin_xlsx_export_writes_formulas_as_text(client, hostile, url_name, expected):
    client.force_login(hostile["coordinator"])

    sheet = openpyxl.load_workbook(io.BytesIO(admin_export(client, url_name, SafeXLSX))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]

    quoted_cells = {(cell.value, cell.data_type) for cell in cells if str(cell.value).startswith("'")}
    # XML turns a stored CR into LF
    assert quoted_cells == {(text.replace("\r", "\n"), "s") for text in expected}
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert still_dangerous(cell.value for cell in cells) == []
