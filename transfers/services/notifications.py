"""Notifications: who hears of a step, instant mails, digests and each user's settings."""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.outbox import absolute_url, mails_queue

from ..models import (
    Notification,
    NotificationPreference,
)


def coordinators_of(municipality_ids: Iterable[int]):
    return User.objects.filter(coordinator_roles__municipality_id__in=list(municipality_ids), is_active=True).distinct()


def notify(
    recipients: Iterable[User],
    *,
    subject: str,
    body: str,
    url: str = "",
    kind: str = Notification.Kind.TRANSFER,
    interest=None,
    exclude: User | None = None,
    unsubscribe_url: str = "",
) -> list[Notification]:
    """Store an in-app notification per recipient and queue the mail for those who want it at once.

    The mails go into the outbox in the caller's transaction and are sent by the background worker:
    a slow or broken mail server never blocks or undoes the step that caused the notification.
    """
    users = {user.pk: user for user in recipients if exclude is None or user.pk != exclude.pk}
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind=kind,
                subject=subject,
                body=body,
                url=url,
                interest=interest,
                unsubscribe_url=unsubscribe_url,
            )
            for user in users.values()
        ]
    )
    mail_instant_notifications(notifications)
    return notifications


def mail_instant_notifications(notifications: list[Notification]) -> int:
    """Queue a mail for each notification whose recipient wants them at once; returns how many.

    The notification counts as mailed once its mail is in the outbox (the worker sends it, retries
    it and shows the Redaktion if it finally fails); digests collect only the others.
    """
    preferences = {
        preference.user_id: preference
        for preference in NotificationPreference.objects.filter(user__in=[n.recipient_id for n in notifications])
    }
    mailed = []
    for notification in notifications:
        user = notification.recipient
        preference = preferences.get(user.pk)
        wanted = preference.frequency_for(notification.kind) if preference else NotificationPreference.Frequency.INSTANT
        if not user.email or wanted != NotificationPreference.Frequency.INSTANT:
            continue
        mails_queue(
            recipients=[user],
            template="notification",
            context={
                "notification": notification,
                "url": absolute_url(notification.url),
                "unsubscribe_url": absolute_url(notification.unsubscribe_url) if notification.unsubscribe_url else "",
            },
        )
        mailed.append(notification.pk)
    if mailed:
        Notification.objects.filter(pk__in=mailed).update(mailed_at=timezone.now())
    return len(mailed)


def digests_send(*, frequency: str, now: datetime | None = None) -> int:
    """Queue for every user with the given frequency one summary of their unmailed notifications of
    the kinds they want at that frequency.

    One transaction per user: the digest mail, the notifications marked as mailed and
    ``last_digest_at`` are written together, and a second run at the same time skips users the first
    one is working on (their preference row is locked) and finds nothing left for the others.
    """
    now = now or timezone.now()
    queued = 0
    user_ids = NotificationPreference.objects.filter(NotificationPreference.with_any(frequency)).values_list(
        "user_id", flat=True
    )
    for user_id in list(user_ids):
        with transaction.atomic():
            preference = (
                NotificationPreference.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user")
                .filter(NotificationPreference.with_any(frequency), user_id=user_id)
                .first()
            )
            if preference is None or not preference.user.email:
                continue
            user = preference.user
            pending = list(
                user.transfer_notifications.unmailed()
                .filter(kind__in=preference.kinds_with(frequency))
                .order_by("created_at", "pk")
            )
            if not pending:
                continue
            mails_queue(recipients=[user], template="digest", context={"notifications": pending})
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(mailed_at=now)
            preference.last_digest_at = now
            preference.save(update_fields=["last_digest_at"])
            queued += 1
    return queued


def notification_preference_set(*, user: User, **frequencies: str) -> NotificationPreference:
    """Set the user's mail frequency for the kinds given by field name (``frequency``,
    ``followed_frequency`` …); kinds not given keep their setting."""
    unknown = set(frequencies) - set(NotificationPreference.FIELDS.values())
    if unknown:
        raise ValueError(f"unknown notification settings: {sorted(unknown)}")
    preference, _created = NotificationPreference.objects.update_or_create(user=user, defaults=frequencies)
    return preference


def notifications_mark_read(*, user: User) -> int:
    return user.transfer_notifications.unread().update(read_at=timezone.now())
