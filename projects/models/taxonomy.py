"""The named, slugged base of the app's records and the ordered taxonomies of the projects."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from transferboerse.slugs import unique_slug

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class SluggedModel(models.Model):
    """A named record whose slug is derived from its name once, on first save."""

    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source))
        super().save(*args, **kwargs)


class OrderedTaxonomy(SluggedModel):
    name = models.CharField(_("Name"), max_length=120, unique=True)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=80, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class AgeBand(models.TextChoices):
    """The age bands of the population statistics (as Wegweiser Kommune uses them), one per life phase."""

    UNDER_3 = "0-2", _("0–2 Jahre")
    FROM_3 = "3-5", _("3–5 Jahre")
    FROM_6 = "6-9", _("6–9 Jahre")
    FROM_10 = "10-15", _("10–15 Jahre")
    FROM_16 = "16-18", _("16–18 Jahre")
    FROM_19 = "19-24", _("19–24 Jahre")


class LifePhase(OrderedTaxonomy):
    """A Lebensphase of growing up, from pregnancy to school-to-work; ``position`` gives the chain order.

    Many Kommunen describe their chain by these phases; the transitions lie between two of them.
    """

    short_name = models.CharField(_("Kurzbezeichnung"), max_length=40, blank=True)
    age_band = models.CharField(
        _("Altersgruppe"),
        max_length=5,
        choices=AgeBand,
        blank=True,
        help_text=_("Für wen die Projekte in dieser Lebensphase arbeiten (Projekte je 1 000 Kinder)."),
    )

    class Meta(OrderedTaxonomy.Meta):
        verbose_name = _("Lebensphase")
        verbose_name_plural = _("Lebensphasen")
        constraints = [models.UniqueConstraint(fields=["position"], name="lifephase_unique_position")]

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Transition(OrderedTaxonomy):
    """An Übergang in a child's life, from pregnancy to work; ``position`` gives the chain order.

    It bridges the life phase before it and the one after it (both empty for a transition not yet placed).
    """

    short_name = models.CharField(_("Kurzbezeichnung"), max_length=40, blank=True)
    age_band = models.CharField(
        _("Altersgruppe"),
        max_length=5,
        choices=AgeBand,
        blank=True,
        help_text=_("Für wen die Projekte an diesem Übergang arbeiten (Projekte je 1 000 Kinder)."),
    )
    phase_before = models.ForeignKey(
        LifePhase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transitions_out",
        verbose_name=_("von Lebensphase"),
    )
    phase_after = models.ForeignKey(
        LifePhase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transitions_in",
        verbose_name=_("in Lebensphase"),
    )

    class Meta(OrderedTaxonomy.Meta):
        verbose_name = _("Übergang")
        verbose_name_plural = _("Übergänge")
        constraints = [models.UniqueConstraint(fields=["position"], name="transition_unique_position")]

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def phase_ids(self) -> list[int]:
        """The life phases this transition bridges: what a project at it works on."""
        return [pk for pk in (self.phase_before_id, self.phase_after_id) if pk]


class ActionField(OrderedTaxonomy):
    class Meta(OrderedTaxonomy.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class TargetGroup(OrderedTaxonomy):
    class Meta(OrderedTaxonomy.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
