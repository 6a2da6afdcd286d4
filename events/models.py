"""Fachtage: days of exchange between municipalities, with registration, waiting list and iCal."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import ActionField, Municipality, SluggedModel, Transition


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now: datetime.datetime | None = None):
        return self.published().filter(ends_at__gte=now or timezone.now())

    def with_counts(self):
        return self.annotate(
            confirmed_count=models.Count("registrations", filter=Q(registrations__status="confirmed")),
            waiting_count=models.Count("registrations", filter=Q(registrations__status="waiting")),
        ).order_by("starts_at", "pk")  # aggregating queries ignore Meta.ordering


class Event(SluggedModel):
    """A Fachtag: a day of exchange between municipalities."""

    slug_source = "title"

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True, blank=True)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    place = models.CharField(_("Ort"), max_length=200)
    address = models.TextField(_("Anschrift"), blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    programme = models.TextField(_("Programm"), blank=True, help_text=_("Eine Zeile pro Programmpunkt."))
    transitions = models.ManyToManyField(Transition, blank=True, related_name="events", verbose_name=_("Übergänge"))
    action_fields = models.ManyToManyField(
        ActionField, blank=True, related_name="events", verbose_name=_("Handlungsfelder")
    )
    capacity = models.PositiveSmallIntegerField(_("Plätze"), validators=[MinValueValidator(1)])
    registration_open = models.BooleanField(_("Anmeldung offen"), default=True)
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Fachtag")
        verbose_name_plural = _("Fachtage")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Das Ende muss nach dem Beginn liegen.")})

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    def programme_lines(self) -> list[str]:
        return [line.strip() for line in self.programme.splitlines() if line.strip()]


class EventRegistration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("angemeldet")
        WAITING = "waiting", _("Warteliste")
        CANCELLED = "cancelled", _("abgemeldet")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("Fachtag"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("Person"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("Kommune"),
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status, default=Status.CONFIRMED)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Anmeldung zum Fachtag")
        verbose_name_plural = _("Anmeldungen zu Fachtagen")
        ordering = ["event__starts_at", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="eventregistration_one_active_per_user",
                violation_error_message=_("Sie sind für diesen Fachtag bereits angemeldet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"
