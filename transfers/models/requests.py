"""Transfer requests (Transfer-Gesuche): a municipality looks for a solution."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.history_records import TrackedHistoricalRecords
from projects.models import ActionField, Municipality, SluggedModel, TargetGroup, Transition


class TransferRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=TransferRequest.Status.OPEN)

    def with_details(self):
        return self.select_related("municipality").prefetch_related("transitions", "action_fields", "target_groups")


class TransferRequest(SluggedModel):
    """A municipality looks for a working solution for a need or gap (Transfer-Gesuch)."""

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        MATCHED = "matched", _("vermittelt")
        CLOSED = "closed", _("geschlossen")

    slug_source = "title"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="transfer_requests", verbose_name=_("Kommune")
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True, blank=True)
    need = models.TextField(_("Bedarf"))
    transitions = models.ManyToManyField(
        Transition, blank=True, related_name="transfer_requests", verbose_name=_("Übergänge")
    )
    action_fields = models.ManyToManyField(
        ActionField, blank=True, related_name="transfer_requests", verbose_name=_("Handlungsfelder")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="transfer_requests", verbose_name=_("Zielgruppen")
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transfer_requests",
        verbose_name=_("angelegt von"),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = TransferRequestQuerySet.as_manager()
    history = TrackedHistoricalRecords(
        excluded_fields=["updated_at"],
        verbose_name=_("Version des Transfer-Gesuchs"),
        verbose_name_plural=_("Versionen der Transfer-Gesuche"),
    )

    class Meta:
        verbose_name = _("Transfer-Gesuch")
        verbose_name_plural = _("Transfer-Gesuche")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("transfers:request", kwargs={"slug": self.slug})
