"""CSV/XLSX import and export of projects and networks, limited to the own municipality."""

import io

import pytest
import tablib
from django.urls import reverse

from networks.models import Network
from networks.resources import NetworkResource
from projects.models import ImportJob, Project
from projects.resources import ProjectResource

from ..factories import NetworkFactory, OrganisationFactory, ProjectFactory
from .conftest import form_data

pytestmark = pytest.mark.django_db

HEADERS = ["Kommune", "Titel", "Kurzbeschreibung", "Übergänge"]


def _dataset(*rows) -> tablib.Dataset:
    return tablib.Dataset(*rows, headers=HEADERS)


def _errors(result) -> list[str]:
    messages = [error.error for row in result.rows for error in row.errors]
    messages += [message for row in result.invalid_rows for message in row.error.messages]
    return [str(message) for message in messages]


def test_project_import_creates_drafts_of_own_municipality(bergkamen, coordinator_bergkamen, transitions):
    dataset = _dataset(
        [
            "Bergkamen",
            "Elterncafé Bergkamen",
            "Treffpunkt für Eltern.",
            "Übergang in die Kita; Übergang in die Grundschule",
        ]
    )

    result = ProjectResource(user=coordinator_bergkamen).import_data(
        dataset, dry_run=False, rollback_on_validation_errors=True
    )

    assert _errors(result) == []
    project = Project.objects.get(title="Elterncafé Bergkamen")
    assert (project.municipality, project.status) == (bergkamen, Project.Status.DRAFT)
    assert sorted(t.short_name for t in project.transitions.all()) == ["Grundschule", "Kita"]


def test_project_import_rejects_rows_of_another_town_and_saves_nothing(bergkamen, selm, coordinator_bergkamen):
    dataset = _dataset(
        ["Bergkamen", "Elterncafé Bergkamen", "Treffpunkt für Eltern.", ""],
        ["Selm", "Untergeschoben", "Gehört nicht Bergkamen.", ""],
    )

    result = ProjectResource(user=coordinator_bergkamen).import_data(
        dataset, dry_run=False, rollback_on_validation_errors=True
    )

    assert _errors(result) == [
        "Die Zeile gehört zur Kommune „Selm“. Sie können nur Projekte Ihrer eigenen Kommune importieren."
    ]
    assert Project.objects.count() == 0


def test_project_import_reports_every_error_of_a_row_at_once_in_german(bergkamen, coordinator_bergkamen, transitions):
    dataset = _dataset(
        ["Bergkamen", "Ohne Text", "", "Übergang in die Kita; Mondlandung"],
        ["Bergkamen", "Mit Tippfehler", "Text.", "Mondlandung"],
    )

    result = ProjectResource(user=coordinator_bergkamen).import_data(
        dataset, dry_run=True, rollback_on_validation_errors=True
    )

    assert [row.error.message_dict for row in result.invalid_rows] == [
        {
            "summary": ["Dieses Feld darf nicht leer sein."],
            "transitions": ["Unbekannt oder nicht auswählbar: „Mondlandung“"],
        },
        {"transitions": ["Unbekannt oder nicht auswählbar: „Mondlandung“"]},
    ]
    assert [row.errors for row in result.rows] == [[], []]
    assert Project.objects.count() == 0


def test_project_import_does_not_touch_published_projects(bergkamen, coordinator_bergkamen):
    ProjectFactory(municipality=bergkamen, title="Babylotsen", summary="Alt.")
    dataset = _dataset(["Bergkamen", "Babylotsen", "Neu, ohne Prüfung.", ""])

    result = ProjectResource(user=coordinator_bergkamen).import_data(
        dataset, dry_run=False, rollback_on_validation_errors=True
    )

    assert _errors(result) == [
        "„Babylotsen“ ist Veröffentlicht. Änderungen daran nehmen Sie bitte im Formular vor, damit sie geprüft werden."
    ]
    assert Project.objects.get(title="Babylotsen").summary == "Alt."


def test_project_export_contains_own_projects_only(bergkamen, selm, coordinator_bergkamen):
    ProjectFactory(municipality=bergkamen, title="Babylotsen")
    ProjectFactory(municipality=selm, title="Geheim Selm")

    exported = ProjectResource(user=coordinator_bergkamen).export()

    assert exported["Titel"] == ["Babylotsen"]
    assert exported.headers[:3] == ["Kommune", "Titel", "Kurzbeschreibung"]


def test_project_export_and_import_name_life_phases(bergkamen, coordinator_bergkamen, phases):
    ProjectFactory(municipality=bergkamen, title="Babylotsen", phases=[phases[0], phases[1]], status="draft")

    exported = ProjectResource(user=coordinator_bergkamen).export()
    assert exported["Lebensphasen"] == ["0–3 Jahre; Schwangerschaft und Geburt"]

    dataset = tablib.Dataset(
        ["Bergkamen", "Babylotsen", "Neu.", "Kita"], headers=["Kommune", "Titel", "Kurzbeschreibung", "Lebensphasen"]
    )
    result = ProjectResource(user=coordinator_bergkamen).import_data(dataset, dry_run=False)
    assert not (result.has_errors() or result.has_validation_errors())
    assert [phase.name for phase in Project.objects.get(title="Babylotsen").phases.all()] == ["Kita"]


def test_network_import_needs_own_coordinating_organisation(bergkamen, selm, coordinator_bergkamen):
    OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    OrganisationFactory(name="Familienbüro Selm", municipality=selm)
    dataset = tablib.Dataset(
        ["AK Frühe Hilfen", "working_group", "Familienbüro Bergkamen", "Bergkamen"],
        ["AK Selm", "working_group", "Familienbüro Selm", "Bergkamen"],
        headers=["Name", "Art (Schlüssel)", "koordiniert von", "Kommunen"],
    )

    result = NetworkResource(user=coordinator_bergkamen).import_data(
        dataset, dry_run=False, rollback_on_validation_errors=True
    )

    assert result.has_errors() or result.has_validation_errors()
    assert Network.objects.count() == 0


