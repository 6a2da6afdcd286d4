"""Restoring an old version (simple-history's "revert") respects review and workflow."""

import pytest
from django.urls import reverse

from projects import services as project_services
from projects.models import Project
from transfers import services as transfer_services
from transfers.models import Action, TransferInterest, TransferRequest

from ..factories import (
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    TransferRequestFactory,
    TransitionFactory,
    UserFactory,
)
from .conftest import form_data

pytestmark = pytest.mark.django_db


def _version_url(obj, version) -> str:
    return reverse(
        f"admin:{obj._meta.app_label}_{obj._meta.model_name}_simple_history", args=[obj.pk, version.history_id]
    )


def _restore(client, obj, version):
    url = _version_url(obj, version)
    data = form_data(client.get(url).content.decode(), f"historical{obj._meta.model_name}_form")
    data["_save"] = ["Wiederherstellen"]
    return client.post(url, data)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin-restore", is_superuser=True)


def test_restoring_the_published_version_of_an_archived_project_keeps_it_archived(
    client, bergkamen, coordinator_bergkamen
):
    project = ProjectFactory(municipality=bergkamen, title="Familienpaten Bergkamen")
    published_version = project.history.first()
    Project.objects.filter(pk=project.pk).update(status=Project.Status.ARCHIVED)  # as a superuser archived it
    client.force_login(coordinator_bergkamen)

    response = _restore(client, project, published_version)

    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.status, project.pending_changes) == (Project.Status.ARCHIVED, {})
    assert client.get(project.get_absolute_url()).status_code == 404


def test_restoring_an_old_version_of_a_published_project_by_a_reviewer_waits_for_review(
    client, bergkamen, coordinator_bergkamen, steering_member
):
    kita, school = TransitionFactory(name="Kita"), TransitionFactory(name="Grundschule")
    project = ProjectFactory(municipality=bergkamen, title="Familienpaten", transitions=[kita])
    project_services.project_confirm(project=project, by=steering_member)  # a version with the Übergang
    old_version = project.history.first()
    project_services.project_propose_changes(
        project=project, changes={"title": "Familienpaten 2.0", "transitions": [school.pk]}, by=coordinator_bergkamen
    )
    project_services.project_approve_changes(project=project, by=steering_member)
    client.force_login(steering_member)

    response = _restore(client, project, old_version)

    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.status, project.title, list(project.transitions.all())) == (
        Project.Status.PUBLISHED,
        "Familienpaten 2.0",
        [school],
    )
    assert project.pending_changes == {"title": "Familienpaten", "transitions": [kita.pk]}


def test_restoring_an_old_version_of_a_draft_is_a_new_draft_with_its_many_to_many_fields(
    client, bergkamen, coordinator_bergkamen
):
    kita, school = TransitionFactory(name="Kita"), TransitionFactory(name="Grundschule")
    project = ProjectFactory(
        municipality=bergkamen, title="Entwurf", status=Project.Status.DRAFT, confirmed_at=None, transitions=[kita]
    )
    project_services.project_confirm(project=project, by=coordinator_bergkamen)
    old_version = project.history.first()
    project_services.project_save(
        project=project,
        cleaned_data={"title": "Entwurf neu", "transitions": [school]},
        by=coordinator_bergkamen,
    )
    client.force_login(coordinator_bergkamen)

    response = _restore(client, project, old_version)

    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.status, project.title, list(project.transitions.all())) == (
        Project.Status.DRAFT,
        "Entwurf",
        [kita],
    )


def test_restoring_an_open_version_of_a_closed_request_restores_only_its_content(
    client, bergkamen, coordinator_bergkamen
):
    request = TransferRequestFactory(municipality=bergkamen, title="Kita-Übergang gesucht")
    open_version = request.history.first()
    TransferRequest.objects.filter(pk=request.pk).update(title="Geändert")
    transfer_services.request_close(request=TransferRequest.objects.get(pk=request.pk), user=coordinator_bergkamen)
    client.force_login(coordinator_bergkamen)

    response = _restore(client, request, open_version)

    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.title, request.status) == ("Kita-Übergang gesucht", TransferRequest.Status.CLOSED)


@pytest.mark.parametrize("role", ["coordinator_bergkamen", "steering_member", "superuser"])
def test_restoring_a_version_of_a_transfer_is_refused(request, client, bergkamen, selm, coordinator_selm, role):
    offer = TransferOfferFactory(project=ProjectFactory(municipality=selm))
    interest = TransferInterestFactory(offer=offer, municipality=bergkamen)
    registered_version = interest.history.first()
    transfer_services.interest_advance(interest=interest, action=Action.DECLINE, user=coordinator_selm)
    client.force_login(request.getfixturevalue(role))
    url = _version_url(interest, registered_version)

    page = client.get(url)
    response = client.post(url, {"message": "Neu", "_save": "Wiederherstellen"})

    assert page.status_code == 200
    assert (page.context["revert_disabled"], 'name="_save"' in page.content.decode()) == (True, False)
    assert response.status_code == 403
    interest.refresh_from_db()
    assert interest.stage == TransferInterest.Stage.DECLINED


def test_restoring_a_version_of_another_towns_project_is_forbidden(client, bergkamen, coordinator_selm):
    project = ProjectFactory(municipality=bergkamen, title="Familienpaten Bergkamen")
    client.force_login(coordinator_selm)

    response = client.post(_version_url(project, project.history.first()), {"title": "Übernommen"})

    assert response.status_code == 403
    project.refresh_from_db()
    assert (project.title, project.pending_changes) == ("Familienpaten Bergkamen", {})


@pytest.mark.parametrize(("object_id", "version_id"), [("abc", "1"), ("1", "abc"), ("999999", "1")])
def test_history_version_page_with_a_bad_address_is_404(client, steering_member, object_id, version_id):
    client.force_login(steering_member)

    response = client.get(f"/verwaltung/projects/project/{object_id}/history/{version_id}/")

    assert response.status_code == 404


def test_version_page_names_the_app_and_the_list_in_german(client, bergkamen, coordinator_bergkamen):
    project = ProjectFactory(municipality=bergkamen, title="Familienpaten Bergkamen")
    client.force_login(coordinator_bergkamen)

    html = client.get(_version_url(project, project.history.first())).content.decode()

    crumbs = html.split('<div class="breadcrumbs">', 1)[1].split("</div>", 1)[0]
    names = [part.split(">", 1)[1].split("<", 1)[0] for part in crumbs.split("<a ")[1:]]
    assert names == ["Start", "Kommunen und Projekte", "Projekte", "Familienpaten Bergkamen", "Geschichte"]
