import io
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.models import OutgoingMail, Role
from transfers import services
from transfers.models import Follow, Notification, NotificationPreference, TransferInterest

from ..factories import ProjectFactory, TransferOfferFactory, UserFactory

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP-Server nicht erreichbar")


class HangingBackend(BaseEmailBackend):
    """A mail server that accepts the connection and then never answers (until the SMTP timeout)."""

    calls = 0

    def send_messages(self, email_messages):
        HangingBackend.calls += 1
        time.sleep(3)
        raise TimeoutError("timed out")


def use_backend(settings, backend: str) -> None:
    settings.MAILERS = {"default": {"BACKEND": f"tests.transfers.test_notifications.{backend}"}}


def fast_forward() -> None:
    """Let the next retry of every waiting mail be due now (instead of minutes later)."""
    now = timezone.now()
    OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED).update(next_attempt_at=now)
    DBTaskResult.objects.filter(status="READY").update(run_after=now)


def register(offer, selm, user):
    return services.interest_register(offer=offer, municipality=selm, user=user, message="Hallo")


def test_interest_saved_while_mail_server_hangs_answers_at_once_and_worker_retries_the_mail(
    client,
    settings,
    baby_offer,
    selm,
    coordinator_selm,
    coordinator_bergkamen,
    django_capture_on_commit_callbacks,
    run_tasks,
    mailoutbox,
):
    use_backend(settings, "HangingBackend")
    HangingBackend.calls = 0
    client.force_login(coordinator_selm)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("transfers:interest_create", args=[baby_offer.pk]),
            {"municipality": selm.pk, "message": "Hallo", "contact_name": "S", "contact_email": "s@example.org"},
        )
    print(f"Anmeldung bei hängendem Mailserver: {time.monotonic() - started:.3f} s")  # old code: > 3 s

    # The request only wrote the mail into the outbox; it never talked to the mail server.
    interest = TransferInterest.objects.get()
    assert (response.status_code, response.url) == (302, interest.get_absolute_url())
    assert (HangingBackend.calls, mailoutbox) == (0, [])
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.subject, mail.status, mail.attempts) == (
        coordinator_bergkamen.email,
        "[Transferbörse] Neues Transferinteresse: Selm an „Baby-Besuchsdienst“",
        OutgoingMail.Status.QUEUED,
        0,
    )
    assert coordinator_bergkamen.transfer_notifications.get().interest == interest

    # The worker tries, fails and schedules the next attempt 5 minutes later.
    use_backend(settings, "FailingBackend")
    with django_capture_on_commit_callbacks(execute=True):
        assert run_tasks() == 1
    mail.refresh_from_db()
    retry = DBTaskResult.objects.get(status="READY")
    assert (mail.status, mail.attempts, retry.run_after) == (OutgoingMail.Status.QUEUED, 1, mail.next_attempt_at)
    assert mail.next_attempt_at - mail.claimed_at == timedelta(minutes=5)
    assert "ConnectionRefusedError: SMTP-Server nicht erreichbar" in mail.last_error
    assert run_tasks() == 0  # not due yet

    # Four more failures: each pause twice as long, then the mail is given up and marked failed.
    pauses = []
    for _attempt in range(4):
        fast_forward()
        with django_capture_on_commit_callbacks(execute=True):
            assert run_tasks() == 1
        mail.refresh_from_db()
        if mail.status == OutgoingMail.Status.QUEUED:
            pauses.append(mail.next_attempt_at - mail.claimed_at)
    assert pauses == [timedelta(minutes=10), timedelta(minutes=20), timedelta(minutes=40)]
    assert (mail.status, mail.attempts, DBTaskResult.objects.filter(status="READY").count()) == (
        OutgoingMail.Status.FAILED,
        5,
        0,
    )
    assert mailoutbox == []

    # The Redaktion sees the failure in the admin and sends it again once the server works.
    editor = UserFactory(username="redaktion-test")
    editor.groups.add(Group.objects.get(name=Role.EDITORIAL))
    client.force_login(editor)
    changelist = client.get(reverse("admin:accounts_outgoingmail_changelist"), {"status__exact": "failed"})
    assert list(changelist.context["cl"].result_list) == [mail]
    assert "SMTP-Server nicht erreichbar" in changelist.content.decode()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_outgoingmail_changelist"), {"action": "retry", "_selected_action": [mail.pk]}
        )
    assert response.status_code == 302
    assert run_tasks() == 1
    mail.refresh_from_db()
    assert (mail.status, mail.last_error) == (OutgoingMail.Status.SENT, "")
    assert [(m.to, m.subject) for m in mailoutbox] == [([coordinator_bergkamen.email], mail.subject)]


