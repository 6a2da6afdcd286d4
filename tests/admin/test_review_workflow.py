"""Review before publishing: services and the admin pages around them."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from projects import services
from projects.models import Project

from ..factories import OrganisationFactory, ProjectFactory, SocialAreaFactory, TargetGroupFactory
from .conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(bergkamen, coordinator_bergkamen):
    return ProjectFactory(
        municipality=bergkamen, title="Babylotsen Bergkamen", status=Project.Status.DRAFT, confirmed_at=None
    )


@pytest.fixture
def published(bergkamen, coordinator_bergkamen):
    project = ProjectFactory(
        municipality=bergkamen, title="Familienpaten Bergkamen", submitted_by=coordinator_bergkamen
    )
    return project


def test_project_submit_moves_draft_into_review_and_mails_reviewers(
    draft, coordinator_bergkamen, steering_member, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.project_submit(project=draft, by=coordinator_bergkamen)
    run_tasks()

    draft.refresh_from_db()
    assert (draft.status, draft.submitted_by, draft.review_comment) == (
        Project.Status.IN_REVIEW,
        coordinator_bergkamen,
        "",
    )
    assert [message.to for message in mail.outbox] == [[steering_member.email]]
    assert mail.outbox[0].subject == "Zur Prüfung eingereicht: Babylotsen Bergkamen"


def test_project_submit_by_coordinator_of_another_town_is_denied(draft, coordinator_selm):
    with pytest.raises(PermissionDenied):
        services.project_submit(project=draft, by=coordinator_selm)
    draft.refresh_from_db()
    assert draft.status == Project.Status.DRAFT


def test_project_submit_refuses_published_project(published, coordinator_bergkamen):
    with pytest.raises(ValidationError) as error:
        services.project_submit(project=published, by=coordinator_bergkamen)
    assert error.value.messages == ["Nur Entwürfe können zur Prüfung eingereicht werden."]


def test_project_publish_only_by_reviewer(draft, coordinator_bergkamen):
    services.project_submit(project=draft, by=coordinator_bergkamen)
    with pytest.raises(PermissionDenied):
        services.project_publish(project=draft, by=coordinator_bergkamen)
    draft.refresh_from_db()
    assert draft.status == Project.Status.IN_REVIEW


def test_project_return_needs_a_comment(draft, coordinator_bergkamen, steering_member):
    services.project_submit(project=draft, by=coordinator_bergkamen)
    with pytest.raises(ValidationError) as error:
        services.project_return(project=draft, by=steering_member, comment="  ")
    assert error.value.message_dict == {"comment": ["Bitte schreiben Sie, was noch geändert werden soll."]}


def test_project_return_then_resubmit_then_publish(
    draft, coordinator_bergkamen, steering_member, django_capture_on_commit_callbacks, run_tasks
):
    services.project_submit(project=draft, by=coordinator_bergkamen)
    with django_capture_on_commit_callbacks(execute=True):
        services.project_return(project=draft, by=steering_member, comment="Bitte Kennzahlen ergänzen.")
    run_tasks()
    draft.refresh_from_db()
    assert (draft.status, draft.review_comment, draft.is_returned) == (
        Project.Status.DRAFT,
        "Bitte Kennzahlen ergänzen.",
        True,
    )
    assert mail.outbox[-1].to == [coordinator_bergkamen.email]

    services.project_submit(project=draft, by=coordinator_bergkamen)
    services.project_publish(project=draft, by=steering_member)
    draft.refresh_from_db()
    assert (draft.status, draft.review_comment, draft.reviewed_by) == (Project.Status.PUBLISHED, "", steering_member)
    assert draft.confirmed_at is not None


def test_project_propose_changes_keeps_published_version_public(client, published, coordinator_bergkamen):
    services.project_propose_changes(
        project=published,
        changes={"title": "Familienpaten Bergkamen 2.0", "goals": "Neue Ziele."},
        by=coordinator_bergkamen,
    )

    published.refresh_from_db()
    assert published.title == "Familienpaten Bergkamen"
    assert published.pending_changes == {"title": "Familienpaten Bergkamen 2.0", "goals": "Neue Ziele."}
    response = client.get(published.get_absolute_url())
    assert response.context["object"].title == "Familienpaten Bergkamen"
    assert "Neue Ziele." not in response.content.decode()


def test_project_propose_changes_drops_unchanged_values(published, coordinator_bergkamen):
    services.project_propose_changes(project=published, changes={"title": published.title}, by=coordinator_bergkamen)
    published.refresh_from_db()
    assert published.pending_changes == {}


def test_project_approve_changes_applies_them_and_records_one_version(
    published, coordinator_bergkamen, steering_member
):
    group = TargetGroupFactory(name="Alleinerziehende")
    versions_before = published.history.count()
    services.project_propose_changes(
        project=published,
        changes={"title": "Familienpaten Bergkamen 2.0", "target_groups": [group.pk]},
        by=coordinator_bergkamen,
    )
    assert published.history.count() == versions_before  # proposals are not versions

    services.project_approve_changes(project=published, by=steering_member)

    published.refresh_from_db()
    assert (published.title, list(published.target_groups.all()), published.pending_changes) == (
        "Familienpaten Bergkamen 2.0",
        [group],
        {},
    )
    newest, previous = published.history.all()[:2]
    assert published.history.count() == versions_before + 1
    assert newest.history_user == steering_member
    assert newest.history_change_reason == "Änderungen übernommen"
    delta = newest.diff_against(previous)
    assert sorted(delta.changed_fields) == ["reviewed_at", "reviewed_by", "submitted_at", "target_groups", "title"]


def test_project_return_of_pending_changes_keeps_them_for_rework(published, coordinator_bergkamen, steering_member):
    services.project_propose_changes(project=published, changes={"title": "Neu"}, by=coordinator_bergkamen)
    services.project_return(project=published, by=steering_member, comment="Titel bitte ausschreiben.")
    published.refresh_from_db()
    assert (published.status, published.title, published.pending_changes, published.review_comment) == (
        Project.Status.PUBLISHED,
        "Familienpaten Bergkamen",
        {"title": "Neu"},
        "Titel bitte ausschreiben.",
    )
    assert list(Project.objects.returned()) == [published]
    assert list(Project.objects.awaiting_review()) == []


# Admin pages ------------------------------------------------------------------------------------------


def _add_data(**overrides) -> dict:
    data = {
        "title": "Kita-Einstieg Selm",
        "summary": "Begleitung beim Übergang in die Kita.",
        "situation": "",
        "goals": "",
        "achievements": "",
        "success_factors": "",
        "pitfalls": "",
        "start_year": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "contact_phone": "",
        "_save": "Sichern",
    }
    for prefix in ["indicators", "links", "transfer_offers"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_admin_add_by_coordinator_defaults_to_own_municipality_and_submits(client, selm, coordinator_selm):
    client.force_login(coordinator_selm)
    response = client.get(reverse("admin:projects_project_add"))
    assert response.context["adminform"].form.initial["municipality"] == selm.pk

    response = client.post(
        reverse("admin:projects_project_add"), _add_data(municipality=selm.pk, _submit_for_review="x")
    )

    assert response.status_code == 302
    project = Project.objects.get(title="Kita-Einstieg Selm")
    assert (project.municipality, project.status, project.submitted_by) == (
        selm,
        Project.Status.IN_REVIEW,
        coordinator_selm,
    )
    assert project.history.count() == 2  # created, submitted


@pytest.mark.parametrize("field", ["municipality", "social_areas", "organisations"])
def test_admin_add_rejects_choices_of_another_town(client, bergkamen, selm, coordinator_selm, field):
    client.force_login(coordinator_selm)
    foreign = {
        "municipality": bergkamen.pk,
        "social_areas": SocialAreaFactory(municipality=bergkamen).pk,
        "organisations": OrganisationFactory(municipality=bergkamen).pk,
    }[field]
    data = _add_data(municipality=selm.pk)
    data[field] = foreign

    response = client.post(reverse("admin:projects_project_add"), data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == [field]
    assert not Project.objects.filter(title="Kita-Einstieg Selm").exists()


def test_admin_edit_of_published_project_by_coordinator_becomes_pending(client, published, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:projects_project_change", args=[published.pk])
    data = form_data(client.get(url).content.decode(), "project_form")
    data["title"] = ["Familienpaten Bergkamen – neu"]
    data["_save"] = ["Sichern"]

    response = client.post(url, data)

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == "Familienpaten Bergkamen"
    assert published.pending_changes == {"title": "Familienpaten Bergkamen – neu"}
    # Opening the form again shows the pending value, so the Koordinator continues where they left off.
    assert client.get(url).context["adminform"].form.initial["title"] == "Familienpaten Bergkamen – neu"


def test_admin_review_page_shows_diff_and_approves(client, published, coordinator_bergkamen, steering_member):
    services.project_propose_changes(
        project=published, changes={"goals": "Familien früh und verlässlich erreichen."}, by=coordinator_bergkamen
    )
    client.force_login(steering_member)
    url = reverse("admin:projects_project_review", args=[published.pk])

    response = client.get(url)

    assert [(row["name"], row["old"], row["new"]) for row in response.context["diff"]] == [
        ("goals", "Familien früh erreichen.", "Familien früh und verlässlich erreichen.")
    ]
    assert "<ins>und verlässlich </ins>" in str(response.context["diff"][0]["html"])

    response = client.post(url, {"_approve": "Änderungen übernehmen", "comment": ""})

    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.goals, published.pending_changes) == ("Familien früh und verlässlich erreichen.", {})


def test_admin_review_return_without_comment_shows_error(client, draft, coordinator_bergkamen, steering_member):
    services.project_submit(project=draft, by=coordinator_bergkamen)
    client.force_login(steering_member)

    response = client.post(
        reverse("admin:projects_project_review", args=[draft.pk]),
        {"_return": "Mit Kommentar zurückgeben", "comment": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"comment": ["Bitte schreiben Sie, was noch geändert werden soll."]}
    draft.refresh_from_db()
    assert draft.status == Project.Status.IN_REVIEW


@pytest.mark.parametrize("user", ["coordinator_bergkamen", "coordinator_selm", None])
def test_admin_review_page_is_for_reviewers_only(client, request, draft, user):
    if user:
        client.force_login(request.getfixturevalue(user))
    response = client.get(reverse("admin:projects_project_review", args=[draft.pk]))
    assert response.status_code == (403 if user else 302)


def test_admin_review_page_unknown_project_is_404(client, steering_member):
    client.force_login(steering_member)
    assert client.get(reverse("admin:projects_project_review", args=[999999])).status_code == 404


def test_admin_history_shows_both_versions_with_diff(client, published, coordinator_bergkamen, steering_member):
    services.project_propose_changes(
        project=published, changes={"title": "Familienpaten 2.0"}, by=coordinator_bergkamen
    )
    services.project_approve_changes(project=published, by=steering_member)
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:projects_project_history", args=[published.pk]))

    records = list(response.context["page_obj"])
    assert [record.title for record in records][:2] == ["Familienpaten 2.0", "Familienpaten Bergkamen"]
    assert [
        (change["field"], change["old"], change["new"])
        for change in records[0].history_delta_changes
        if change["field"] == "Titel"
    ] == [("Titel", "Familienpaten Bergkamen", "Familienpaten 2.0")]


def test_admin_dashboard_lists_own_work_only(client, draft, coordinator_bergkamen, coordinator_selm, selm):
    ProjectFactory(municipality=selm, title="Entwurf Selm", status=Project.Status.DRAFT)
    client.force_login(coordinator_bergkamen)

    response = client.get(reverse("admin:index"))

    content = response.content.decode()
    assert "Babylotsen Bergkamen" in content
    assert "Entwurf Selm" not in content


def test_admin_history_version_of_another_towns_project_is_forbidden(client, published, coordinator_selm):
    version = published.history.first()
    client.force_login(coordinator_selm)

    response = client.get(reverse("admin:projects_project_simple_history", args=[published.pk, version.history_id]))

    assert response.status_code == 403


def test_admin_restoring_an_old_version_of_a_published_project_goes_through_review(
    client, published, coordinator_bergkamen, steering_member
):
    old_version = published.history.first()
    services.project_propose_changes(project=published, changes={"title": "Neuer Titel"}, by=coordinator_bergkamen)
    services.project_approve_changes(project=published, by=steering_member)
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:projects_project_simple_history", args=[published.pk, old_version.history_id])
    data = form_data(client.get(url).content.decode(), "historicalproject_form")
    data["_save"] = ["Sichern"]

    response = client.post(url, data)

    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.title, published.pending_changes) == ("Neuer Titel", {"title": "Familienpaten Bergkamen"})


def test_public_page_only_after_publication(client, draft, coordinator_bergkamen, steering_member):
    assert client.get(draft.get_absolute_url()).status_code == 404
    services.project_submit(project=draft, by=coordinator_bergkamen)
    assert client.get(draft.get_absolute_url()).status_code == 404

    services.project_publish(project=draft, by=steering_member)

    response = client.get(draft.get_absolute_url())
    assert response.context["object"] == draft
