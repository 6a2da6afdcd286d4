"""Imports are bounded and off the request.

The upload is checked before any parser sees it; the dry run and the import run in the background
worker; confirming twice is harmless; a job belongs to its uploader.
"""

import io
import threading
import zipfile
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bench.xlsx_files import minimal_xlsx, xlsx_row
from networks.models import Network
from projects import imports
from projects.models import ImportJob, Project
from projects.resources import ProjectResource
from transferboerse.uploads import ImportFileError, read_import_file

from ..factories import MunicipalityFactory, OrganisationFactory, make_coordinator
from ..own_connection import committed

pytestmark = pytest.mark.django_db

HEADER = "Kommune,Titel,Kurzbeschreibung\n"
ONE_PROJECT = (HEADER + "Bergkamen,Elterncafé,Treffpunkt für Eltern.\n").encode()


def dimension_bomb() -> bytes:
    return minimal_xlsx(xlsx_row(1, "Kommune", "Titel", "Kurzbeschreibung"), "A1:XFD1048576")


def csv_file(rows: int) -> bytes:
    return (HEADER + "".join(f"Bergkamen,Elterncafé {number},Treffpunkt.\n" for number in range(rows))).encode()


def upload(client, content: bytes, name: str = "projekte.csv", file_format: str = "0", admin: str = "projects_project"):
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse(f"admin:{admin}_import"), {"resource": "0", "format": file_format, "import_file": file})


def job_url(job: ImportJob, action: str = "import_job", admin: str = "projects_project") -> str:
    return reverse(f"admin:{admin}_{action}", args=[job.pk])


@pytest.fixture
def no_openpyxl_load(monkeypatch):
    """Fails the test if anything asks openpyxl to read a workbook."""

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl must not read this file")

    monkeypatch.setattr(openpyxl.reader.excel.ExcelReader, "read", refuse)


@pytest.fixture
def coordinator(client, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)
    return coordinator_bergkamen


def uploaded(client, content: bytes, capture, **kwargs) -> ImportJob:
    with capture(execute=True):
        response = upload(client, content, **kwargs)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job_url(job)
    page = client.get(response["Location"])  # shows (and so consumes) the message
    assert messages(page) == ["Die Datei wird im Hintergrund geprüft. Das Ergebnis erscheint auf dieser Seite."]
    return job


def messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# Checks before parsing --------------------------------------------------------------------------------


def test_dimension_bomb_is_refused_at_upload_without_parsing(client, coordinator, no_openpyxl_load):
    bomb = dimension_bomb()
    assert len(bomb) < 2000

    response = upload(client, bomb, name="bombe.xlsx", file_format="1")

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [
        "Die Datei hat laut Excel 1.048.575 Zeilen; höchstens 2.000 sind erlaubt. Bitte teilen Sie sie auf "
        "oder löschen Sie leere, aber formatierte Zeilen am Ende der Tabelle."
    ]
    assert ImportJob.objects.count() == 0


def test_dimension_bomb_is_refused_by_the_worker_too_without_parsing(coordinator, no_openpyxl_load, run_tasks):
    job = ImportJob.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        resource="projects.resources.ProjectResource",
        created_by=coordinator,
        file_name="bombe.xlsx",
        file_format="xlsx",
        data=dimension_bomb(),
    )

    imports.import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, bytes(job.data), job.errors[0]["line"]) == (ImportJob.Status.FAILED, b"", None)
    assert job.errors[0]["messages"][0].startswith("Die Datei hat laut Excel 1.048.575 Zeilen;")


def test_sheet_wider_than_the_column_cap_is_refused(client, coordinator, no_openpyxl_load):
    content = minimal_xlsx(xlsx_row(1, "Kommune"), "A1:BZ3")

    response = upload(client, content, name="breit.xlsx", file_format="1")

    assert response.context["form"].errors["import_file"] == [
        "Die Datei hat 78 Spalten; höchstens 50 sind erlaubt. Bitte entfernen Sie die Spalten, die nicht importiert "
        "werden."
    ]


def test_xlsx_that_declares_too_few_rows_is_stopped_at_the_cap_while_streaming(settings):
    settings.MAX_IMPORT_ROWS = 5
    rows = xlsx_row(1, "Kommune", "Titel") + "".join(xlsx_row(n, "Bergkamen", f"P{n}") for n in range(2, 9))
    content = minimal_xlsx(rows, "A1:B3")  # the sheet lies: it has 7 data rows

    with pytest.raises(ImportFileError) as refused:
        read_import_file(content, "xlsx")

    assert refused.value.message == (
        "Die Datei hat mehr als 5 Zeilen; höchstens 5 sind erlaubt. Bitte teilen Sie sie auf."
    )


