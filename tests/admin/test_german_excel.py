"""German Excel in and out: what the export writes, German Excel re-saves and the import reads back
unchanged; German numbers, dates and Ja/Nein; every error of a file at once, by row and column; the
import template."""

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from projects.models import ImportJob, Project
from transferboerse.spreadsheets import (
    GermanBooleanWidget,
    GermanDateTimeWidget,
    GermanDateWidget,
    GermanDecimalWidget,
    GermanIntegerWidget,
)

from ..factories import OrganisationFactory, ProjectFactory, SocialAreaFactory
from .conftest import form_data

pytestmark = pytest.mark.django_db


def export_csv(client, admin: str = "projects_project") -> bytes:
    url = reverse(f"admin:{admin}_export")
    data = form_data(client.get(url).content.decode())
    data["format"] = ["0"]  # CSV
    return client.post(url, data).content


def resave_like_german_excel(content: bytes) -> bytes:
    """What German Excel writes for "CSV (Trennzeichen-getrennt)": ``;``, Windows-1252, CRLF, no BOM,
    and CRLF also inside a cell with line breaks."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell.replace("\n", "\r\n") for cell in row])
    return buffer.getvalue().encode("cp1252")


def upload_and_check(client, content: bytes, capture, run_tasks, *, name: str = "projekte.csv") -> ImportJob:
    upload = io.BytesIO(content)
    upload.name = name
    file_format = "1" if name.endswith(".xlsx") else "0"
    with capture(execute=True):
        client.post(
            reverse("admin:projects_project_import"), {"resource": "0", "format": file_format, "import_file": upload}
        )
    assert run_tasks() == 1
    return ImportJob.objects.latest("pk")


def confirm(client, job: ImportJob, capture, run_tasks) -> ImportJob:
    with capture(execute=True):
        client.post(reverse("admin:projects_project_import_confirm", args=[job.pk]))
    run_tasks()
    job.refresh_from_db()
    return job


def snapshot() -> list[tuple]:
    return [
        (
            project.title,
            project.status,
            project.summary,
            project.situation,
            project.start_year,
            project.contact_name,
            project.contact_is_public,
            sorted(project.transitions.values_list("name", flat=True)),
            sorted(project.organisations.values_list("name", flat=True)),
            sorted(project.social_areas.values_list("name", flat=True)),
        )
        for project in Project.objects.order_by("title")
    ]


def test_export_is_a_csv_german_excel_opens_in_columns_with_german_headers(client, bergkamen, coordinator_bergkamen):
    ProjectFactory(municipality=bergkamen, title="Babylotsen", contact_name="Frau Öztürk", contact_is_public=True)
    client.force_login(coordinator_bergkamen)

    content = export_csv(client)

    assert content.startswith("\ufeff".encode())
    lines = content.decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";")[:4] == ["Kommune", "Titel", "Kurzbeschreibung", "Ausgangslage"]
    row = next(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert (row["Ansprechperson"], row["Kontakt veröffentlichen"], row["Status"]) == (
        "Frau Öztürk",
        "Ja",
        "Veröffentlicht",
    )


def test_export_resaved_by_german_excel_imports_without_any_change(
    client, bergkamen, coordinator_bergkamen, transitions, django_capture_on_commit_callbacks, run_tasks
):
    organisation = OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    district = SocialAreaFactory(name="Weddinghofen", municipality=bergkamen)
    draft = ProjectFactory(
        municipality=bergkamen,
        title="Elterncafé „Kinderwagen“",
        status=Project.Status.DRAFT,
        summary="Treffpunkt für Eltern – jeden Dienstag.",
        situation="Erste Zeile.\nZweite Zeile mit Umlauten: äöüß.",
        start_year=2019,
        contact_name="Frau Müller",
        contact_is_public=True,
    )
    draft.transitions.set(transitions[:2])
    draft.organisations.set([organisation])
    draft.social_areas.set([district])
    ProjectFactory(municipality=bergkamen, title="Babylotsen", summary="Veröffentlicht.")
    client.force_login(coordinator_bergkamen)
    before = snapshot()

    resaved = resave_like_german_excel(export_csv(client))
    job = upload_and_check(client, resaved, django_capture_on_commit_callbacks, run_tasks)

    assert b"\r\n" in resaved and resaved.decode("cp1252")  # really Windows-1252 with CRLF
    assert (job.status, job.errors, job.new_count, job.update_count, job.skip_count) == (
        ImportJob.Status.CHECKED,
        [],
        0,
        0,
        2,
    )
    job = confirm(client, job, django_capture_on_commit_callbacks, run_tasks)
    assert job.status == ImportJob.Status.IMPORTED
    assert snapshot() == before


def test_german_excel_csv_with_a_bad_row_lists_every_error_by_row_and_column(
    client, bergkamen, coordinator_bergkamen, transitions, django_capture_on_commit_callbacks, run_tasks
):
    content = (
        "Kommune;Titel;Kurzbeschreibung;seit;Übergänge;Kontakt veröffentlichen;Ansprechperson;Lieblingsfarbe\r\n"
        "Bergkamen;Väterfrühstück;Frühstück für Väter.;2.018;Übergang in die Kita;Ja;Herr Größe;blau\r\n"
        'Bergkamen;Ohne alles;;zwanzig;"Übergang in die Kita; Mondlandung";vielleicht;;\r\n'
    ).encode("cp1252")
    client.force_login(coordinator_bergkamen)

    job = upload_and_check(client, content, django_capture_on_commit_callbacks, run_tasks)

    assert job.errors == [
        {
            "line": 1,
            "messages": [
                "Die Spalte „Lieblingsfarbe“ gibt es nicht. Bitte verwenden Sie die Spaltennamen der Vorlage "
                "oder löschen Sie die Spalte."
            ],
        },
        {
            "line": 3,
            "messages": [
                "Spalte „seit“: „zwanzig“ ist keine ganze Zahl.",
                "Spalte „Kontakt veröffentlichen“: „vielleicht“ ist weder „Ja“ noch „Nein“.",
                "Spalte „Übergänge“: Unbekannt oder nicht auswählbar: „Mondlandung“",
                "Spalte „Kurzbeschreibung“: Dieses Feld darf nicht leer sein.",
            ],
        },
    ]
    page = client.get(reverse("admin:projects_project_import_job", args=[job.pk])).content.decode()
    assert "Zeile 3: Spalte „seit“: „zwanzig“ ist keine ganze Zahl." in page
    assert "Traceback" not in page and "Error" not in page
    assert Project.objects.count() == 0


def test_csv_fixed_after_the_german_message_imports_umlauts_and_german_numbers(
    client, bergkamen, coordinator_bergkamen, transitions, django_capture_on_commit_callbacks, run_tasks
):
    content = (
        "Kommune;Titel;Kurzbeschreibung;seit;Übergänge;Kontakt veröffentlichen;Ansprechperson\r\n"
        "Bergkamen;Väterfrühstück;Frühstück für Väter.;2.018;Übergang in die Kita;Ja;Herr Größe\r\n"
    ).encode("cp1252")
    client.force_login(coordinator_bergkamen)

    job = confirm(
        client,
        upload_and_check(client, content, django_capture_on_commit_callbacks, run_tasks),
        django_capture_on_commit_callbacks,
        run_tasks,
    )

    assert (job.status, job.new_count) == (ImportJob.Status.IMPORTED, 1)
    project = Project.objects.get()
    assert (project.title, project.start_year, project.contact_name, project.contact_is_public) == (
        "Väterfrühstück",
        2018,
        "Herr Größe",
        True,
    )


def test_import_accepts_the_english_field_names_as_headers(
    client, bergkamen, coordinator_bergkamen, django_capture_on_commit_callbacks, run_tasks
):
    content = "municipality,title,summary,start_year\nBergkamen,Elterncafé,Treffpunkt.,2020\n".encode()
    client.force_login(coordinator_bergkamen)

    job = upload_and_check(client, content, django_capture_on_commit_callbacks, run_tasks)

    assert (job.errors, job.new_count) == ([], 1)


@pytest.mark.parametrize(
    ("widget", "value", "expected"),
    [
        (GermanDecimalWidget(), "1,5", Decimal("1.5")),
        (GermanDecimalWidget(), "1.234,5", Decimal("1234.5")),
        (GermanDecimalWidget(), "1.5", Decimal("1.5")),
        (GermanDecimalWidget(), 2.5, Decimal("2.5")),
        (GermanDecimalWidget(), "", None),
        (GermanIntegerWidget(), "2.019", 2019),
        (GermanIntegerWidget(), "12", 12),
        (GermanIntegerWidget(), 2019.0, 2019),
        (GermanDateWidget(), "31.12.2025", date(2025, 12, 31)),
        (GermanDateWidget(), "1.2.25", date(2025, 2, 1)),
        (GermanDateWidget(), "2025-12-31", date(2025, 12, 31)),
        (GermanBooleanWidget(), "Ja", True),
        (GermanBooleanWidget(), "WAHR", True),
        (GermanBooleanWidget(), "nein", False),
        (GermanBooleanWidget(), "", False),
    ],
)
def test_german_cells_are_read_as_german_excel_writes_them(widget, value, expected):
    assert widget.clean(value) == expected


@pytest.mark.parametrize(
    ("widget", "value", "message"),
    [
        (GermanDecimalWidget(), "ca. 3", "„ca. 3“ ist keine Zahl. Bitte schreiben Sie z. B. 1,5."),
        (GermanIntegerWidget(), "1,5", "„1,5“ ist keine ganze Zahl."),
        (GermanDateWidget(), "31.13.2025", "„31.13.2025“ ist kein Datum. Bitte schreiben Sie z. B. 31.12.2025."),
        (
            GermanDateTimeWidget(),
            "gestern",
            "„gestern“ ist kein Zeitpunkt. Bitte schreiben Sie z. B. 31.12.2025 14:30.",
        ),
    ],
)
def test_german_cells_that_cannot_be_read_get_a_german_message(widget, value, message):
    with pytest.raises(ValueError) as error:
        widget.clean(value)

    assert str(error.value) == message


def test_german_cells_are_written_the_german_way():
    assert [
        GermanDecimalWidget().render(Decimal("1.5")),
        GermanBooleanWidget().render(True),
        GermanDateWidget().render(date(2025, 12, 31)),
    ] == ["1,5", "Ja", "31.12.2025"]


def test_csv_template_has_the_columns_and_an_example_row_that_imports(
    client, bergkamen, coordinator_bergkamen, transitions, django_capture_on_commit_callbacks, run_tasks
):
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:projects_project_import_template", args=["csv"]))

    assert response["Content-Disposition"] == 'attachment; filename="Vorlage-Projekte.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["Kommune", "Titel", "Kurzbeschreibung"]
    assert "Status" not in rows[0]
    assert rows[1][:2] == ["Bergkamen", "Elterncafé im Familienzentrum"]
    job = upload_and_check(client, response.content, django_capture_on_commit_callbacks, run_tasks)
    assert (job.errors, job.new_count) == ([], 1)


def test_xlsx_template_explains_each_column_and_the_list_separator(
    client, bergkamen, coordinator_bergkamen, transitions, django_capture_on_commit_callbacks, run_tasks
):
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:projects_project_import_template", args=["xlsx"]))

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Projekte", "Erläuterungen"]
    header, _example = list(workbook["Projekte"].iter_rows(values_only=True))
    guide = [row for row in workbook["Erläuterungen"].iter_rows(values_only=True) if any(row)]
    explained = {row[0]: row[1:] for row in guide if row[1] in {"ja", "nein"}}
    assert list(explained) == list(header)
    assert explained["Kurzbeschreibung"] == ("ja", "Text, höchstens 600 Zeichen.")
    assert "Mehrere Einträge mit Semikolon (;) trennen. Möglich: Schwangerschaft" in explained["Übergänge"][1]
    assert any("Semikolon als Listentrennzeichen" in row[0] for row in guide if row[0])
    job = upload_and_check(client, response.content, django_capture_on_commit_callbacks, run_tasks, name="v.xlsx")
    assert (job.errors, job.new_count) == ([], 1)


def test_template_is_not_offered_to_anonymous_or_in_another_format(client, coordinator_bergkamen):
    anonymous = client.get(reverse("admin:projects_project_import_template", args=["csv"]))
    client.force_login(coordinator_bergkamen)
    other = client.get(reverse("admin:projects_project_import_template", args=["xls"]))

    assert (anonymous.status_code, other.status_code) == (302, 404)


def test_upload_page_links_the_templates_and_explains_the_separator(client, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    page = client.get(reverse("admin:projects_project_import")).content.decode()

    assert reverse("admin:projects_project_import_template", args=["xlsx"]) in page
    assert "mit Semikolon (;)" in page


def test_export_chooser_names_the_columns_in_german(client, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:projects_project_export"))

    form = response.context["form"]
    labels = [str(form.fields[name].label) for name in form.resource_fields["ProjectResource"]]
    assert labels[:4] == ["Kommune", "Titel", "Kurzbeschreibung", "Ausgangslage"]
    assert labels[-3:] == ["Kontakt veröffentlichen", "Status", "zuletzt als aktuell bestätigt"]
    assert "Municipality" not in response.content.decode()