def test_failing_mail_on_step_keeps_the_new_stage(
    settings, make_interest, coordinator_bergkamen, django_capture_on_commit_callbacks, run_tasks
):
    use_backend(settings, "FailingBackend")
    interest = make_interest()
    with django_capture_on_commit_callbacks(execute=True):
        services.interest_advance(interest=interest, action="accept", user=coordinator_bergkamen)
    run_tasks()
    interest.refresh_from_db()
    assert interest.stage == "first_meeting"
    assert list(OutgoingMail.objects.values_list("status", "attempts")) == [(OutgoingMail.Status.QUEUED, 1)]


def test_mail_queued_with_the_step_and_sent_only_after_commit(
    baby_offer, selm, coordinator_selm, coordinator_bergkamen, mailoutbox, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(baby_offer, selm, coordinator_selm)
    assert (len(callbacks), OutgoingMail.objects.get().to, mailoutbox) == (1, coordinator_bergkamen.email, [])
    assert run_tasks() == 0  # nothing enqueued before the commit
    callbacks[0]()
    assert run_tasks() == 1
    assert [m.to for m in mailoutbox] == [[coordinator_bergkamen.email]]


def test_instant_mail_links_the_interest_and_the_notification_settings(
    settings, baby_offer, selm, coordinator_selm, coordinator_bergkamen
):
    settings.SITE_URL = "https://transfer.example.org/"
    interest = register(baby_offer, selm, coordinator_selm)
    mail = OutgoingMail.objects.get()
    assert mail.body == (
        "Guten Tag koordination-bergkamen-test,\n"
        "\n"
        "Selm hat Interesse an Ihrem Transfer-Angebot „Baby-Besuchsdienst“ angemeldet.\n"
        "\n"
        "Nachricht: Hallo\n"
        "Gewünschte Leistungen: –\n"
        "Zeitraum: –\n"
        "\n"
        "Bitte nehmen Sie das Interesse an oder lehnen Sie es ab.\n"
        "\n"
        f"Direkt zum Vorgang: https://transfer.example.org{interest.get_absolute_url()}\n"
        "\n"
        "-- \n"
        "Transferbörse – diese E-Mail wurde automatisch versandt.\n"
        "Wann und wie oft Sie E-Mails erhalten, stellen Sie hier ein: "
        "https://transfer.example.org/transfer/benachrichtigungen/\n"
    )


def test_daily_digest_collects_notifications(
    baby_offer,
    selm,
    coordinator_selm,
    coordinator_bergkamen,
    mailoutbox,
    django_capture_on_commit_callbacks,
    run_tasks,
):
    services.notification_preference_set(user=coordinator_bergkamen, frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        interest = register(baby_offer, selm, coordinator_selm)
        services.interest_advance(interest=interest, action="withdraw", user=coordinator_selm, comment="Doch nicht")
    run_tasks()
    assert (mailoutbox, OutgoingMail.objects.count()) == ([], 0)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "weekly", stdout=io.StringIO())
    assert OutgoingMail.objects.count() == 0
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "daily", stdout=out)
    assert out.getvalue() == "1 Zusammenfassung(en) in den Postausgang gestellt.\n"
    assert coordinator_bergkamen.transfer_notifications.unmailed().count() == 0
    assert mailoutbox == []  # the command only fills the outbox; the worker sends
    assert run_tasks() == 1
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([coordinator_bergkamen.email], "[Transferbörse] Ihre Zusammenfassung: 2 Neuigkeiten")
    ]
    body = mailoutbox[0].body
    assert "Neues Transferinteresse: Selm an „Baby-Besuchsdienst“" in body
    assert f"{settings_url()}{interest.get_absolute_url()}" in body
    assert f"{settings_url()}/transfer/benachrichtigungen/" in body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "daily", stdout=io.StringIO())
    assert OutgoingMail.objects.count() == 1