def test_xlsx_with_a_lying_dimension_is_read_as_wide_as_its_cells():
    content = minimal_xlsx(xlsx_row(1, "Kommune", "Titel") + xlsx_row(2, "Bergkamen", "Babylotsen"), "A1:XFD3")

    with pytest.raises(ImportFileError):  # the upload check refuses the declared width …
        read_import_file(content, "xlsx")
    honest = minimal_xlsx(xlsx_row(1, "Kommune", "Titel") + xlsx_row(2, "Bergkamen", "B"), None)
    table = read_import_file(honest, "xlsx")

    assert (table.headers, table.rows, table.lines) == (["Kommune", "Titel"], [["Bergkamen", "B"]], [2])


def test_zip_entry_that_unpacks_far_beyond_its_size_is_refused(client, coordinator, no_openpyxl_load):
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(minimal_xlsx(xlsx_row(1, "Kommune"), None)))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename, source.read(entry))
        target.writestr("xl/media/padding.bin", b"\0" * (30 * 1024 * 1024))

    response = upload(client, buffer.getvalue(), name="gepackt.xlsx", file_format="1")

    assert response.context["form"].errors["import_file"] == [
        "Die Excel-Datei ist entpackt zu groß. Bitte speichern Sie nur die Tabelle, die importiert werden soll."
    ]


def test_csv_with_2001_rows_is_refused_with_a_german_message(client, coordinator):
    response = upload(client, csv_file(2001))

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [
        "Die Datei hat 2.001 Zeilen; höchstens 2.000 sind erlaubt. Bitte teilen Sie sie auf."
    ]
    assert ImportJob.objects.count() == 0


def test_csv_with_100000_rows_is_refused_before_parsing(client, coordinator, monkeypatch):
    content = "".join(["Kommune,Titel\n", *(f"B,{n}\n" for n in range(100_000))]).encode()
    assert len(content) < 2 * 1024 * 1024
    monkeypatch.setattr("tablib.Dataset.__init__", lambda *args, **kwargs: pytest.fail("parsed"))

    response = upload(client, content)

    assert response.context["form"].errors["import_file"] == [
        "Die Datei hat 100.000 Zeilen; höchstens 2.000 sind erlaubt. Bitte teilen Sie sie auf."
    ]


def test_csv_with_2000_rows_is_accepted_and_queued_without_parsing_in_the_request(
    client, coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(ProjectResource, "import_data", lambda *args, **kwargs: pytest.fail("dry run in request"))

    job = uploaded(client, csv_file(2000), django_capture_on_commit_callbacks)

    assert (job.status, job.file_format, job.row_count) == (ImportJob.Status.QUEUED, "csv", None)
    assert DBTaskResult.objects.ready().count() == 1
    assert Project.objects.count() == 0  # nothing was parsed in the request


@pytest.mark.parametrize(("rows", "status"), [(20, ImportJob.Status.CHECKED), (21, ImportJob.Status.FAILED)])
def test_worker_applies_the_row_cap_too(
    client, settings, coordinator, django_capture_on_commit_callbacks, run_tasks, rows, status
):
    job = uploaded(client, csv_file(20), django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(data=csv_file(rows))  # as if the check had been bypassed
    settings.MAX_IMPORT_ROWS = 20  # 2 000 rows work the same, only slower

    assert run_tasks() == 1

    job.refresh_from_db()
    assert (job.status, job.row_count is None) == (status, rows > 20)
    if rows == 20:
        assert (job.new_count, job.error_count, len(job.rows)) == (20, 0, 20)
    else:
        assert job.errors == [
            {
                "line": None,
                "messages": ["Die Datei hat 21 Zeilen; höchstens 20 sind erlaubt. Bitte teilen Sie sie auf."],
            }
        ]
    assert Project.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "file_format", "message"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "1",
            "Die Datei ist im alten Excel-Format (.xls). Bitte speichern Sie sie in Excel als .xlsx oder als CSV.",
        ),
        (dimension_bomb(), "0", "Die Datei ist eine Excel-Datei. Bitte wählen Sie als Dateiformat „xlsx“."),
        (
            b"Kommune,Titel\n",
            "0",
            "Die Datei enthält keine Daten. In der ersten Zeile stehen die Spaltennamen, darunter die Zeilen.",
        ),
    ],
)
def test_upload_of_the_wrong_type_is_refused_in_german(client, coordinator, content, file_format, message):
    if message.startswith("Die Datei enthält keine Daten"):
        # An empty file passes the cheap upload check; the worker reads it and says so.
        with pytest.raises(ImportFileError) as refused:
            read_import_file(content, "csv")
        assert refused.value.message == message
        return

    response = upload(client, content, file_format=file_format)

    assert response.context["form"].errors["import_file"] == [message]


