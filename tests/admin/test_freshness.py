"""Freshness: "Als aktuell bestätigen", the daily reminder and the public staleness flag."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone

from projects import services
from projects.models import Project

from ..factories import ProjectFactory, make_coordinator
from .conftest import form_data

pytestmark = pytest.mark.django_db


def _ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.mark.parametrize(
    ("confirmed_days_ago", "needs_confirmation", "is_stale"),
    [(None, True, True), (10, False, False), (366, True, False), (549, True, True)],
)
def test_project_confirmation_age_flags(confirmed_days_ago, needs_confirmation, is_stale):
    confirmed_at = None if confirmed_days_ago is None else _ago(confirmed_days_ago)
    project = ProjectFactory.build(confirmed_at=confirmed_at)
    assert (project.needs_confirmation, project.is_stale) == (needs_confirmation, is_stale)


def test_admin_confirm_button_sets_confirmed_at(client, bergkamen, coordinator_bergkamen):
    project = ProjectFactory(municipality=bergkamen, confirmed_at=_ago(400))
    client.force_login(coordinator_bergkamen)
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = form_data(client.get(url).content.decode(), "project_form")
    data["_confirm_current"] = ["Speichern und als aktuell bestätigen"]

    response = client.post(url, data)

    assert response.status_code == 302
    project.refresh_from_db()
    assert timezone.now() - project.confirmed_at < timedelta(minutes=1)
    assert project.pending_changes == {}


def test_project_confirm_by_another_town_is_denied(bergkamen, coordinator_selm):
    from django.core.exceptions import PermissionDenied

    project = ProjectFactory(municipality=bergkamen, confirmed_at=_ago(400))
    with pytest.raises(PermissionDenied):
        services.project_confirm(project=project, by=coordinator_selm)


def test_remind_stale_mails_each_coordinator_their_own_projects_once(
    bergkamen, selm, coordinator_bergkamen, coordinator_selm, django_capture_on_commit_callbacks, run_tasks
):
    second_bergkamen = make_coordinator(bergkamen, username="vertretung-bergkamen")
    ProjectFactory(municipality=bergkamen, title="Alt Bergkamen", confirmed_at=_ago(400))
    ProjectFactory(municipality=bergkamen, title="Frisch Bergkamen", confirmed_at=_ago(10))
    ProjectFactory(municipality=bergkamen, title="Entwurf Bergkamen", confirmed_at=None, status=Project.Status.DRAFT)
    ProjectFactory(municipality=selm, title="Alt Selm", confirmed_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_stale", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_tasks()

    sent = {tuple(message.to): message for message in mail.outbox}
    assert sorted(sent) == sorted(
        [(coordinator_bergkamen.email,), (second_bergkamen.email,), (coordinator_selm.email,)]
    )
    bergkamen_body = sent[(coordinator_bergkamen.email,)].body
    assert "Alt Bergkamen" in bergkamen_body
    assert "Frisch Bergkamen" not in bergkamen_body
    assert "Entwurf Bergkamen" not in bergkamen_body
    assert "Alt Selm" not in bergkamen_body
    assert "noch nie bestätigt" in sent[(coordinator_selm.email,)].body

    mail.outbox.clear()
    assert services.projects_remind_stale() == 0  # not again the next day
    assert services.projects_remind_stale(now=timezone.now() + timedelta(days=31)) == 3  # but after a month


def test_admin_bulk_confirm_only_touches_own_projects(client, bergkamen, selm, coordinator_bergkamen):
    own = ProjectFactory(municipality=bergkamen, confirmed_at=_ago(400))
    foreign = ProjectFactory(municipality=selm, confirmed_at=_ago(400))
    client.force_login(coordinator_bergkamen)

    response = client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "confirm_selected", "_selected_action": [own.pk, foreign.pk]},
    )

    assert response.status_code == 302
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert timezone.now() - own.confirmed_at < timedelta(minutes=1)
    assert timezone.now() - foreign.confirmed_at > timedelta(days=399)


@pytest.mark.parametrize(
    ("confirmed_days_ago", "note"),
    [
        (640, "Angaben möglicherweise veraltet (zuletzt bestätigt am {date})"),
        (None, "Angaben möglicherweise veraltet (noch nie als aktuell bestätigt)"),
        (500, None),
    ],
)
def test_project_page_says_when_its_entry_may_be_outdated(client, bergkamen, confirmed_days_ago, note):
    confirmed_at = None if confirmed_days_ago is None else _ago(confirmed_days_ago)
    project = ProjectFactory(municipality=bergkamen, status=Project.Status.PUBLISHED)
    Project.objects.filter(pk=project.pk).update(confirmed_at=confirmed_at)  # publishing confirms; undo that

    page = client.get(project.get_absolute_url()).content.decode()

    if note is None:
        assert "möglicherweise veraltet" not in page
    else:
        shown = date_filter(timezone.localtime(confirmed_at), "j. F Y") if confirmed_at else ""
        assert note.format(date=shown) in page


def test_currently_confirmed_are_the_published_projects_confirmed_within_18_months(bergkamen):
    fresh = ProjectFactory(title="Frisch", municipality=bergkamen, status=Project.Status.PUBLISHED)
    old = ProjectFactory(title="Alt", municipality=bergkamen, status=Project.Status.PUBLISHED)
    never = ProjectFactory(title="Nie", municipality=bergkamen, status=Project.Status.PUBLISHED)
    draft = ProjectFactory(title="Entwurf", municipality=bergkamen, status=Project.Status.DRAFT)
    Project.objects.filter(pk=fresh.pk).update(confirmed_at=_ago(500))
    Project.objects.filter(pk=old.pk).update(confirmed_at=_ago(640))
    Project.objects.filter(pk=never.pk).update(confirmed_at=None)
    Project.objects.filter(pk=draft.pk).update(confirmed_at=_ago(1))

    assert list(Project.objects.currently_confirmed().values_list("title", flat=True)) == ["Frisch"]
    assert [project.is_stale for project in Project.objects.filter(pk__in=[fresh.pk, old.pk]).order_by("title")] == [
        True,
        False,
    ]