NETWORK_HEADERS = ["Name", "Art (Schlüssel)", "koordiniert von", "Kommunen", "Beschreibung"]


def test_network_import_creates_drafts_and_does_not_touch_published_networks(bergkamen, coordinator_bergkamen):
    own = OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    NetworkFactory(name="Runder Tisch Kita", coordinating_organisation=own, description="Alt.")
    dataset = tablib.Dataset(
        ["AK Frühe Hilfen", "working_group", "Familienbüro Bergkamen", "Bergkamen", "Neu."],
        headers=NETWORK_HEADERS,
    )
    changed = tablib.Dataset(
        ["Runder Tisch Kita", "working_group", "Familienbüro Bergkamen", "Bergkamen", "Ohne Prüfung."],
        headers=NETWORK_HEADERS,
    )

    created = NetworkResource(user=coordinator_bergkamen).import_data(dataset, dry_run=False)
    refused = NetworkResource(user=coordinator_bergkamen).import_data(
        changed, dry_run=False, rollback_on_validation_errors=True
    )

    assert not (created.has_errors() or created.has_validation_errors())
    assert Network.objects.get(name="AK Frühe Hilfen").status == Network.Status.DRAFT
    assert _errors(refused) == [
        "„Runder Tisch Kita“ ist Veröffentlicht. Änderungen daran nehmen Sie bitte im Formular vor, damit sie "
        "geprüft werden."
    ]
    assert Network.objects.get(name="Runder Tisch Kita").description == "Alt."


def _upload_and_check(client, content: bytes, capture, run_tasks) -> ImportJob:
    upload = io.BytesIO(content)
    upload.name = "projekte.csv"
    with capture(execute=True):
        response = client.post(
            reverse("admin:projects_project_import"), {"resource": "0", "format": "0", "import_file": upload}
        )
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("admin:projects_project_import_job", args=[job.pk])
    assert run_tasks() == 1  # the dry run, in the worker
    job.refresh_from_db()
    return job


def test_admin_import_dry_run_lists_row_errors_and_saves_nothing(
    client, bergkamen, selm, coordinator_bergkamen, django_capture_on_commit_callbacks, run_tasks
):
    client.force_login(coordinator_bergkamen)
    content = "Kommune,Titel,Kurzbeschreibung\nBergkamen,Elterncafé,Treffpunkt.\nSelm,Fremd,Nicht erlaubt.\n"

    job = _upload_and_check(client, content.encode(), django_capture_on_commit_callbacks, run_tasks)
    page = client.get(reverse("admin:projects_project_import_job", args=[job.pk]))

    assert page.status_code == 200
    content = page.content.decode()
    assert "Zeile 3: Spalte „Kommune“: Die Zeile gehört zur Kommune „Selm“" in content
    assert "Import bestätigen" not in content
    assert (job.status, job.error_count) == (ImportJob.Status.CHECKED, 1)
    assert Project.objects.count() == 0


def test_admin_import_is_not_offered_to_anonymous(client):
    response = client.get(reverse("admin:projects_project_import"))
    assert response.status_code == 302


def test_admin_import_valid_file_previews_then_applies_on_confirm(
    client, bergkamen, coordinator_bergkamen, django_capture_on_commit_callbacks, run_tasks
):
    client.force_login(coordinator_bergkamen)
    content = "Kommune,Titel,Kurzbeschreibung\nBergkamen,Elterncafé,Treffpunkt für Eltern.\n".encode()

    job = _upload_and_check(client, content, django_capture_on_commit_callbacks, run_tasks)
    assert Project.objects.count() == 0  # the dry run saved nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:projects_project_import_confirm", args=[job.pk]))
    assert run_tasks() == 1

    assert response.status_code == 302
    project = Project.objects.get()
    assert (project.title, project.municipality, project.status) == ("Elterncafé", bergkamen, Project.Status.DRAFT)


def test_admin_export_xlsx_contains_own_projects_only(client, bergkamen, selm, coordinator_bergkamen):
    import openpyxl

    ProjectFactory(municipality=bergkamen, title="Babylotsen")
    ProjectFactory(municipality=selm, title="Geheim Selm")
    client.force_login(coordinator_bergkamen)
    data = form_data(client.get(reverse("admin:projects_project_export")).content.decode())
    data["format"] = ["1"]  # XLSX

    response = client.post(reverse("admin:projects_project_export"), data)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Kommune", "Titel")
    assert [row[1] for row in rows[1:]] == ["Babylotsen"]


def test_admin_import_refuses_a_file_over_the_size_limit(client, settings, bergkamen, coordinator_bergkamen):
    settings.MAX_IMPORT_FILE_SIZE = 100
    client.force_login(coordinator_bergkamen)
    rows = "".join(f"Bergkamen,Elterncafé {number},Treffpunkt für Eltern.\n" for number in range(10))
    upload = io.BytesIO(f"Kommune,Titel,Kurzbeschreibung\n{rows}".encode())
    upload.name = "projekte.csv"

    response = client.post(
        reverse("admin:projects_project_import"), {"resource": "0", "format": "0", "import_file": upload}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [
        "Die Datei ist zu groß (511\xa0Bytes); erlaubt sind höchstens 100\xa0Bytes."
    ]
    assert ImportJob.objects.count() == 0
    assert Project.objects.count() == 0
