from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.models import Field, Municipality, Project, SluggedModel, TargetGroup, Transition


class TransferOfferQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, project__status=Project.Status.PUBLISHED)

    def offered_by(self, municipality: Municipality):
        return self.filter(project__municipality=municipality)


class TransferOffer(models.Model):
    """A municipality offers its know-how on one of its projects to others (Transfer-Angebot)."""

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="transfer_offers", verbose_name=_("Projekt")
    )
    description = models.TextField(_("Was wir anbieten"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120)
    contact_email = models.EmailField(_("E-Mail"))
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = TransferOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("Transfer-Angebot")
        verbose_name_plural = _("Transfer-Angebote")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return _("Transfer-Angebot: {project}").format(project=self.project)

    @property
    def municipality(self) -> Municipality:
        return self.project.municipality


class TransferService(models.Model):
    """One bookable service of an offer, e.g. coaching of the implementation, 8 hours, for 2 towns."""

    class Kind(models.TextChoices):
        PRESENTATION = "presentation", _("Präsentation der Ergebnisse")
        SUCCESS_FACTORS = "success_factors", _("Erfolgsfaktoren und Stolpersteine")
        COACHING = "coaching", _("Coaching der Umsetzung")
        SITE_VISIT = "site_visit", _("Hospitation")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("vor Ort")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("vor Ort oder online")

    offer = models.ForeignKey(
        TransferOffer, on_delete=models.CASCADE, related_name="services", verbose_name=_("Transfer-Angebot")
    )
    kind = models.CharField(_("Leistung"), max_length=20, choices=Kind)
    format = models.CharField(_("Format"), max_length=10, choices=Format, default=Format.ON_SITE)
    effort_hours = models.DecimalField(
        _("Aufwand in Stunden"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("Kapazität"),
        help_text=_("Für wie viele Kommunen diese Leistung angeboten wird."),
        validators=[MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("Leistung")
        verbose_name_plural = _("Leistungen")
        ordering = ["offer", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "kind"], name="transferservice_unique_kind_per_offer"),
            models.CheckConstraint(condition=Q(effort_hours__gte=0), name="transferservice_effort_not_negative"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


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
    fields = models.ManyToManyField(
        Field, blank=True, related_name="transfer_requests", verbose_name=_("Handlungsfelder")
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

    class Meta:
        verbose_name = _("Transfer-Gesuch")
        verbose_name_plural = _("Transfer-Gesuche")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class TransferInterestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(stage__in=TransferInterest.OPEN_STAGES)


class TransferInterest(models.Model):
    """A municipality's registered interest in another municipality's offer, followed to adoption."""

    class Stage(models.TextChoices):
        REGISTERED = "registered", _("Interesse angemeldet")
        FIRST_MEETING = "first_meeting", _("Erstgespräch")
        PRESENTATION = "presentation", _("Präsentation/Hospitation")
        COACHING = "coaching", _("Coaching")
        DECISION = "decision", _("Beschluss")
        IMPLEMENTED = "implemented", _("Umgesetzt")
        RATED = "rated", _("Bewertet")
        DECLINED = "declined", _("Abgelehnt")
        WITHDRAWN = "withdrawn", _("Zurückgezogen")

    OPEN_STAGES = [  # keep in sync with the partial unique constraint in Meta
        Stage.REGISTERED,
        Stage.FIRST_MEETING,
        Stage.PRESENTATION,
        Stage.COACHING,
        Stage.DECISION,
        Stage.IMPLEMENTED,
    ]

    offer = models.ForeignKey(
        TransferOffer, on_delete=models.PROTECT, related_name="interests", verbose_name=_("Transfer-Angebot")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="transfer_interests",
        verbose_name=_("interessierte Kommune"),
    )
    services = models.ManyToManyField(
        TransferService, blank=True, related_name="interests", verbose_name=_("gewünschte Leistungen")
    )
    message = models.TextField(_("Nachricht"), blank=True)
    preferred_period = models.CharField(_("gewünschter Zeitraum"), max_length=120, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    stage = models.CharField(_("Stand"), max_length=16, choices=Stage, default=Stage.REGISTERED)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transfer_interests",
        verbose_name=_("angemeldet von"),
    )
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = TransferInterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("Transferinteresse")
        verbose_name_plural = _("Transferinteressen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "municipality"],
                condition=Q(
                    stage__in=["registered", "first_meeting", "presentation", "coaching", "decision", "implemented"]
                ),
                name="transferinterest_one_open_per_offer_and_municipality",
                violation_error_message=_("Ihre Kommune hat für dieses Angebot bereits ein offenes Transferinteresse."),
            ),
        ]
        # "Never for one's own offer" spans two tables; a trigger enforces it (migration 0002).

    def __str__(self) -> str:
        return _("{municipality} → {offer}").format(municipality=self.municipality, offer=self.offer.project)

    @property
    def is_open(self) -> bool:
        return self.stage in self.OPEN_STAGES

    def clean(self):
        if self.offer_id and self.municipality_id and self.offer.project.municipality_id == self.municipality_id:
            raise ValidationError(_("Eine Kommune kann kein Transferinteresse am eigenen Angebot anmelden."))
