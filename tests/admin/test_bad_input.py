"""Regression tests for what fuzzing the back office found (tests/fuzz/test_admin_forms.py): each was a
server error, a lost form or an unchecked file access before."""

import io

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from networks.models import Network
from projects.models import ImportJob, Organisation, Project

from .conftest import form_data

pytestmark = pytest.mark.django_db

NUL_MESSAGE = "Die Adresse enthält ein unzulässiges Steuerzeichen (NUL)."


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/verwaltung/projects/project/", {"status__exact": "a\x00b"}),
        ("/verwaltung/projects/project/", {"q": "Willkommen\x00"}),
        ("/verwaltung/projects/project/aehnliche/", {"q": "Willkommens\x00besuche"}),
        (
            "/verwaltung/autocomplete/",
            {"app_label": "projects", "model_name": "project", "field_name": "municipality", "term": "Berg\x00"},
        ),
    ],
)
def test_admin_query_with_nul_character_is_refused_with_german_message(client, world, path, params):
    client.force_login(world.users["koordinator_bergkamen"])

    response = client.get(path, params)

    assert (response.status_code, response.content.decode()) == (400, NUL_MESSAGE)


def test_admin_changelist_filter_without_nul_still_works(client, world):
    client.force_login(world.users["koordinator_bergkamen"])

    response = client.get("/verwaltung/projects/project/", {"status__exact": "published"})

    assert [project.title for project in response.context["cl"].result_list] == ["Willkommensbesuche Bergkamen"]


@pytest.mark.parametrize("selected", ["abc", "1\x00", ""])
def test_admin_action_with_invalid_selection_changes_nothing_and_says_so(client, world, selected):
    project = world.objects["projects.project"]["B"]
    Project.objects.filter(pk=project.pk).update(confirmed_at=None)
    client.force_login(world.users["koordinator_bergkamen"])

    response = client.post(
        "/verwaltung/projects/project/",
        {"action": "confirm_selected", "_selected_action": [str(project.pk), selected], "index": "0"},
        follow=True,
    )

    assert [str(message) for message in response.context["messages"]] == [
        "Die Auswahl enthält ungültige Einträge. Es wurde nichts geändert."
    ]
    project.refresh_from_db()
    assert project.confirmed_at is None


def test_admin_action_with_valid_selection_still_runs(client, world):
    project = world.objects["projects.project"]["B"]
    Project.objects.filter(pk=project.pk).update(confirmed_at=None)
    client.force_login(world.users["koordinator_bergkamen"])

    client.post(
        "/verwaltung/projects/project/",
        {"action": "confirm_selected", "_selected_action": [str(project.pk)], "index": "0"},
    )

    project.refresh_from_db()
    assert project.confirmed_at is not None


def test_admin_form_with_text_in_autocomplete_field_shows_the_form_again(client, world):
    client.force_login(world.users["koordinator_bergkamen"])
    network = world.objects["networks.network"]["B"]
    url = reverse("admin:networks_network_change", args=[network.pk])
    data = form_data(client.get(url).content.decode(), "network_form")
    data["coordinating_organisation"] = [":"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["coordinating_organisation"] == [
        "Bitte eine gültige Auswahl treffen. Dies ist keine gültige Auswahl."
    ]


@pytest.mark.parametrize(
    ("model", "field", "label"),
    [(Network, "coordinating_organisation", "Koordiniert von"), (Organisation, "municipality", "Kommune")],
)
def test_koordinator_must_fill_the_field_that_keeps_the_record_theirs(client, world, model, field, label):
    """Left empty, the new record fell outside the Koordinator's scope: a 403 and the input was lost."""
    client.force_login(world.users["koordinator_bergkamen"])
    opts = model._meta
    existing = world.objects[opts.label_lower]["B"]
    change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[existing.pk])
    data = form_data(client.get(change_url).content.decode(), f"{opts.model_name}_form")
    data["name"] = ["Neuer Eintrag ohne Zuordnung"]
    data[field] = [""]
    before = model.objects.count()

    response = client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == [
        f"Bitte wählen Sie „{label}“ aus. Ohne diese Angabe läge der Eintrag außerhalb Ihrer Kommune "
        "und Sie könnten ihn nicht mehr bearbeiten."
    ]
    assert model.objects.count() == before


