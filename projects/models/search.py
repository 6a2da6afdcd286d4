"""The search internals: the lexicon, the trigger-maintained counters and the frequent search terms."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.search import CONFIG as SEARCH_CONFIG
from projects.search import query_text


class SearchWord(models.Model):
    """A word that occurs in a published project; the lexicon for "Meinten Sie …?" suggestions.

    Filled by a trigger (migration 0004). Words are never removed: a stale suggestion merely finds nothing.
    """

    word = models.CharField(_("Wort"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("Suchwort")
        verbose_name_plural = _("Suchwörter")
        ordering = ["word"]
        indexes = [GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="searchword_word_trgm")]

    def __str__(self) -> str:
        return self.word


class FacetCount(models.Model):
    """How many published projects carry each facet value (trigger-maintained, migrations 0006 and 0009).

    ``transfer_count`` counts only those with a transfer offer. The project list reads a facet's counts
    from here when no other filter than "nur mit Transfer-Angebot" applies to it.
    """

    facet = models.CharField(_("Filter"), max_length=20)
    value = models.BigIntegerField(_("Wert"))
    count = models.IntegerField(_("Anzahl"), default=0)
    transfer_count = models.IntegerField(_("Anzahl mit Transfer-Angebot"), db_default=0)

    class Meta:
        verbose_name = _("Filterzählung")
        verbose_name_plural = _("Filterzählungen")
        ordering = ["facet", "value"]
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="facetcount_unique_facet_value")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}: {self.count}"


class ConditionalFacetCount(models.Model):
    """Published projects carrying a facet value, among those matching one or two other filter values.

    ``given`` names the values as ``facet=id`` terms, sorted and joined by ``&`` (see ``given_key``),
    for example ``handlungsfeld=3&uebergang=2`` or ``uebergang=2&uebergang=3``. With up to two other
    filters chosen, a facet's counts are sums of these rows (see ``facet_counts``), so the project list
    need not count projects one by one.
    Trigger-maintained (migration 0009).
    """

    given = models.CharField(_("Bedingung"), max_length=80)
    facet = models.CharField(_("Filter"), max_length=20)
    value = models.BigIntegerField(_("Wert"))
    count = models.IntegerField(_("Anzahl"), db_default=0)
    transfer_count = models.IntegerField(_("Anzahl mit Transfer-Angebot"), db_default=0)

    class Meta:
        verbose_name = _("bedingte Filterzählung")
        verbose_name_plural = _("bedingte Filterzählungen")
        ordering = ["given", "facet", "value"]
        constraints = [models.UniqueConstraint(fields=["given", "facet", "value"], name="conditionalfacetcount_unique")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value} | {self.given}: {self.count}"

    @staticmethod
    def given_key(values: list[tuple[str, int]]) -> str:
        """The ``given`` of the projects that have each of the ``(facet, value id)``."""
        return "&".join(f"{facet}={value}" for facet, value in sorted(values))


class SearchQueryField(models.TextField):
    """A stored ``tsquery`` (read back as its text, e.g. ``'famili':*``)."""

    def db_type(self, connection) -> str:
        return "tsquery"


class SearchTermQuerySet(models.QuerySet):
    def for_terms(self, terms: list[str]) -> "SearchTerm | None":
        """The frequent word that a search for ``terms`` asks for (one query), else None.

        ``listed`` is the length of its list of best hits: that many results it can rank.
        """
        if len(terms) != 1:
            return None
        # Raw SQL: this runs on every one-word search, and the ORM's compiling costs more than the query.
        found = self.raw(
            "SELECT t.*, (SELECT count(*) FROM projects_searchtermhit h WHERE h.term_id = t.id) AS listed"
            " FROM projects_searchterm t WHERE t.query = to_tsquery(%s::regconfig, %s)",
            [SEARCH_CONFIG, query_text(terms)],
        )
        return next(iter(found), None)


class SearchTerm(models.Model):
    """A word in so many published projects that counting or ranking its hits per request is too slow.

    Chosen from time to time by ``manage.py refresh_search_terms``. For each, trigger-maintained
    (migration 0010): the facet counts of its hits as ``ConditionalFacetCount`` rows (``given`` =
    ``q=<id>``) and its best hits in ``SearchTermHit``, so a search for the word alone reads both
    instead of scanning tens of thousands of projects.
    """

    query = SearchQueryField(_("Suchanfrage"), unique=True)
    projects = models.IntegerField(_("Projekte bei der Auswahl"), default=0)
    list_size = models.IntegerField(_("Länge der Trefferliste"), default=200)
    # Every published hit ranked at least this high is listed in SearchTermHit (0: every hit).
    floor = models.FloatField(_("niedrigster gelisteter Rang"), default=0)

    objects = SearchTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("häufiger Suchbegriff")
        verbose_name_plural = _("häufige Suchbegriffe")
        ordering = ["-projects"]

    def __str__(self) -> str:
        return self.query

    @property
    def given(self) -> str:
        """The ``ConditionalFacetCount.given`` of this term's counters."""
        return f"q={self.pk}"


class SearchTermHit(models.Model):
    """A published project among the best-ranked hits of a ``SearchTerm`` (all those ranked ≥ its floor)."""

    pk = models.CompositePrimaryKey("term_id", "project_id")
    term = models.ForeignKey(SearchTerm, on_delete=models.CASCADE, related_name="hits", db_index=False)
    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="search_term_hits")
    rank = models.FloatField(_("Rang"))

    class Meta:
        verbose_name = _("Treffer eines häufigen Suchbegriffs")
        verbose_name_plural = _("Treffer häufiger Suchbegriffe")
        indexes = [models.Index("term", models.F("rank").desc(), name="searchtermhit_term_rank")]

    def __str__(self) -> str:
        return f"{self.term_id}/{self.project_id}: {self.rank}"


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
