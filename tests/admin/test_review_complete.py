"""The reviewer sees everything that will be published; an unchanged save is no change; drafts are
submitted in bulk."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.models import OutgoingMail
from projects import services
from projects.models import Project

from ..factories import (
    ActionFieldFactory,
    IndicatorFactory,
    OrganisationFactory,
    ProjectFactory,
    SocialAreaFactory,
    TargetGroupFactory,
)
from .conftest import form_data

pytestmark = pytest.mark.django_db

TEXT = "Erste Zeile.\nZweite Zeile."


@pytest.fixture
def published(bergkamen, coordinator_bergkamen, steering_member):
    return ProjectFactory(
        municipality=bergkamen, title="Familienpaten", summary=TEXT, situation=TEXT, submitted_by=coordinator_bergkamen
    )


def save_as_browser(client, project: Project, **changes) -> None:
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = form_data(client.get(url).content.decode(), "project_form")
    for name, value in changes.items():
        data[name] = [value]
    data["_save"] = ["Sichern"]
    assert client.post(url, data).status_code == 302


def test_saving_a_published_project_unchanged_with_browser_line_breaks_changes_nothing(
    client, published, coordinator_bergkamen
):
    client.force_login(coordinator_bergkamen)

    # Browsers send CRLF; a coordinator may leave a space at the end of a line.
    save_as_browser(client, published, summary=TEXT.replace("\n", "  \r\n"), situation=TEXT.replace("\n", "\r\n"))

    published.refresh_from_db()
    assert (published.status, published.pending_changes, published.submitted_at) == (
        Project.Status.PUBLISHED,
        {},
        None,
    )
    assert OutgoingMail.objects.count() == 0


def test_a_real_edit_with_browser_line_breaks_is_kept_with_plain_line_breaks(client, published, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    save_as_browser(client, published, situation="Neue Lage.\r\nMit zwei Zeilen. ")

    published.refresh_from_db()
    assert published.pending_changes == {"situation": "Neue Lage.\nMit zwei Zeilen."}


def test_a_direct_edit_saves_plain_line_breaks(client, bergkamen, coordinator_bergkamen):
    draft = ProjectFactory(municipality=bergkamen, title="Entwurf", status=Project.Status.DRAFT)
    client.force_login(coordinator_bergkamen)

    save_as_browser(client, draft, goals="Ziel eins.\r\nZiel zwei.\t")

    draft.refresh_from_db()
    assert draft.goals == "Ziel eins.\nZiel zwei."


def test_review_of_a_submission_shows_every_field_including_the_many_to_many_ones(
    client, bergkamen, coordinator_bergkamen, steering_member, transitions
):
    draft = ProjectFactory(
        municipality=bergkamen,
        title="Babylotsen",
        status=Project.Status.DRAFT,
        contact_name="Frau Yılmaz",
        contact_is_public=True,
    )
    draft.transitions.set(transitions[:2])
    draft.action_fields.set([ActionFieldFactory(name="Gesundheit")])
    draft.target_groups.set([TargetGroupFactory(name="Werdende Eltern")])
    draft.organisations.set([OrganisationFactory(name="Klinikum Westfalen", municipality=bergkamen)])
    draft.social_areas.set([SocialAreaFactory(name="Oberaden", municipality=bergkamen)])
    services.project_submit(project=draft, by=coordinator_bergkamen)
    client.force_login(steering_member)

    response = client.get(reverse("admin:projects_project_review", args=[draft.pk]))

    rows = {row["name"]: row["new"] for row in response.context["fields"]}
    assert list(rows) == [*Project.REVIEWED_FIELDS, "indicators", "links"]
    assert {name: rows[name] for name in Project.MANY_TO_MANY_REVIEWED_FIELDS} == {
        "transitions": "Schwangerschaft & Geburt, Übergang in die Kita",
        "action_fields": "Gesundheit",
        "target_groups": "Werdende Eltern",
        "organisations": "Klinikum Westfalen",
        "social_areas": "Oberaden",
        "served_municipalities": "",
        "phases": "",
    }
    assert (rows["contact_name"], rows["contact_is_public"]) == ("Frau Yılmaz", "Ja")
    page = response.content.decode()
    assert "Träger und Partner" in page and "Kontakt veröffentlichen" in page and "Klinikum Westfalen" in page


def test_review_of_changes_shows_every_field_and_marks_a_many_to_many_change_with_a_diff(
    client, published, coordinator_bergkamen, steering_member, transitions
):
    published.transitions.set(transitions[:1])
    services.project_propose_changes(
        project=published, changes={"transitions": [transitions[0].pk, transitions[1].pk]}, by=coordinator_bergkamen
    )
    client.force_login(steering_member)

    response = client.get(reverse("admin:projects_project_review", args=[published.pk]))

    rows = {row["name"]: row for row in response.context["fields"]}
    assert list(rows) == [*Project.REVIEWED_FIELDS, "indicators", "links"]
    assert [name for name, row in rows.items() if row["changed"]] == ["transitions"]
    assert (rows["transitions"]["old"], rows["transitions"]["new"]) == (
        "Schwangerschaft & Geburt",
        "Schwangerschaft & Geburt, Übergang in die Kita",
    )
    assert "<ins>" in str(rows["transitions"]["html"])
    assert rows["summary"]["new"] == TEXT


def test_bulk_submit_hands_every_selected_draft_to_review_and_names_the_others(
    client, bergkamen, coordinator_bergkamen, published
):
    drafts = [
        ProjectFactory(municipality=bergkamen, title=title, status=Project.Status.DRAFT)
        for title in ["A-Café", "B-Treff"]
    ]
    client.force_login(coordinator_bergkamen)

    response = client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "submit_selected", "_selected_action": [project.pk for project in [*drafts, published]]},
    )

    assert response.status_code == 302
    assert [Project.objects.get(pk=project.pk).status for project in drafts] == [Project.Status.IN_REVIEW] * 2
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "„Familienpaten“: Nur Entwürfe können zur Prüfung eingereicht werden.",
        "2 Projekt(e) zur Prüfung eingereicht.",
    ]
    assert Project.objects.get(pk=published.pk).status == Project.Status.PUBLISHED


def test_kennzahlen_of_a_published_project_change_through_review(
    client, published, coordinator_bergkamen, steering_member
):
    IndicatorFactory(project=published, label="Erreichte Familien", value="80 %", year=2023)
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:projects_project_change", args=[published.pk])
    page = client.get(url)
    data = form_data(page.content.decode(), "project_form")
    data["indicators-0-value"] = ["86 %"]
    data["links-TOTAL_FORMS"] = ["1"]
    data.update({"links-0-label": ["Flyer"], "links-0-url": ["https://bergkamen.example/flyer.pdf"]})
    data["_save"] = ["Sichern"]

    assert client.post(url, data).status_code == 302

    published.refresh_from_db()
    assert list(published.indicators.values_list("value", flat=True)) == ["80 %"]
    assert published.links.count() == 0
    assert (published.pending_changes["indicators"], published.pending_changes["links"]) == (
        [{"label": "Erreichte Familien", "value": "86 %", "year": 2023, "position": 0}],
        [{"label": "Flyer", "url": "https://bergkamen.example/flyer.pdf"}],
    )
    assert OutgoingMail.objects.filter(to=steering_member.email).count() == 1
    # Editing a text later keeps the proposed Kennzahlen, and the form says they wait for review.
    save_as_browser(client, published, goals="Neue Ziele.")
    published.refresh_from_db()
    assert sorted(published.pending_changes) == ["goals", "indicators", "links"]
    assert "Kennzahlen: Ihre Änderung wartet auf die Prüfung" in client.get(url).content.decode()

    client.force_login(steering_member)
    review = client.get(reverse("admin:projects_project_review", args=[published.pk]))
    rows = {row["name"]: row for row in review.context["fields"]}
    assert (rows["indicators"]["old"], rows["indicators"]["new"], rows["indicators"]["changed"]) == (
        "Erreichte Familien: 80 % (2023)",
        "Erreichte Familien: 86 % (2023)",
        True,
    )
    client.post(reverse("admin:projects_project_review", args=[published.pk]), {"_approve": "1", "comment": ""})

    published.refresh_from_db()
    assert list(published.indicators.values_list("label", "value", "year")) == [("Erreichte Familien", "86 %", 2023)]
    assert list(published.links.values_list("label", "url")) == [("Flyer", "https://bergkamen.example/flyer.pdf")]
    assert (published.goals, published.pending_changes) == ("Neue Ziele.", {})
