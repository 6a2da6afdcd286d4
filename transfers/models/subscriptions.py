"""What a user subscribes to: followed offers, requests and projects, and saved searches."""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.models import Project

from .offers import TransferOffer
from .requests import TransferRequest


class Follow(models.Model):
    """A user follows an offer, a request or a project and gets its news."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transfer_follows",
        verbose_name=_("Benutzer/in"),
    )
    offer = models.ForeignKey(
        TransferOffer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
        verbose_name=_("Transfer-Angebot"),
    )
    request = models.ForeignKey(
        TransferRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
        verbose_name=_("Transfer-Gesuch"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transfer_follows",
        verbose_name=_("Projekt"),
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(offer__isnull=False, request__isnull=True, project__isnull=True)
                | Q(offer__isnull=True, request__isnull=False, project__isnull=True)
                | Q(offer__isnull=True, request__isnull=True, project__isnull=False),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(fields=["user", "offer"], name="follow_unique_user_offer"),
            models.UniqueConstraint(fields=["user", "request"], name="follow_unique_user_request"),
            models.UniqueConstraint(fields=["user", "project"], name="follow_unique_user_project"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.offer or self.request or self.project}"

    @property
    def target(self):
        return self.offer or self.request or self.project


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class SavedSearch(models.Model):
    """A user's saved filters and search on one list ("Suchauftrag"); new results are notified.

    ``seen_ids`` holds the results the user already knows about, so each check reports only what
    is new. The token makes the unsubscribe link in every mail work without signing in.
    """

    class Frequency(models.TextChoices):
        """How often the search runs; its news then follow the user's mail setting for saved searches."""

        INSTANT = "instant", _("sofort")
        DAILY = "daily", _("täglich als Zusammenfassung")
        WEEKLY = "weekly", _("wöchentlich als Zusammenfassung")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("Benutzer/in"),
    )
    list_name = models.CharField(_("Liste"), max_length=20)
    query = models.CharField(_("Filter und Suche"), max_length=1000, blank=True)
    description = models.CharField(_("Beschreibung"), max_length=300)
    frequency = models.CharField(_("Benachrichtigung"), max_length=10, choices=Frequency, default=Frequency.DAILY)
    token = models.CharField(_("Schlüssel zum Abbestellen"), max_length=64, unique=True, default=_new_token)
    seen_ids = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    last_checked_at = models.DateTimeField(_("zuletzt geprüft"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Suchauftrag")
        verbose_name_plural = _("Suchaufträge")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "list_name", "query"], name="savedsearch_unique_per_user_list_query"
            ),
        ]

    def __str__(self) -> str:
        return self.description

    def get_unsubscribe_url(self) -> str:
        return reverse("transfers:saved_search_unsubscribe", kwargs={"token": self.token})
