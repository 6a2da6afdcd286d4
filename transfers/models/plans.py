"""The transfer plan of an interest and its milestones."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .interests import Side, TransferInterest


class TransferPlan(models.Model):
    """How the adopting Kommune takes the practice over, once the Erstgespräch has happened.

    After URBACT's transfer networks: goals, milestones on both sides, a local Begleitgruppe, a
    mid-point check and a closing step in which both sides say what they learned.
    """

    interest = models.OneToOneField(
        TransferInterest, on_delete=models.CASCADE, related_name="plan", verbose_name=_("Transferinteresse")
    )
    goals = models.TextField(_("Ziele der Übernahme"), blank=True)
    support_group = models.TextField(
        _("Begleitgruppe vor Ort"),
        blank=True,
        help_text=_("Eine Zeile je Organisation mit ihrer Rolle, z. B. „Gesamtschule Werne – Schulsozialarbeit“."),
    )
    midpoint_on = models.DateField(_("Halbzeit-Check am"), null=True, blank=True)
    midpoint_review = models.TextField(_("Ergebnis des Halbzeit-Checks"), blank=True)
    midpoint_done_at = models.DateTimeField(_("Halbzeit-Check festgehalten am"), null=True, blank=True)
    lessons_offering = models.TextField(_("Was die anbietende Kommune gelernt hat"), blank=True)
    lessons_adopting = models.TextField(_("Was die übernehmende Kommune gelernt hat"), blank=True)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Transferplan")
        verbose_name_plural = _("Transferpläne")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return _("Transferplan: {interest}").format(interest=self.interest)

    def get_absolute_url(self) -> str:
        return reverse("transfers:plan", kwargs={"pk": self.interest_id})

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class PlanMilestone(models.Model):
    """One step of a transfer plan with its date and the person on one side who sees to it."""

    plan = models.ForeignKey(
        TransferPlan, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("Transferplan")
    )
    title = models.CharField(_("Meilenstein"), max_length=200)
    due_on = models.DateField(_("fällig am"))
    side = models.CharField(_("Seite"), max_length=10, choices=Side)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="plan_milestones",
        verbose_name=_("verantwortlich"),
    )
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("erinnert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.due_on:%d.%m.%Y})"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
