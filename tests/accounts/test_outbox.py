"""The mail outbox: written with the step, sent by the worker, never lost."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts import outbox
from accounts.models import OutgoingMail, Role
from projects import services as project_services
from projects.models import Project

from ..factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = OutgoingMail.Status


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP-Server nicht erreichbar")


def queue(user, **context):
    return outbox.mails_queue(
        recipients=[user],
        template="project_published",
        context={"project": ProjectFactory(title="Babylotsen"), "url": "https://example.org/p/", **context},
    )


def waiting_tasks() -> list:
    return list(DBTaskResult.objects.filter(status="READY").values_list("task_path", "args_kwargs__args"))


@pytest.fixture
def recipient(db):
    return UserFactory(username="empfang", first_name="Erika", last_name="Empfang")


@pytest.fixture
def editor(db):
    user = UserFactory(username="redaktion-test")
    user.groups.add(Group.objects.get(name=Role.EDITORIAL))
    return user


def test_mail_of_a_step_that_rolls_back_is_never_sent(recipient, django_capture_on_commit_callbacks, run_tasks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue(recipient)
        raise RuntimeError("Schritt gescheitert")
    assert (OutgoingMail.objects.count(), callbacks, run_tasks()) == (0, [], 0)


def test_mail_text_is_german_plain_text_with_links(settings, recipient):
    settings.SITE_URL = "https://transfer.example.org"
    project = ProjectFactory(title="Kita & Familie <Hamm>")
    mail = outbox.mails_queue(
        recipients=[recipient],
        template="project_published",
        context={"project": project, "url": outbox.absolute_url(project.get_absolute_url())},
    )[0]
    assert (mail.to, mail.subject, mail.template) == (
        "empfang@example.org",
        "Veröffentlicht: Kita & Familie <Hamm>",
        "project_published",
    )
    assert mail.body == (
        "Guten Tag Erika Empfang,\n"
        "\n"
        "Das Projekt „Kita & Familie <Hamm>“ wurde geprüft und ist jetzt öffentlich sichtbar.\n"
        "\n"
        f"Zum Projekt: https://transfer.example.org{project.get_absolute_url()}\n"
        "\n"
        "-- \n"
        "Transferbörse – diese E-Mail wurde automatisch versandt.\n"
        "Wann und wie oft Sie E-Mails erhalten, stellen Sie hier ein: "
        "https://transfer.example.org/transfer/benachrichtigungen/\n"
    )


def test_mails_queue_skips_users_without_address_and_duplicates(recipient):
    no_address = UserFactory(username="ohne", email="")
    same = UserFactory(username="gleich", email="EMPFANG@example.org")
    mails = outbox.mails_queue(
        recipients=[recipient, no_address, same],
        template="project_published",
        context={"project": ProjectFactory(), "url": "https://example.org/"},
    )
    assert [mail.to for mail in mails] == ["empfang@example.org"]


def test_task_enqueued_twice_sends_the_mail_once(recipient, mailoutbox, django_capture_on_commit_callbacks, run_tasks):
    with django_capture_on_commit_callbacks(execute=True):
        (mail,) = queue(recipient)
        outbox.tasks.outgoing_mail_send.enqueue(mail.pk)
    assert run_tasks() == 2
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, len(mailoutbox)) == (Status.SENT, 1, 1)
    assert mail.sent_at is not None


def test_worker_never_retries_before_the_backoff_is_over(
    settings, recipient, django_capture_on_commit_callbacks, run_tasks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.accounts.test_outbox.FailingBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        (mail,) = queue(recipient)
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()
    # A second task for the same mail (e.g. from "erneut versuchen" racing a retry) finds it not due.
    with django_capture_on_commit_callbacks(execute=True):
        outbox.tasks.outgoing_mail_send.enqueue(mail.pk)
    assert run_tasks() == 1
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (Status.QUEUED, 1)
    assert mail.next_attempt_at == mail.claimed_at + timedelta(minutes=5)


@pytest.mark.parametrize(("attempts", "status"), [(1, Status.QUEUED), (5, Status.FAILED)])
def test_sweep_recovers_mail_whose_worker_was_killed_while_sending(
    recipient, mailoutbox, django_capture_on_commit_callbacks, run_tasks, attempts, status
):
    (mail,) = queue(recipient)  # its task was never enqueued (callback not run): as if lost
    claimed = timezone.now() - timedelta(minutes=11)
    OutgoingMail.objects.filter(pk=mail.pk).update(status=Status.SENDING, attempts=attempts, claimed_at=claimed)

    with django_capture_on_commit_callbacks(execute=True):
        requeued = outbox.outbox_sweep()
    mail.refresh_from_db()
    assert (requeued, mail.status, "Versand abgebrochen" in mail.last_error) == (int(attempts < 5), status, True)
    run_tasks()
    mail.refresh_from_db()
    assert (mail.status, len(mailoutbox)) == ((Status.SENT, 1) if attempts < 5 else (Status.FAILED, 0))


def test_sweep_leaves_mail_being_sent_right_now(recipient, django_capture_on_commit_callbacks):
    (mail,) = queue(recipient)
    OutgoingMail.objects.filter(pk=mail.pk).update(status=Status.SENDING, attempts=1, claimed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.outbox_sweep() == 0
    mail.refresh_from_db()
    assert (mail.status, waiting_tasks()) == (Status.SENDING, [])


def test_sweep_requeues_overdue_mail_without_task_but_not_one_with_a_waiting_task(
    recipient, django_capture_on_commit_callbacks
):
    overdue = timezone.now() - timedelta(minutes=3)
    (lost,) = queue(recipient)  # task lost
    with django_capture_on_commit_callbacks(execute=True):
        (waiting,) = queue(UserFactory(username="wartend"))  # task still in the queue
    OutgoingMail.objects.update(next_attempt_at=overdue)

    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.outbox_sweep() == 1
    assert sorted(waiting_tasks()) == sorted(
        [("accounts.tasks.outgoing_mail_send", [lost.pk]), ("accounts.tasks.outgoing_mail_send", [waiting.pk])]
    )


def test_sweep_deletes_sent_mails_after_ninety_days(recipient):
    old, recent = queue(recipient)[0], queue(UserFactory(username="neu"))[0]
    OutgoingMail.objects.filter(pk=old.pk).update(status=Status.SENT, sent_at=timezone.now() - timedelta(days=91))
    OutgoingMail.objects.filter(pk=recent.pk).update(status=Status.SENT, sent_at=timezone.now() - timedelta(days=89))
    outbox.outbox_sweep()
    assert list(OutgoingMail.objects.values_list("pk", flat=True)) == [recent.pk]


def test_send_outbox_command_schedules_exactly_one_periodic_sweep(
    recipient, django_capture_on_commit_callbacks, run_tasks
):
    queue(recipient)  # its task was lost
    OutgoingMail.objects.update(next_attempt_at=timezone.now() - timedelta(minutes=3))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_outbox", stdout=out)
    with django_capture_on_commit_callbacks(execute=True):  # e.g. a second worker starting
        call_command("send_outbox", stdout=io.StringIO())
    assert out.getvalue() == "1 E-Mail(s) erneut in die Warteschlange gestellt.\n"
    sweeps = DBTaskResult.objects.filter(status="READY", task_path="accounts.tasks.outbox_sweep")
    assert sweeps.count() == 1
    assert sweeps.get().run_after > timezone.now() + timedelta(minutes=4)

    # When it is due, the sweep runs and schedules its successor.
    sweeps.update(run_after=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()
    assert sweeps.count() == 1
    assert OutgoingMail.objects.get().status == Status.SENT


# --- the admin ------------------------------------------------------------------------------------


@pytest.fixture
def failed_mail(recipient):
    (mail,) = queue(recipient)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=Status.FAILED, attempts=5, last_error="ConnectionRefusedError: SMTP-Server nicht erreichbar"
    )
    mail.refresh_from_db()
    return mail


@pytest.mark.parametrize("role", [Role.EDITORIAL, Role.STEERING_GROUP, "superuser"])
def test_outbox_changelist_shows_reviewers_status_attempts_and_error(client, failed_mail, role):
    user = UserFactory(username="pruefend", is_superuser=role == "superuser")
    if role != "superuser":
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    response = client.get(reverse("admin:accounts_outgoingmail_changelist"))
    assert list(response.context["cl"].result_list) == [failed_mail]
    page = response.content.decode()
    assert ("fehlgeschlagen" in page, "SMTP-Server nicht erreichbar" in page, "Erneut versuchen" in page) == (
        True,
        True,
        True,
    )


def test_outbox_is_hidden_from_coordinators_and_anonymous(client, failed_mail, coordinator_selm):
    url = reverse("admin:accounts_outgoingmail_changelist")
    assert client.get(url).url == f"/verwaltung/login/?next={url}"
    client.force_login(coordinator_selm)
    assert client.get(url).status_code == 403
    assert client.get(reverse("admin:accounts_outgoingmail_change", args=[failed_mail.pk])).status_code == 403
    response = client.post(url, {"action": "retry", "_selected_action": [failed_mail.pk]})
    assert response.status_code == 403
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.FAILED


def test_outbox_admin_is_read_only(client, editor, failed_mail):
    client.force_login(editor)
    assert client.get(reverse("admin:accounts_outgoingmail_add")).status_code == 403
    change_url = reverse("admin:accounts_outgoingmail_change", args=[failed_mail.pk])
    assert client.post(change_url, {"to": "x@example.org", "status": "sent"}).status_code == 403
    assert client.get(reverse("admin:accounts_outgoingmail_delete", args=[failed_mail.pk])).status_code == 403
    page = client.get(change_url)
    assert (page.status_code, "SMTP-Server nicht erreichbar" in page.content.decode()) == (200, True)
    failed_mail.refresh_from_db()
    assert (failed_mail.to, failed_mail.status) == ("empfang@example.org", Status.FAILED)


def test_retry_action_sends_failed_mail_again_and_skips_sent_ones(
    client, editor, failed_mail, mailoutbox, django_capture_on_commit_callbacks, run_tasks
):
    (sent,) = queue(UserFactory(username="schon-versandt"))
    OutgoingMail.objects.filter(pk=sent.pk).update(status=Status.SENT, sent_at=timezone.now())
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_outgoingmail_changelist"),
            {"action": "retry", "_selected_action": [failed_mail.pk, sent.pk]},
            follow=True,
        )
    assert [str(message) for message in response.context["messages"]] == [
        "1 E-Mail wird erneut versandt.",
        "1 ausgewählte E-Mail(s) wurden übersprungen: sie sind bereits versandt oder werden gerade versandt.",
    ]
    failed_mail.refresh_from_db()
    assert (failed_mail.status, failed_mail.attempts) == (Status.QUEUED, 0)
    assert run_tasks() == 1
    failed_mail.refresh_from_db()
    assert (failed_mail.status, [m.to for m in mailoutbox]) == (Status.SENT, [["empfang@example.org"]])


# --- the mails of the review workflow -------------------------------------------------------------


def test_review_mails_link_the_review_page_and_the_project(settings, bergkamen, coordinator_bergkamen, steering_member):
    settings.SITE_URL = "https://transfer.example.org"
    draft = ProjectFactory(municipality=bergkamen, title="Babylotsen", status=Project.Status.DRAFT)
    project_services.project_submit(project=draft, by=coordinator_bergkamen)
    project_services.project_return(project=draft, by=steering_member, comment="Bitte Ziele ergänzen.")
    project_services.project_submit(project=draft, by=coordinator_bergkamen)
    project_services.project_publish(project=draft, by=steering_member)

    mails = list(OutgoingMail.objects.order_by("pk").values_list("to", "template", "subject"))
    assert mails == [
        (steering_member.email, "project_submitted", "Zur Prüfung eingereicht: Babylotsen"),
        (coordinator_bergkamen.email, "project_returned", "Zurückgegeben: Babylotsen"),
        (steering_member.email, "project_submitted", "Zur Prüfung eingereicht: Babylotsen"),
        (coordinator_bergkamen.email, "project_published", "Veröffentlicht: Babylotsen"),
    ]
    submitted, returned, _again, published = OutgoingMail.objects.order_by("pk")
    site = "https://transfer.example.org"
    assert f"Zur Prüfung: {site}/verwaltung/projects/project/{draft.pk}/pruefen/\n" in submitted.body
    assert "Bitte Ziele ergänzen.\n" in returned.body
    assert f"Projekt bearbeiten: {site}/verwaltung/projects/project/{draft.pk}/change/\n" in returned.body
    assert f"Zum Projekt: {site}{draft.get_absolute_url()}\n" in published.body
    for mail in (submitted, returned, published):
        assert mail.body.endswith(f"stellen Sie hier ein: {site}/transfer/benachrichtigungen/\n")