def settings_url() -> str:
    from django.conf import settings

    return settings.SITE_URL.rstrip("/")


def test_notification_page_lists_own_and_saves_preference(
    client, baby_offer, selm, coordinator_selm, coordinator_bergkamen
):
    register(baby_offer, selm, coordinator_selm)
    client.force_login(coordinator_selm)
    assert list(client.get(reverse("transfers:notifications")).context["notifications"]) == []
    client.force_login(coordinator_bergkamen)
    response = client.get(reverse("transfers:notifications"))
    assert [n.subject for n in response.context["notifications"]] == [
        "Neues Transferinteresse: Selm an „Baby-Besuchsdienst“"
    ]
    settings = {field: "instant" for field in NotificationPreference.FIELDS.values()}
    response = client.post(reverse("transfers:notifications"), {**settings, "frequency": "weekly"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=coordinator_bergkamen).frequency == "weekly"
    response = client.post(reverse("transfers:notifications"), {**settings, "frequency": "stündlich"})
    assert response.status_code == 400
    client.post(reverse("transfers:notifications"), {"mark_read": "1"})
    assert coordinator_bergkamen.transfer_notifications.unread().count() == 0


def test_notification_page_anonymous_goes_to_login(client):
    assert client.get(reverse("transfers:notifications")).url == "/verwaltung/login/?next=/transfer/benachrichtigungen/"


def test_follow_offer_and_project_brings_news(
    client,
    make_interest,
    baby_offer,
    coordinator_unna,
    coordinator_selm,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    client.force_login(coordinator_unna)
    client.post(reverse("transfers:follow", args=["angebot", baby_offer.pk]))
    client.post(reverse("transfers:follow", args=["projekt", baby_offer.project.pk]))
    assert Follow.objects.filter(user=coordinator_unna).count() == 2
    interest = make_interest(stage="implemented")
    with django_capture_on_commit_callbacks(execute=True):
        services.interest_advance(
            interest=interest,
            action="rate",
            user=coordinator_selm,
            experience={"experience_worked": "Alles", "rating": 4},
        )
    assert list(coordinator_unna.transfer_notifications.values_list("subject", flat=True)) == [
        "Neuer Erfahrungsbericht zu „Baby-Besuchsdienst“"
    ]
    # unfollow toggles
    client.post(reverse("transfers:follow", args=["angebot", baby_offer.pk]))
    assert Follow.objects.filter(user=coordinator_unna, offer=baby_offer).count() == 0


def test_follow_unknown_kind_refused(client, coordinator_unna, baby_offer):
    client.force_login(coordinator_unna)
    assert client.post(reverse("transfers:follow", args=["kommune", baby_offer.pk])).status_code == 403
    assert Notification.objects.count() == 0


def test_each_kind_of_notification_is_mailed_as_its_own_setting_says(
    baby_offer, selm, coordinator_selm, coordinator_bergkamen, run_tasks, django_capture_on_commit_callbacks
):
    from django.core import mail

    services.notification_preference_set(user=coordinator_bergkamen, frequency="instant", followed_frequency="weekly")
    selm_project = ProjectFactory(municipality=selm, title="Stadtteileltern Selm")
    services.follow_toggle(user=coordinator_bergkamen, target=selm_project)
    with django_capture_on_commit_callbacks(execute=True):
        register(baby_offer, selm, coordinator_selm)  # Bergkamen's own transfer
        offer = TransferOfferFactory(project=selm_project)
        services.offer_announce(offer=offer, was_public=False, by=coordinator_selm)  # news of a followed project
    run_tasks()
    assert [m.subject for m in mail.outbox] == ["[Transferbörse] Neues Transferinteresse: Selm an „Baby-Besuchsdienst“"]

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "daily", stdout=io.StringIO())
        call_command("send_digests", "weekly", stdout=io.StringIO())
    run_tasks()
    [_instant, weekly] = mail.outbox
    assert weekly.subject == "[Transferbörse] Ihre Zusammenfassung: 1 Neuigkeit"
    assert "Neues Transfer-Angebot zu „Stadtteileltern Selm“" in weekly.body
    assert "Baby-Besuchsdienst" not in weekly.body


def test_kind_without_mail_stays_in_the_portal_and_never_reaches_a_digest(
    baby_offer, selm, coordinator_selm, coordinator_bergkamen, run_tasks, django_capture_on_commit_callbacks
):
    from django.core import mail

    services.notification_preference_set(user=coordinator_bergkamen, frequency="never")
    with django_capture_on_commit_callbacks(execute=True):
        register(baby_offer, selm, coordinator_selm)
        call_command("send_digests", "daily", stdout=io.StringIO())
        call_command("send_digests", "weekly", stdout=io.StringIO())
    run_tasks()

    assert mail.outbox == []
    assert [n.subject for n in coordinator_bergkamen.transfer_notifications.all()] == [
        "Neues Transferinteresse: Selm an „Baby-Besuchsdienst“"
    ]


def test_notification_page_saves_a_setting_per_kind(client, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)
    page = client.get(reverse("transfers:notifications")).content.decode()
    assert "Neues zu abonnierten Angeboten, Gesuchen und Projekten" in page
    assert "keine E-Mail, nur im Portal" in page

    response = client.post(
        reverse("transfers:notifications"),
        {
            "frequency": "instant",
            "followed_frequency": "weekly",
            "saved_search_frequency": "daily",
            "reminder_frequency": "never",
        },
    )

    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=coordinator_bergkamen)
    assert [preference.frequency_for(kind) for kind in Notification.Kind] == ["instant", "weekly", "daily", "never"]


