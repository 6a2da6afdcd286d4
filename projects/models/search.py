"""The trigger-maintained counters of the gap grid (the search itself is the ``search`` app's)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchQueryField(models.TextField):
    """A stored ``tsquery``; only migration 0010, which created the dropped frequent search terms, names it."""

    def db_type(self, connection) -> str:
        return "tsquery"


class ChainCount(models.Model):
    """Published projects per municipality × transition (× field; ``field_id`` 0 = all fields).

    Trigger-maintained (migration 0006) so the gap grid reads a few hundred rows at any number of projects.
    Plain ids, not foreign keys: a counter row must never block deleting what it counts.
    """

    municipality_id = models.BigIntegerField(_("Kommune"))
    transition_id = models.BigIntegerField(_("Übergang"))
    field_id = models.BigIntegerField(_("Handlungsfeld"), help_text=_("0 = alle Handlungsfelder"))
    count = models.IntegerField(_("Anzahl"), default=0)

    class Meta:
        verbose_name = _("Kettenzählung")
        verbose_name_plural = _("Kettenzählungen")
        ordering = ["municipality_id", "transition_id", "field_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality_id", "transition_id", "field_id"], name="chaincount_unique_cell"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id}/{self.transition_id}/{self.field_id}: {self.count}"

    @classmethod
    def cells(cls, *, by_field: bool) -> dict[tuple[int, int, int | None], int]:
        """``{(municipality_id, transition_id, field_id or None): count}`` of published projects, one query."""
        rows = cls.objects.filter(count__gt=0)
        rows = rows.exclude(field_id=0) if by_field else rows.filter(field_id=0)
        return {
            (m, t, f or None): n
            for m, t, f, n in rows.values_list("municipality_id", "transition_id", "field_id", "count")
        }


class PhaseCount(models.Model):
    """Published projects per municipality × life phase, trigger-maintained like ``ChainCount`` (migration
    0022): the gap grid by phase and the chain's needs read a few dozen rows instead of counting every
    project's phases."""

    municipality_id = models.BigIntegerField(_("Kommune"))
    phase_id = models.BigIntegerField(_("Lebensphase"))
    count = models.IntegerField(_("Anzahl"), default=0)

    class Meta:
        verbose_name = _("Lebensphasenzählung")
        verbose_name_plural = _("Lebensphasenzählungen")
        ordering = ["municipality_id", "phase_id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality_id", "phase_id"], name="phasecount_unique_cell"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id}/{self.phase_id}: {self.count}"

    @classmethod
    def cells(cls, municipality_ids: list[int] | None = None) -> dict[tuple[int, int], int]:
        """``{(municipality_id, phase_id): count}`` of published projects (of these municipalities), one query."""
        rows = cls.objects.filter(count__gt=0)
        if municipality_ids is not None:
            rows = rows.filter(municipality_id__in=municipality_ids)
        return {(m, p): n for m, p, n in rows.values_list("municipality_id", "phase_id", "count")}
