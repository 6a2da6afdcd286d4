"""Published projects are archived through review, deleted only by a superuser."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from projects import services
from projects.models import Project

from ..factories import ProjectFactory, UserFactory
from .conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(bergkamen):
    return ProjectFactory(municipality=bergkamen, title="Familienpaten Bergkamen")


@pytest.mark.parametrize("role", ["coordinator_bergkamen", "steering_member"])
def test_published_project_cannot_be_deleted_by_coordinator_or_reviewer(request, client, published, role):
    client.force_login(request.getfixturevalue(role))
    url = reverse("admin:projects_project_delete", args=[published.pk])

    page = client.get(url)
    response = client.post(url, {"post": "yes"})
    bulk = client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )

    assert (page.status_code, response.status_code, bulk.status_code) == (403, 403, 403)
    assert Project.objects.filter(pk=published.pk).exists()


def test_published_project_can_be_deleted_by_superuser(client, published):
    client.force_login(UserFactory(username="admin-delete", is_superuser=True))

    response = client.post(reverse("admin:projects_project_delete", args=[published.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Project.objects.filter(pk=published.pk).exists()


def test_coordinator_may_delete_own_draft(client, bergkamen, coordinator_bergkamen):
    draft = ProjectFactory(municipality=bergkamen, status=Project.Status.DRAFT)
    client.force_login(coordinator_bergkamen)

    response = client.post(reverse("admin:projects_project_delete", args=[draft.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Project.objects.filter(pk=draft.pk).exists()


def test_coordinator_requests_archiving_and_reviewer_archives(
    client, published, coordinator_bergkamen, steering_member, django_capture_on_commit_callbacks, run_tasks
):
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:projects_project_change", args=[published.pk])
    data = form_data(client.get(url).content.decode(), "project_form")
    data["_request_archiving"] = ["Speichern und Archivierung beantragen"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.status, published.has_archive_request) == (Project.Status.PUBLISHED, True)
    assert list(Project.objects.awaiting_review()) == [published]
    run_tasks()
    assert mail.outbox[-1].subject == "Archivierung beantragt: Familienpaten Bergkamen"
    assert client.get(published.get_absolute_url()).status_code == 200

    client.force_login(steering_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:projects_project_review", args=[published.pk]), {"_archive": "Archivieren", "comment": ""}
        )

    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.status, published.has_archive_request, published.reviewed_by) == (
        Project.Status.ARCHIVED,
        False,
        steering_member,
    )
    assert client.get(published.get_absolute_url()).status_code == 404
    run_tasks()
    assert (mail.outbox[-1].subject, mail.outbox[-1].to) == (
        "Archiviert: Familienpaten Bergkamen",
        [coordinator_bergkamen.email],
    )


def test_project_archive_is_for_reviewers_only(published, coordinator_bergkamen):
    with pytest.raises(PermissionDenied):
        services.project_archive(project=published, by=coordinator_bergkamen)
    published.refresh_from_db()
    assert published.status == Project.Status.PUBLISHED


def test_project_return_of_an_archive_request_keeps_the_project_public(
    published, coordinator_bergkamen, steering_member
):
    services.project_request_archiving(project=published, by=coordinator_bergkamen)

    services.project_return(project=published, by=steering_member, comment="Das Projekt läuft doch weiter.")

    published.refresh_from_db()
    assert (published.status, published.has_archive_request, published.review_comment) == (
        Project.Status.PUBLISHED,
        False,
        "Das Projekt läuft doch weiter.",
    )


def test_project_request_archiving_refuses_a_draft(bergkamen, coordinator_bergkamen):
    draft = ProjectFactory(municipality=bergkamen, status=Project.Status.DRAFT)
    with pytest.raises(ValidationError) as error:
        services.project_request_archiving(project=draft, by=coordinator_bergkamen)
    assert error.value.messages == ["Archiviert werden können nur veröffentlichte Projekte."]
