import io

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse

from transfers import services
from transfers.models import Follow, Notification, NotificationPreference, TransferInterest

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP-Server nicht erreichbar")


def register(offer, selm, user):
    return services.interest_register(offer=offer, municipality=selm, user=user, message="Hallo")


def test_failing_mail_never_undoes_the_step(
    client, settings, baby_offer, selm, coordinator_selm, coordinator_bergkamen, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.transfers.test_notifications.FailingBackend"}}
    client.force_login(coordinator_selm)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("transfers:interest_create", args=[baby_offer.pk]),
            {"municipality": selm.pk, "message": "Hallo", "contact_name": "S", "contact_email": "s@example.org"},
        )
    interest = TransferInterest.objects.get()
    assert (response.status_code, response.url) == (302, interest.get_absolute_url())
    notification = coordinator_bergkamen.transfer_notifications.get()
    assert (notification.interest, notification.mailed_at) == (interest, None)


def test_failing_mail_on_step_keeps_the_new_stage(
    settings, make_interest, coordinator_bergkamen, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.transfers.test_notifications.FailingBackend"}}
    interest = make_interest()
    with django_capture_on_commit_callbacks(execute=True):
        services.interest_advance(interest=interest, action="accept", user=coordinator_bergkamen)
    interest.refresh_from_db()
    assert interest.stage == "first_meeting"


def test_mail_sent_only_after_commit(
    baby_offer, selm, coordinator_selm, coordinator_bergkamen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(baby_offer, selm, coordinator_selm)
    assert (len(callbacks), mailoutbox) == (1, [])
    callbacks[0]()
    assert [m.to for m in mailoutbox] == [[coordinator_bergkamen.email]]


def test_daily_digest_collects_notifications(
    baby_offer, selm, coordinator_selm, coordinator_bergkamen, mailoutbox, django_capture_on_commit_callbacks
):
    services.notification_preference_set(user=coordinator_bergkamen, frequency="daily")
    with django_capture_on_commit_callbacks(execute=True):
        interest = register(baby_offer, selm, coordinator_selm)
        services.interest_advance(interest=interest, action="withdraw", user=coordinator_selm, comment="Doch nicht")
    assert mailoutbox == []

    call_command("send_digests", "weekly", stdout=io.StringIO())
    assert mailoutbox == []
    call_command("send_digests", "daily", stdout=io.StringIO())
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([coordinator_bergkamen.email], "[Transferbörse] Ihre Zusammenfassung: 2 Neuigkeiten")
    ]
    assert "Neues Transferinteresse: Selm an „Baby-Besuchsdienst“" in mailoutbox[0].body
    assert coordinator_bergkamen.transfer_notifications.unmailed().count() == 0
    call_command("send_digests", "daily", stdout=io.StringIO())
    assert len(mailoutbox) == 1


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
    response = client.post(reverse("transfers:notifications"), {"frequency": "weekly"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=coordinator_bergkamen).frequency == "weekly"
    response = client.post(reverse("transfers:notifications"), {"frequency": "stündlich"})
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