def test_reviewer_may_still_save_an_organisation_without_municipality(client, world):
    client.force_login(world.users["steuerungsgruppe"])
    data = form_data(client.get(reverse("admin:projects_organisation_add")).content.decode(), "organisation_form")
    data.update({"name": ["Landesjugendamt"], "municipality": [""], "_save": ["Sichern"]})

    response = client.post(reverse("admin:projects_organisation_add"), data)

    assert response.status_code == 302
    assert Organisation.objects.get(name="Landesjugendamt").municipality is None


def test_admin_inline_rows_are_capped(client, world):
    """A tampered management form (TOTAL_FORMS=99999) built and rendered 2,000 rows."""
    client.force_login(world.users["koordinator_bergkamen"])
    self_check = world.objects["steering.projectselfcheck"]["B"]
    url = reverse("admin:steering_projectselfcheck_change", args=[self_check.pk])
    data = form_data(client.get(url).content.decode(), "projectselfcheck_form")
    data["ratings-TOTAL_FORMS"] = ["99999"]

    response = client.post(url, data)

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    # Django's message names max_num (1,000), the cap is lower.
    assert (formset.total_form_count(), formset.non_form_errors()) == (
        300,
        ["Bitte höchstens 1000 Formulare abschicken."],
    )


def test_login_with_overlong_user_name_is_a_form_error(client, world):
    response = client.post(reverse("admin:login"), {"username": "x" * 1000, "password": "geheim"})

    assert response.status_code == 200
    assert response.context["form"].errors["username"] == [
        "Bitte sicherstellen, dass der Wert aus höchstens 150 Zeichen besteht. (Er besteht aus 1000 Zeichen.)"
    ]
    assert AccessAttempt.objects.filter(username__startswith="xxx").count() == 0


def _upload(content: bytes, name: str = "daten.csv"):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def test_import_of_unreadable_file_explains_in_german(client, world):
    client.force_login(world.users["koordinator_bergkamen"])

    response = client.post(
        reverse("admin:projects_project_import"),
        {"resource": "0", "format": "0", "import_file": _upload(b"\xff\xfe\x00\x81")},
    )

    assert response.context["form"].errors == {
        "import_file": [
            "Die Datei konnte nicht gelesen werden. Bitte prüfen Sie, ob das gewählte Dateiformat passt: "
            "CSV (UTF-8 oder Windows-1252, getrennt durch Komma oder Semikolon) oder Excel (.xlsx)."
        ]
    }
    assert ImportJob.objects.count() == 0


@pytest.mark.parametrize("job_id", ["999999", "0"])
def test_import_confirmation_of_an_unknown_job_is_not_found(client, world, job_id):
    client.force_login(world.users["koordinator_bergkamen"])
    before = Project.objects.count()

    response = client.post(reverse("admin:projects_project_import_confirm", args=[job_id]))

    assert response.status_code == 404
    assert Project.objects.count() == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("format", ":", "Bitte eine gültige Auswahl treffen. : ist keine gültige Auswahl."),
        ("format", "7", "Bitte eine gültige Auswahl treffen. 7 ist keine gültige Auswahl."),
        ("resource", "x", "Bitte eine gültige Auswahl treffen. x ist keine gültige Auswahl."),
    ],
)
def test_import_upload_rejects_unknown_format_or_resource(client, world, field, value, message):
    client.force_login(world.users["koordinator_bergkamen"])
    data = {
        "resource": "0",
        "format": "0",
        "import_file": _upload("Kommune,Titel,Kurzbeschreibung\nBergkamen,Elterncafé,Treffpunkt.\n".encode()),
    }

    response = client.post(reverse("admin:projects_project_import"), {**data, field: value})

    assert response.context["form"].errors == {field: [message]}
    assert ImportJob.objects.count() == 0


def test_import_confirmation_of_own_upload_imports(client, world, django_capture_on_commit_callbacks, run_tasks):
    client.force_login(world.users["koordinator_bergkamen"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:projects_project_import"),
            {
                "resource": "0",
                "format": "0",
                "import_file": _upload("Kommune,Titel,Kurzbeschreibung\nBergkamen,Elterncafé,Treffpunkt.\n".encode()),
            },
        )
    run_tasks()
    job = ImportJob.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:projects_project_import_confirm", args=[job.pk]))
    run_tasks()

    assert response.status_code == 302
    assert Project.objects.get(title="Elterncafé").status == Project.Status.DRAFT
