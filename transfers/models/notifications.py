"""Notifications in the portal and each user's mail settings for them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .interests import TransferInterest


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def unmailed(self):
        return self.filter(mailed_at__isnull=True)


class Notification(models.Model):
    """A message for one user in the portal; it is mailed at once or collected into a digest.

    Its kind decides which of the recipient's mail settings applies (``NotificationPreference``).
    """

    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("Transfers und Gesuche meiner Kommune")
        FOLLOWED = "followed", _("Neues zu abonnierten Angeboten, Gesuchen und Projekten")
        SAVED_SEARCH = "saved_search", _("Neue Treffer meiner Suchaufträge")
        REMINDER = "reminder", _("Erinnerungen an fällige Meilensteine")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transfer_notifications",
        verbose_name=_("Empfänger/in"),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind, default=Kind.TRANSFER)
    subject = models.CharField(_("Betreff"), max_length=200)
    body = models.TextField(_("Text"))
    url = models.CharField(_("Link"), max_length=300, blank=True)
    interest = models.ForeignKey(
        TransferInterest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("Transferinteresse"),
    )
    # set for news of a saved search: every mail that carries it names this link to stop the search
    unsubscribe_url = models.CharField(_("Abbestellen"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("erstellt"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelesen"), null=True, blank=True)
    mailed_at = models.DateTimeField(_("per E-Mail versandt"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # the digest command and the unread badge look for unsent/unread notifications per user
            models.Index(fields=["recipient", "mailed_at"], name="notification_recipient_mailed"),
        ]

    def __str__(self) -> str:
        return self.subject


class NotificationPreference(models.Model):
    """When a user gets mails, per kind of notification; without a row every kind is mailed at once.

    Every notification stays in the portal's list whatever is chosen here.
    """

    class Frequency(models.TextChoices):
        INSTANT = "instant", _("sofort")
        DAILY = "daily", _("täglich als Zusammenfassung")
        WEEKLY = "weekly", _("wöchentlich als Zusammenfassung")
        NEVER = "never", _("keine E-Mail, nur im Portal")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transfer_notification_preference",
        verbose_name=_("Benutzer/in"),
    )
    # One field per Notification.Kind, named by FIELDS below.
    frequency = models.CharField(
        Notification.Kind.TRANSFER.label, max_length=10, choices=Frequency, default=Frequency.INSTANT
    )
    followed_frequency = models.CharField(
        Notification.Kind.FOLLOWED.label, max_length=10, choices=Frequency, default=Frequency.INSTANT
    )
    saved_search_frequency = models.CharField(
        Notification.Kind.SAVED_SEARCH.label, max_length=10, choices=Frequency, default=Frequency.INSTANT
    )
    reminder_frequency = models.CharField(
        Notification.Kind.REMINDER.label, max_length=10, choices=Frequency, default=Frequency.INSTANT
    )
    last_digest_at = models.DateTimeField(_("letzte Zusammenfassung"), null=True, blank=True)

    FIELDS = {
        Notification.Kind.TRANSFER: "frequency",
        Notification.Kind.FOLLOWED: "followed_frequency",
        Notification.Kind.SAVED_SEARCH: "saved_search_frequency",
        Notification.Kind.REMINDER: "reminder_frequency",
    }

    class Meta:
        verbose_name = _("Benachrichtigungseinstellung")
        verbose_name_plural = _("Benachrichtigungseinstellungen")
        ordering = ["user"]

    def __str__(self) -> str:
        return str(self.user)

    def frequency_for(self, kind: str) -> str:
        return getattr(self, self.FIELDS[kind])

    def kinds_with(self, frequency: str) -> list[str]:
        return [kind for kind in self.FIELDS if self.frequency_for(kind) == frequency]

    @classmethod
    def with_any(cls, frequency: str) -> Q:
        """Users for whom at least one kind is mailed at this frequency."""
        condition = Q()
        for field in cls.FIELDS.values():
            condition |= Q(**{field: frequency})
        return condition