# The flow: upload → dry run → confirm → import ---------------------------------------------------------


def test_upload_runs_dry_run_in_worker_then_confirm_imports(
    client, bergkamen, coordinator, django_capture_on_commit_callbacks, run_tasks
):
    job = uploaded(client, ONE_PROJECT, django_capture_on_commit_callbacks)
    assert client.get(job_url(job)).content.decode().count('http-equiv="refresh"') == 1

    assert run_tasks() == 1
    job.refresh_from_db()
    page = client.get(job_url(job))

    assert (job.status, job.new_count, job.update_count, job.error_count) == (ImportJob.Status.CHECKED, 1, 0, 0)
    assert job.rows == [{"line": 2, "action": "new", "name": "Elterncafé"}]
    assert page.context["rows"][0]["label"] == "neu"
    assert "Import bestätigen" in page.content.decode()
    assert 'http-equiv="refresh"' not in page.content.decode()
    assert Project.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(job_url(job, "import_confirm"))
    assert response["Location"] == job_url(job)
    assert messages(response) == ["Der Import ist bestätigt und läuft im Hintergrund."]
    assert run_tasks() == 1

    job.refresh_from_db()
    project = Project.objects.get()
    assert (job.status, bytes(job.data)) == (ImportJob.Status.IMPORTED, b"")
    assert (project.title, project.municipality, project.status) == ("Elterncafé", bergkamen, Project.Status.DRAFT)
    assert project.history.first().history_user == coordinator
    entry = LogEntry.objects.get()
    assert (entry.user, entry.action_flag, entry.object_id) == (coordinator, ADDITION, str(project.pk))


def test_dry_run_errors_are_listed_per_line_and_cannot_be_confirmed(
    client, bergkamen, selm, coordinator, django_capture_on_commit_callbacks, run_tasks
):
    content = (
        HEADER + "Bergkamen,Elterncafé,Treffpunkt.\n\nSelm,Fremd,Nicht erlaubt.\nBergkamen,Ohne Text,\n"
    ).encode()
    job = uploaded(client, content, django_capture_on_commit_callbacks)
    run_tasks()
    job.refresh_from_db()

    response = client.post(job_url(job, "import_confirm"), follow=True)

    assert job.errors == [
        {
            "line": 4,
            "messages": [
                "Spalte „Kommune“: Die Zeile gehört zur Kommune „Selm“. "
                "Sie können nur Projekte Ihrer eigenen Kommune importieren."
            ],
        },
        {"line": 5, "messages": ["Spalte „Kurzbeschreibung“: Dieses Feld darf nicht leer sein."]},
    ]
    assert (job.status, job.error_count, bytes(job.data)) == (ImportJob.Status.CHECKED, 2, b"")
    assert messages(response) == [
        "Der Probelauf hat Fehler gefunden. Bitte korrigieren Sie die Datei und laden Sie sie erneut hoch."
    ]
    assert "Zeile 4: Spalte „Kommune“: Die Zeile gehört zur Kommune „Selm“" in client.get(job_url(job)).content.decode()
    assert Project.objects.count() == 0


def test_confirming_twice_imports_once_and_says_so(client, coordinator, django_capture_on_commit_callbacks, run_tasks):
    job = uploaded(client, ONE_PROJECT, django_capture_on_commit_callbacks)
    run_tasks()

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(job_url(job, "import_confirm"), follow=True)
        second = client.post(job_url(job, "import_confirm"), follow=True)
    run_tasks()
    third = client.post(job_url(job, "import_confirm"), follow=True)

    assert (first.status_code, second.status_code, third.status_code) == (200, 200, 200)
    assert messages(first) == ["Der Import ist bestätigt und läuft im Hintergrund."]
    assert messages(second) == ["Dieser Import wurde bereits bestätigt."]
    assert messages(third) == ["Dieser Import wurde bereits bestätigt."]
    assert DBTaskResult.objects.count() == 2  # the dry run and one import
    assert Project.objects.filter(title="Elterncafé").count() == 1


