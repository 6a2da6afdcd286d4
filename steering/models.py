"""Steering: good-practice self-check, network quality checklist, goals (Zielraute)."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, FilteredRelation, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models import Network
from projects.models import Municipality, Project

LEVELS = [(1, _("Stufe 1")), (2, _("Stufe 2")), (3, _("Stufe 3")), (4, _("Stufe 4"))]
LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


# --- four-level criteria ---------------------------------------------------------------------------


class LeveledCriterion(models.Model):
    """A criterion rated on four levels, each with a short description of what it means."""

    name = models.CharField(_("Name"), max_length=120, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    level_1 = models.CharField(_("Stufe 1"), max_length=300)
    level_2 = models.CharField(_("Stufe 2"), max_length=300)
    level_3 = models.CharField(_("Stufe 3"), max_length=300)
    level_4 = models.CharField(_("Stufe 4"), max_length=300)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def level_text(self, level: int) -> str:
        return getattr(self, f"level_{level}", "")


class Rating(models.Model):
    level = models.PositiveSmallIntegerField(_("Stufe"), choices=LEVELS, validators=LEVEL_VALIDATORS)
    justification = models.CharField(_("Begründung"), max_length=500, blank=True)

    class Meta:
        abstract = True


def _level_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name=name)


# --- 1. good-practice self-check -------------------------------------------------------------------


class Criterion(LeveledCriterion):
    """A good-practice criterion of the Kooperationsverbund Gesundheitliche Chancengleichheit."""

    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True)

    class Meta(LeveledCriterion.Meta):
        verbose_name = _("Good-Practice-Kriterium")
        verbose_name_plural = _("Good-Practice-Kriterien")

    @property
    def rated_level_text(self) -> str:
        """What the level annotated by ``ProjectSelfCheck.profile`` means ("" if not rated)."""
        level = getattr(self, "level", None)
        return self.level_text(level) if level else ""


class ProjectSelfCheck(models.Model):
    """A project's self-assessment against the good-practice criteria (one per project, kept current)."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="self_check", verbose_name=_("Projekt")
    )
    note = models.TextField(_("Anmerkung"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zuletzt bearbeitet von"),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Good-Practice-Selbstcheck")
        verbose_name_plural = _("Good-Practice-Selbstchecks")
        ordering = ["project__title"]

    def __str__(self) -> str:
        return str(_("Selbstcheck {project}").format(project=self.project))

    def profile(self) -> list[Criterion]:
        """Every criterion in order, with this check's ``level`` and ``justification`` (None: not rated)."""
        return list(
            Criterion.objects.annotate(
                rating=FilteredRelation("ratings", condition=Q(ratings__self_check=self)),
                level=F("rating__level"),
                justification=F("rating__justification"),
            )
        )


class CriterionRating(Rating):
    self_check = models.ForeignKey(
        ProjectSelfCheck, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("Selbstcheck")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("Kriterium")
    )

    class Meta:
        verbose_name = _("Einstufung")
        verbose_name_plural = _("Einstufungen")
        ordering = ["self_check", "criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["self_check", "criterion"], name="criterionrating_unique_per_check"),
            _level_constraint("criterionrating_level_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.level}"


# --- 2. network quality checklist ------------------------------------------------------------------


class QualityIndicator(LeveledCriterion):
    """An indicator of effective cooperation in a network (e.g. clear shared goals)."""

    class Meta(LeveledCriterion.Meta):
        verbose_name = _("Qualitätsindikator")
        verbose_name_plural = _("Qualitätsindikatoren")


class NetworkAssessmentQuerySet(models.QuerySet):
    def latest_two(self, network: Network) -> list["NetworkAssessment"]:
        return list(self.filter(network=network).prefetch_related("ratings")[:2])


class NetworkAssessment(models.Model):
    """A network's yearly self-assessment against the quality indicators."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("Netzwerk")
    )
    year = models.PositiveSmallIntegerField(_("Jahr"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    note = models.TextField(_("Anmerkung"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zuletzt bearbeitet von"),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = NetworkAssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Netzwerk-Selbstbewertung")
        verbose_name_plural = _("Netzwerk-Selbstbewertungen")
        ordering = ["-year", "network__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "year"],
                name="networkassessment_one_per_year",
                violation_error_message=_(
                    "Für dieses Netzwerk gibt es schon eine Selbstbewertung in diesem Jahr. "
                    "Bitte bearbeiten Sie die vorhandene."
                ),
            ),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="networkassessment_year_range"),
        ]

    def __str__(self) -> str:
        return f"{self.network} {self.year}"

    def levels(self) -> dict[int, int]:
        """``{indicator id: level}``."""
        return {rating.indicator_id: rating.level for rating in self.ratings.all()}

    @property
    def average(self) -> Decimal | None:
        levels = list(self.levels().values())
        return round(Decimal(sum(levels)) / len(levels), 1) if levels else None


class IndicatorRating(Rating):
    assessment = models.ForeignKey(
        NetworkAssessment, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("Selbstbewertung")
    )
    indicator = models.ForeignKey(
        QualityIndicator, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("Indikator")
    )

    class Meta:
        verbose_name = _("Einstufung")
        verbose_name_plural = _("Einstufungen")
        ordering = ["assessment", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="indicatorrating_unique_per_assessment"),
            _level_constraint("indicatorrating_level_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.level}"


# --- 3. goals along the Zielraute ------------------------------------------------------------------


class Trend(models.TextChoices):
    IMPROVING = "improving", _("steigend")
    WORSENING = "worsening", _("fallend")
    STEADY = "steady", _("gleichbleibend")
    UNKNOWN = "unknown", _("noch offen")


@dataclass(frozen=True)
class Band:
    """A step of the raster for the degree of attainment."""

    key: str
    label: str
    minimum: int  # percent


# The raster (Zielerreichungsgrad) in five steps, from the lowest.
BANDS = [
    Band("none", _("noch nicht erreicht"), 0),
    Band("started", _("in Ansätzen erreicht"), 25),
    Band("partly", _("teilweise erreicht"), 50),
    Band("mostly", _("überwiegend erreicht"), 75),
    Band("reached", _("erreicht"), 100),
]


def band_for(percent: int | None) -> Band | None:
    if percent is None:
        return None
    return [band for band in BANDS if percent >= band.minimum][-1]


class GoalQuerySet(models.QuerySet):
    def with_measurements(self):
        return self.prefetch_related("measurements")

    def of_municipality(self, municipality: Municipality):
        return self.filter(municipality=municipality)


class Goal(models.Model):
    """A SMART goal of one municipality, placed on the Zielraute.

    Quantitative goals are measured: an indicator with baseline, target and measurements, and the
    attainment is the share of the way reached. Qualitative goals ("Familien fühlen sich willkommen")
    are described: their state (``progress``) and the evidence for it, never a percentage.
    """

    class Dimension(models.TextChoices):
        CHAINS = "1", _("1 Präventionsketten aufgebaut")
        FAMILIES = "2a", _("2a Familien gestärkt")
        EDUCATION = "2b", _("2b Bildungschancen verbessert")
        COMMUNITY = "3", _("3 Handlungsfähige Kommune")

    class Kind(models.TextChoices):
        QUANTITATIVE = "quantitative", _("quantitativ: mit Indikator, Ausgangs- und Zielwert")
        QUALITATIVE = "qualitative", _("qualitativ: Stand und Belege in Worten")

    class Progress(models.TextChoices):
        OPEN = "open", _("noch nicht begonnen")
        STARTED = "started", _("begonnen")
        PARTLY = "partly", _("teilweise erreicht")
        REACHED = "reached", _("erreicht")

    QUANTITATIVE_FIELDS = ("indicator", "baseline", "baseline_date", "target_value")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="goals", verbose_name=_("Kommune")
    )
    dimension = models.CharField(_("Zielraute"), max_length=2, choices=Dimension)
    title = models.CharField(_("Was soll erreicht werden?"), max_length=200)
    kind = models.CharField(_("Art des Ziels"), max_length=12, choices=Kind, default=Kind.QUANTITATIVE)
    indicator = models.CharField(
        _("Indikator"), max_length=200, blank=True, help_text=_("Woran wird die Zielerreichung gemessen?")
    )
    unit = models.CharField(_("Einheit"), max_length=30, blank=True, help_text=_("z. B. „%“ oder „Familien“"))
    baseline = models.DecimalField(_("Ausgangswert"), max_digits=12, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(_("Stand des Ausgangswerts"), null=True, blank=True)
    target_value = models.DecimalField(_("Zielwert"), max_digits=12, decimal_places=2, null=True, blank=True)
    progress = models.CharField(
        _("Stand"), max_length=10, choices=Progress, blank=True, help_text=_("Nur für qualitative Ziele.")
    )
    evidence = models.TextField(
        _("Belege und Beobachtungen"),
        blank=True,
        help_text=_("Nur für qualitative Ziele: Woran sehen Sie den Stand? z. B. Rückmeldungen, Befragungen."),
    )
    deadline = models.DateField(_("Termin"))
    responsible = models.CharField(_("Verantwortlich"), max_length=200)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ziel")
        verbose_name_plural = _("Ziele")
        ordering = ["municipality__name", "dimension", "title"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "title"], name="goal_unique_title_per_municipality"),
            models.CheckConstraint(condition=~Q(target_value=models.F("baseline")), name="goal_target_differs"),
            models.CheckConstraint(
                condition=Q(deadline__gt=models.F("baseline_date")), name="goal_deadline_after_baseline"
            ),
            models.CheckConstraint(
                condition=Q(kind="qualitative")
                | (
                    Q(baseline__isnull=False, baseline_date__isnull=False, target_value__isnull=False)
                    & ~Q(indicator="")
                ),
                name="goal_quantitative_has_numbers",
            ),
            models.CheckConstraint(
                condition=Q(kind="quantitative") | ~Q(progress=""), name="goal_qualitative_has_progress"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("steering:goals", kwargs={"slug": self.municipality.slug}) + f"#ziel-{self.pk}"

    def clean(self):
        errors = {}
        if self.is_qualitative:
            if not self.progress:
                errors["progress"] = _("Bitte geben Sie an, wie weit das qualitative Ziel erreicht ist.")
        else:
            required = _("Für ein quantitatives Ziel erforderlich (oder wählen Sie „qualitativ“).")
            for name in self.QUANTITATIVE_FIELDS:
                if getattr(self, name) in (None, ""):
                    errors[name] = required
        if self.baseline is not None and self.target_value is not None and self.baseline == self.target_value:
            errors["target_value"] = _("Der Zielwert muss sich vom Ausgangswert unterscheiden.")
        if self.baseline_date and self.deadline and self.deadline <= self.baseline_date:
            errors["deadline"] = _("Der Termin muss nach dem Stand des Ausgangswerts liegen.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_qualitative(self) -> bool:
        return self.kind == self.Kind.QUALITATIVE

    # Measurements are prefetched by ``with_measurements``; these use ``.all()`` to profit from that.
    def sorted_measurements(self) -> list["Measurement"]:
        return sorted(self.measurements.all(), key=lambda m: m.measured_on)

    @property
    def latest(self) -> "Measurement | None":
        measurements = self.sorted_measurements()
        return measurements[-1] if measurements else None

    def attainment_of(self, value: Decimal) -> int:
        # Only for quantitative goals; a qualitative goal has no measurements and no percentage.
        """Share of the way from baseline to target, in whole percent, capped to 0–100."""
        share = (Decimal(value) - self.baseline) / (self.target_value - self.baseline)
        return int(max(Decimal(0), min(Decimal(1), share)) * 100)

    @property
    def attainment(self) -> int | None:
        """Percent of the way reached by the latest measurement (None: nothing measured yet, or a
        qualitative goal)."""
        if self.is_qualitative:
            return None
        latest = self.latest
        return None if latest is None else self.attainment_of(latest.value)

    @property
    def band(self) -> Band | None:
        return band_for(self.attainment)

    @property
    def trend(self) -> str:
        """Direction of the last two values (baseline counts as the first), relative to the target."""
        if self.is_qualitative:
            return Trend.UNKNOWN
        values = [self.baseline, *(m.value for m in self.sorted_measurements())]
        if len(values) < 2:
            return Trend.UNKNOWN
        step = (values[-1] - values[-2]) * (1 if self.target_value > self.baseline else -1)
        if step > 0:
            return Trend.IMPROVING
        return Trend.WORSENING if step < 0 else Trend.STEADY

    @property
    def is_overdue(self) -> bool:
        reached = self.progress == self.Progress.REACHED if self.is_qualitative else (self.attainment or 0) >= 100
        return self.deadline < timezone.localdate() and not reached

    def chart_data(self) -> dict | None:
        """What the goal chart (static/js/steering-charts.js) draws; a qualitative goal has none."""
        if self.is_qualitative:
            return None
        points = [(self.baseline_date, self.baseline), *((m.measured_on, m.value) for m in self.sorted_measurements())]
        return {
            "type": "goal",
            "labels": [day.strftime("%d.%m.%Y") for day, _value in points],
            "values": [float(value) for _day, value in points],
            "target": float(self.target_value),
            "baseline": float(self.baseline),
            "label": str(self.indicator),
            "targetLabel": str(_("Zielwert")),
            "valueLabel": str(_("Messwert")),
        }


class Measurement(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("Ziel"))
    measured_on = models.DateField(_("Stichtag"))
    value = models.DecimalField(_("Wert"), max_digits=12, decimal_places=2)
    note = models.CharField(_("Anmerkung"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Messung")
        verbose_name_plural = _("Messungen")
        ordering = ["goal", "measured_on"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "measured_on"], name="measurement_one_per_goal_and_day"),
            models.CheckConstraint(condition=Q(value__gte=0), name="measurement_value_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.measured_on:%d.%m.%Y}: {self.value}"

    def clean(self):
        try:
            goal = self.goal  # in the admin's inline: the goal as just edited, saved or not
        except ObjectDoesNotExist:
            return
        if goal.is_qualitative:
            raise ValidationError(
                _("Ein qualitatives Ziel hat keine Messwerte; beschreiben Sie seinen Stand unter „Belege“.")
            )
        errors = {}
        if self.measured_on and goal.baseline_date and self.measured_on < goal.baseline_date:
            errors["measured_on"] = _("Der Stichtag liegt vor dem Stand des Ausgangswerts ({date}).").format(
                date=goal.baseline_date.strftime("%d.%m.%Y")
            )
        if self.value is not None and self.value < 0:
            errors["value"] = _("Ein Messwert kann nicht negativ sein.")
        elif self.value is not None and goal.unit.strip() == "%" and self.value > 100:
            errors["value"] = _("Ein Anteil in Prozent liegt zwischen 0 und 100.")
        if errors:
            raise ValidationError(errors)

    @property
    def attainment(self) -> int:
        return self.goal.attainment_of(self.value)
