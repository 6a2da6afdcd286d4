"""Transfer offers (Transfer-Angebote) and the services they offer."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.history_records import TrackedHistoricalRecords
from projects.models import Municipality, Project


class TransferOfferQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, project__status=Project.Status.PUBLISHED)

    def offered_by(self, municipality: Municipality):
        return self.filter(project__municipality=municipality)

    def with_details(self):
        """Everything an offer card shows: project, its taxonomy and the services with free capacity."""
        return self.select_related("project__municipality").prefetch_related(
            "project__transitions",
            "project__action_fields",
            "project__target_groups",
            models.Prefetch("services", queryset=TransferService.objects.with_booked()),
        )


class TransferOffer(models.Model):
    """A municipality offers its know-how on one of its projects to others (Transfer-Angebot).

    The giving Kommune says how ready the practice is for a transfer (a short checklist, after
    openTransfer's "Sind Sie bereit für den Transfer?"), what a takeover depends on, and what effort,
    costs and difficulty the adopting Kommune should expect.
    """

    class Effort(models.TextChoices):
        LOW = "low", _("gering")
        MEDIUM = "medium", _("mittel")
        HIGH = "high", _("hoch")

    class Difficulty(models.TextChoices):
        EASY = "easy", _("einfach")
        MEDIUM = "medium", _("mittel")
        DEMANDING = "demanding", _("anspruchsvoll")

    class Readiness(models.TextChoices):
        EMERGING = "emerging", _("im Aufbau")
        PARTLY = "partly", _("weitgehend transferbereit")
        READY = "ready", _("transferbereit")

    # the readiness checklist, in the order the offer page lists it
    READINESS_CHECKS = [
        "ready_concept",
        "ready_contact_time",
        "ready_results",
        "ready_material",
        "ready_costs",
    ]

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="transfer_offers", verbose_name=_("Projekt")
    )
    description = models.TextField(_("Was wir anbieten"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120)
    contact_email = models.EmailField(_("E-Mail"))
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    # Name, e-mail and phone are shown to the public (pages, API, open data) only with this consent;
    # the two Kommunen of a transfer always see them on the transfer's page.
    contact_is_public = models.BooleanField(
        _("Kontakt veröffentlichen"),
        default=False,
        help_text=_("Nur mit Einverständnis der Ansprechperson ankreuzen."),
    )
    success_criteria = models.TextField(
        _("Was für eine Übernahme entscheidend ist"),
        help_text=_("Die wichtigsten Voraussetzungen, damit das Projekt in einer anderen Kommune gelingt."),
    )
    ready_concept = models.BooleanField(_("Das Konzept ist schriftlich dokumentiert."), default=False)
    ready_contact_time = models.BooleanField(
        _("Eine Ansprechperson ist benannt und hat Zeit für den Transfer."), default=False
    )
    ready_results = models.BooleanField(_("Ergebnisse sind belegt (Zahlen, Auswertung)."), default=False)
    ready_material = models.BooleanField(
        _("Material kann weitergegeben werden (Vorlagen, Leitfäden, Verträge)."), default=False
    )
    ready_costs = models.BooleanField(_("Die Kosten der Umsetzung sind bekannt."), default=False)
    adopter_effort = models.CharField(
        _("Aufwand für die übernehmende Kommune"), max_length=10, choices=Effort, default=Effort.MEDIUM
    )
    adopter_costs = models.CharField(
        _("Kosten für die übernehmende Kommune"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „eine halbe Stelle Koordination, rund 2.000 € Sachkosten im Jahr“"),
    )
    difficulty = models.CharField(
        _("Schwierigkeit der Übernahme"), max_length=10, choices=Difficulty, default=Difficulty.MEDIUM
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    # When the project's followers were last told of this offer (services.offer_announce): switching
    # the offer off and on again within ANNOUNCE_INTERVAL tells them nothing new.
    announced_at = models.DateTimeField(_("Folgenden angekündigt am"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = TransferOfferQuerySet.as_manager()
    history = TrackedHistoricalRecords(
        excluded_fields=["updated_at", "announced_at"],
        verbose_name=_("Version des Transfer-Angebots"),
        verbose_name_plural=_("Versionen der Transfer-Angebote"),
    )

    class Meta:
        verbose_name = _("Transfer-Angebot")
        verbose_name_plural = _("Transfer-Angebote")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return _("Transfer-Angebot: {project}").format(project=self.project)

    def get_absolute_url(self) -> str:
        return reverse("transfers:offer", kwargs={"pk": self.pk})

    @property
    def municipality(self) -> Municipality:
        return self.project.municipality

    def readiness_checklist(self) -> list[tuple[str, bool]]:
        """``(label, fulfilled)`` for every point of the readiness checklist."""
        return [(self._meta.get_field(name).verbose_name, getattr(self, name)) for name in self.READINESS_CHECKS]

    @property
    def readiness_count(self) -> int:
        return sum(getattr(self, name) for name in self.READINESS_CHECKS)

    @property
    def readiness(self) -> str:
        """All five points: ready; three or four: partly; fewer: still emerging."""
        count = self.readiness_count
        if count == len(self.READINESS_CHECKS):
            return self.Readiness.READY
        if count >= 3:
            return self.Readiness.PARTLY
        return self.Readiness.EMERGING

    def get_readiness_display(self) -> str:
        return self.Readiness(self.readiness).label

    def modes(self) -> list[str]:
        """The transfer modes of the offer's services, each once, in the order of the choices."""
        present = {service.mode for service in self.services.all()}
        return [label for value, label in TransferService.Mode.choices if value in present]


class TransferServiceQuerySet(models.QuerySet):
    def with_booked(self):
        """Annotate ``booked``: how many transfers (not declined or withdrawn) asked for the service."""
        # interests.py builds on the offer's models, so this module can only read it at call time
        from .interests import TransferInterest

        order = models.Case(
            *[models.When(kind=kind, then=position) for position, kind in enumerate(TransferService.Kind.values)]
        )
        return self.annotate(
            booked=models.Count(
                "interests", filter=~Q(interests__stage__in=TransferInterest.CANCELLED_STAGES), distinct=True
            ),
            # aggregation drops Meta.ordering; list services in the order of the Kind choices
            kind_position=order,
        ).order_by("offer", "kind_position")


class TransferService(models.Model):
    """One bookable service of an offer, e.g. coaching of the implementation, 8 hours, for 2 towns."""

    class Kind(models.TextChoices):
        PRESENTATION = "presentation", _("Präsentation der Ergebnisse")
        SUCCESS_FACTORS = "success_factors", _("Erfolgsfaktoren und Stolpersteine")
        COACHING = "coaching", _("Coaching der Umsetzung")
        SITE_VISIT = "site_visit", _("Hospitation")

    class Mode(models.TextChoices):
        """How the know-how travels (openTransfer's transfer modes; Kollegiale Visitation as in Westfalen-Lippe)."""

        KNOWLEDGE = "knowledge", _("Wissenstransfer")
        SITE_VISIT = "site_visit", _("Hospitation")
        PEER_REVIEW = "peer_review", _("Kollegiale Visitation / Peer-Review")
        COACHING = "coaching", _("Coaching")
        PARTNERSHIP = "partnership", _("Partnerschaft mit Vereinbarung")

    # the mode a service of each kind has unless the giving Kommune chooses another
    DEFAULT_MODES = {
        Kind.PRESENTATION: Mode.KNOWLEDGE,
        Kind.SUCCESS_FACTORS: Mode.KNOWLEDGE,
        Kind.COACHING: Mode.COACHING,
        Kind.SITE_VISIT: Mode.SITE_VISIT,
    }

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("vor Ort")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("vor Ort oder online")

    offer = models.ForeignKey(
        TransferOffer, on_delete=models.CASCADE, related_name="services", verbose_name=_("Transfer-Angebot")
    )
    kind = models.CharField(_("Leistung"), max_length=20, choices=Kind)
    mode = models.CharField(_("Transferform"), max_length=12, choices=Mode, default=Mode.KNOWLEDGE)
    format = models.CharField(_("Format"), max_length=10, choices=Format, default=Format.ON_SITE)
    effort_hours = models.DecimalField(
        _("Aufwand in Stunden"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("Kapazität"),
        help_text=_("Für wie viele Kommunen diese Leistung angeboten wird."),
        validators=[MaxValueValidator(100)],
    )

    objects = TransferServiceQuerySet.as_manager()

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

    @property
    def free_capacity(self) -> int:
        """Needs ``with_booked()``; falls back to a query otherwise."""
        booked = getattr(self, "booked", None)
        if booked is None:
            booked = self.interests.booking().count()
        return max(self.capacity - booked, 0)
