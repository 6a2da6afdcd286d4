"""Transfer interests, the steps of their workflow and their timeline."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.history_records import TrackedHistoricalRecords
from projects.models import Municipality

from .offers import TransferOffer, TransferService


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