def _create_committed_job():
    municipality = MunicipalityFactory(name="Bergkamen (Sperrtest Import)")
    user = make_coordinator(municipality, username="sperrtest-import")
    job = ImportJob.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        resource="projects.resources.ProjectResource",
        created_by=user,
        file_name="projekte.csv",
        file_format="csv",
        data=b"x",
        status=ImportJob.Status.CHECKED,
        row_count=1,
    )
    return job, user


def _delete_committed_job(made) -> None:
    job, user = made
    municipality = user.coordinator_roles.get().municipality
    job.delete()
    user.delete()
    municipality.delete()


@pytest.fixture
def committed_job(db):
    """A checked job committed for real, so every connection sees it."""
    with committed(_create_committed_job, _delete_committed_job) as made:
        yield made


def test_simultaneous_confirms_move_the_job_once(committed_job):
    job, user = committed_job
    barrier = threading.Barrier(2)
    results = []

    def confirm():
        try:
            barrier.wait()
            results.append(imports.import_job_confirm(job=job, by=user))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(results) == [False, True]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CONFIRMED
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_job_of_another_municipality_is_not_found(
    client, coordinator, coordinator_selm, django_capture_on_commit_callbacks, run_tasks
):
    job = uploaded(client, ONE_PROJECT, django_capture_on_commit_callbacks)
    run_tasks()
    client.force_login(coordinator_selm)

    page = client.get(job_url(job))
    confirm = client.post(job_url(job, "import_confirm"))
    listing = client.get(reverse("admin:projects_project_import"))

    assert (page.status_code, confirm.status_code) == (404, 404)
    assert list(listing.context["jobs"]) == []
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED


def test_job_page_of_a_project_import_is_not_found_under_networks(
    client, coordinator, django_capture_on_commit_callbacks
):
    job = uploaded(client, ONE_PROJECT, django_capture_on_commit_callbacks)

    response = client.get(job_url(job, admin="networks_network"))

    assert response.status_code == 404


def test_job_page_stops_reloading_and_says_so_when_a_step_was_lost(
    client, coordinator, django_capture_on_commit_callbacks
):
    job = uploaded(client, ONE_PROJECT, django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.CHECKING, updated_at=timezone.now() - timedelta(hours=1)
    )

    content = client.get(job_url(job)).content.decode()

    assert 'http-equiv="refresh"' not in content
    assert "Die Verarbeitung ist seit langem nicht weitergekommen." in content


def test_job_pages_are_not_offered_to_anonymous(client, coordinator, django_capture_on_commit_callbacks):
    job = uploaded(client, ONE_PROJECT, django_capture_on_commit_callbacks)
    client.logout()

    page = client.get(job_url(job))
    confirm = client.post(job_url(job, "import_confirm"))

    assert (page.status_code, confirm.status_code) == (302, 302)
    assert page["Location"].startswith(reverse("admin:login"))
    assert ImportJob.objects.get().status == ImportJob.Status.QUEUED


def test_confirm_needs_post(client, coordinator, django_capture_on_commit_callbacks, run_tasks):
    job = uploaded(client, ONE_PROJECT, django_capture_on_commit_callbacks)
    run_tasks()

    response = client.get(job_url(job, "import_confirm"))

    assert response.status_code == 405
    assert ImportJob.objects.get().status == ImportJob.Status.CHECKED


def test_network_import_runs_through_the_same_flow(
    client, bergkamen, coordinator, django_capture_on_commit_callbacks, run_tasks
):
    OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    content = (
        "Name,Art (Schlüssel),koordiniert von,Kommunen\n"
        "AK Frühe Hilfen,working_group,Familienbüro Bergkamen,Bergkamen\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, content.encode(), admin="networks_network")
    job = ImportJob.objects.get()
    run_tasks()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(job_url(job, "import_confirm", admin="networks_network"))
    run_tasks()

    job.refresh_from_db()
    assert (job.status, job.new_count) == (ImportJob.Status.IMPORTED, 1)
    assert Network.objects.get().name == "AK Frühe Hilfen"


# German Excel ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_csv_from_german_excel_is_read_with_semicolons_and_its_encoding(encoding):
    content = "Kommune;Titel;Kurzbeschreibung\r\nBergkamen;Elterncafé;Treffpunkt für Eltern, Kinder\r\n"

    table = read_import_file(content.encode(encoding), "csv")

    assert table.headers == ["Kommune", "Titel", "Kurzbeschreibung"]
    assert table.rows == [["Bergkamen", "Elterncafé", "Treffpunkt für Eltern, Kinder"]]
