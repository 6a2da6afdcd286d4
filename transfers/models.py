import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.history_records import TrackedHistoricalRecords
from projects.models import ActionField, Municipality, Project, SluggedModel, TargetGroup, Transition


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
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = TransferOfferQuerySet.as_manager()
    history = TrackedHistoricalRecords(
        excluded_fields=["updated_at"],
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


class TransferInterestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(stage__in=TransferInterest.OPEN_STAGES)

    def involving(self, municipality_ids):
        """Transfers in which one of the municipalities gives or receives."""
        return self.filter(
            Q(municipality_id__in=municipality_ids) | Q(offer__project__municipality_id__in=municipality_ids)
        )

    def completed(self):
        return self.filter(stage__in=TransferInterest.COMPLETED_STAGES)

    def rated(self):
        return self.filter(stage=TransferInterest.Stage.RATED)

    def booking(self):
        """Interests that occupy capacity of the services they asked for."""
        return self.exclude(stage__in=TransferInterest.CANCELLED_STAGES)


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
    COMPLETED_STAGES = [Stage.IMPLEMENTED, Stage.RATED]
    # the transfer plan starts with the Erstgespräch
    PLAN_STAGES = [
        Stage.FIRST_MEETING,
        Stage.PRESENTATION,
        Stage.COACHING,
        Stage.DECISION,
        Stage.IMPLEMENTED,
        Stage.RATED,
    ]
    CANCELLED_STAGES = [Stage.DECLINED, Stage.WITHDRAWN]

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
    request = models.ForeignKey(
        "TransferRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interests",
        verbose_name=_("aus dem Gesuch"),
        help_text=_("Das Gesuch der interessierten Kommune, auf das dieser Transfer antwortet."),
    )
    message = models.TextField(_("Nachricht"), blank=True)
    preferred_period = models.CharField(_("gewünschter Zeitraum"), max_length=120, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    stage = models.CharField(_("Stand"), max_length=16, choices=Stage, default=Stage.REGISTERED)
    experience_worked = models.TextField(_("Was hat funktioniert?"), blank=True)
    experience_adapted = models.TextField(_("Was haben Sie angepasst?"), blank=True)
    experience_warnings = models.TextField(_("Wovor würden Sie warnen?"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("Gesamturteil"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 = gar nicht hilfreich, 5 = sehr hilfreich"),
    )
    rated_at = models.DateTimeField(_("bewertet am"), null=True, blank=True)
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
    history = TrackedHistoricalRecords(
        excluded_fields=["updated_at"],
        verbose_name=_("Version des Transferinteresses"),
        verbose_name_plural=_("Versionen der Transferinteressen"),
    )

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
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="transferinterest_rating_1_to_5",
            ),
        ]
        # "Never for one's own offer" spans two tables; a trigger enforces it (migration 0002).

    def __str__(self) -> str:
        return _("{municipality} → {offer}").format(municipality=self.municipality, offer=self.offer.project)

    def get_absolute_url(self) -> str:
        return reverse("transfers:interest", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.stage in self.OPEN_STAGES

    @property
    def offering_municipality_id(self) -> int:
        return self.offer.project.municipality_id

    def clean(self):
        if self.offer_id and self.municipality_id and self.offer.project.municipality_id == self.municipality_id:
            raise ValidationError(_("Eine Kommune kann kein Transferinteresse am eigenen Angebot anmelden."))
        if self.request_id and self.municipality_id and self.request.municipality_id != self.municipality_id:
            raise ValidationError(
                {"request": _("Ein Transfer kann nur auf ein Gesuch der interessierten Kommune antworten.")}
            )

    # --- the stage workflow -------------------------------------------------------------------

    def sides_of(self, user) -> set[str]:
        """On which side(s) of this transfer the user acts: their coordinated municipalities decide."""
        if not user.is_authenticated:
            return set()
        ids = user.coordinated_municipality_ids()
        sides = set()
        if self.offering_municipality_id in ids:
            sides.add(Side.OFFERING)
        if self.municipality_id in ids:
            sides.add(Side.ADOPTING)
        return sides

    def step_error(self, action: str, user) -> str | None:
        """Why ``user`` may not take ``action`` now, as a German message; ``None`` if they may."""
        step = STEPS.get(action)
        if step is None:
            return _("Diesen Schritt gibt es nicht.")
        sides = self.sides_of(user)
        if not sides:
            return _("Sie koordinieren keine der beiden Kommunen dieses Transfers.")
        if step.side is not None and step.side not in sides:
            if step.side == Side.OFFERING:
                return _("Diesen Schritt kann nur die anbietende Kommune gehen.")
            return _("Diesen Schritt kann nur die übernehmende Kommune gehen.")
        if self.stage not in step.sources:
            return _("Im Stand „{stage}“ ist der Schritt „{action}“ nicht möglich.").format(
                stage=self.get_stage_display(), action=Action(action).label
            )
        return None

    def can_take(self, action: str, user) -> bool:
        return self.step_error(action, user) is None

    def allowed_actions(self, user) -> list[str]:
        """The steps the user may take now, in workflow order (notes last)."""
        return [action for action in STEPS if self.can_take(action, user)]

    def next_step_label(self) -> str:
        """What has to happen next, for overviews."""
        return NEXT_STEP_LABELS.get(self.stage, "")


class Side(models.TextChoices):
    OFFERING = "offering", _("anbietende Kommune")
    ADOPTING = "adopting", _("übernehmende Kommune")


class Action(models.TextChoices):
    REGISTER = "register", _("Interesse anmelden")
    ACCEPT = "accept", _("Annehmen (Erstgespräch)")
    RECORD_PRESENTATION = "record_presentation", _("Präsentation/Hospitation festhalten")
    RECORD_COACHING = "record_coaching", _("Coaching festhalten")
    RECORD_DECISION = "record_decision", _("Beschluss festhalten")
    RECORD_IMPLEMENTATION = "record_implementation", _("Umsetzung festhalten")
    RATE = "rate", _("Bewerten")
    DECLINE = "decline", _("Ablehnen")
    WITHDRAW = "withdraw", _("Zurückziehen")
    NOTE = "note", _("Notiz hinzufügen")


@dataclass(frozen=True)
class Step:
    side: str | None  # None: either side
    sources: frozenset[str]
    target: str | None  # None: the stage stays (notes)


_Stage = TransferInterest.Stage
_OPEN = frozenset(TransferInterest.OPEN_STAGES)

# Every step of a transfer: who takes it, from which stages, to which stage. REGISTER is not a
# step on an existing transfer (services.interest_register creates one), so it is not listed.
STEPS: dict[str, Step] = {
    Action.ACCEPT: Step(Side.OFFERING, frozenset({_Stage.REGISTERED}), _Stage.FIRST_MEETING),
    Action.RECORD_PRESENTATION: Step(Side.OFFERING, frozenset({_Stage.FIRST_MEETING}), _Stage.PRESENTATION),
    Action.RECORD_COACHING: Step(Side.OFFERING, frozenset({_Stage.PRESENTATION}), _Stage.COACHING),
    # A town may decide right after the presentation when it needs no coaching.
    Action.RECORD_DECISION: Step(Side.ADOPTING, frozenset({_Stage.PRESENTATION, _Stage.COACHING}), _Stage.DECISION),
    Action.RECORD_IMPLEMENTATION: Step(Side.ADOPTING, frozenset({_Stage.DECISION}), _Stage.IMPLEMENTED),
    Action.RATE: Step(Side.ADOPTING, frozenset({_Stage.IMPLEMENTED}), _Stage.RATED),
    Action.DECLINE: Step(Side.OFFERING, _OPEN, _Stage.DECLINED),
    Action.WITHDRAW: Step(Side.ADOPTING, _OPEN, _Stage.WITHDRAWN),
    Action.NOTE: Step(None, frozenset(_Stage.values), None),
}

NEXT_STEP_LABELS = {
    _Stage.REGISTERED: _("Anbietende Kommune: annehmen oder ablehnen"),
    _Stage.FIRST_MEETING: _("Anbietende Kommune: Präsentation/Hospitation festhalten"),
    _Stage.PRESENTATION: _("Anbietende Kommune: Coaching festhalten – oder übernehmende Kommune: Beschluss festhalten"),
    _Stage.COACHING: _("Übernehmende Kommune: Beschluss festhalten"),
    _Stage.DECISION: _("Übernehmende Kommune: Umsetzung festhalten"),
    _Stage.IMPLEMENTED: _("Übernehmende Kommune: Erfahrungen bewerten"),
}


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


class TransferEventQuerySet(models.QuerySet):
    def visible_to(self, municipality_ids):
        """Private notes are shown only to the municipality that wrote them."""
        return self.filter(Q(is_private=False) | Q(actor_municipality_id__in=municipality_ids))


class TransferEvent(models.Model):
    """One entry in the timeline of a transfer: a step or a note, with time, person and comment."""

    interest = models.ForeignKey(
        TransferInterest, on_delete=models.CASCADE, related_name="events", verbose_name=_("Transferinteresse")
    )
    action = models.CharField(_("Schritt"), max_length=24, choices=Action)
    from_stage = models.CharField(_("von Stand"), max_length=16, choices=TransferInterest.Stage, blank=True)
    to_stage = models.CharField(_("zu Stand"), max_length=16, choices=TransferInterest.Stage, blank=True)
    side = models.CharField(_("Seite"), max_length=10, choices=Side)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transfer_events",
        verbose_name=_("von"),
    )
    actor_municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="transfer_events", verbose_name=_("für Kommune")
    )
    comment = models.TextField(_("Kommentar"), blank=True)
    is_private = models.BooleanField(
        _("nur für die eigene Kommune sichtbar"),
        default=False,
        help_text=_("Interne Notiz – die andere Kommune sieht sie nicht."),
    )
    created_at = models.DateTimeField(_("am"), auto_now_add=True)

    objects = TransferEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Verlaufseintrag")
        verbose_name_plural = _("Verlauf")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_private=False) | Q(action="note"), name="transferevent_only_notes_private"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.created_at:%d.%m.%Y})"


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