def test_followers_of_a_project_hear_once_when_its_offer_goes_public_in_the_back_office(
    client, selm, coordinator_selm, coordinator_bergkamen
):
    from ..admin.conftest import form_data

    project = ProjectFactory(municipality=selm, title="Stadtteileltern Selm")
    offer = TransferOfferFactory(project=project, is_active=False)
    services.follow_toggle(user=coordinator_bergkamen, target=project)
    client.force_login(coordinator_selm)
    url = reverse("admin:transfers_transferoffer_change", args=[offer.pk])
    data = form_data(client.get(url).content.decode(), "transferoffer_form")
    data["is_active"] = ["on"]

    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # saved again: already public, nothing new

    [news] = coordinator_bergkamen.transfer_notifications.all()
    assert (news.kind, news.subject) == ("followed", "Neues Transfer-Angebot zu „Stadtteileltern Selm“")
    assert news.url == offer.get_absolute_url()


def test_followers_hear_of_an_offer_switched_off_and_on_again_only_once_within_30_days(
    client, selm, coordinator_selm, coordinator_bergkamen
):
    from datetime import timedelta

    from django.utils import timezone

    from transfers.models import TransferOffer

    from ..admin.conftest import form_data

    project = ProjectFactory(municipality=selm, title="Stadtteileltern Selm")
    offer = TransferOfferFactory(project=project, is_active=False)
    services.follow_toggle(user=coordinator_bergkamen, target=project)
    client.force_login(coordinator_selm)
    url = reverse("admin:transfers_transferoffer_change", args=[offer.pk])
    data = form_data(client.get(url).content.decode(), "transferoffer_form")
    switched_off = {name: value for name, value in data.items() if name != "is_active"}
    switched_on = {**data, "is_active": ["on"]}

    for step in (switched_on, switched_off, switched_on, switched_off, switched_on):
        assert client.post(url, step).status_code == 302
    assert coordinator_bergkamen.transfer_notifications.count() == 1

    TransferOffer.objects.filter(pk=offer.pk).update(announced_at=timezone.now() - timedelta(days=31))
    client.post(url, switched_off)
    client.post(url, switched_on)
    assert coordinator_bergkamen.transfer_notifications.count() == 2
