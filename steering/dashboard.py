"""Key figures for the Steuerungsgruppe and the Lenkungsgruppe, per municipality (001 §5.1).

Everything is computed in a fixed number of aggregate queries, however many municipalities there are.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.models import Network
from projects.models import (
    STALE_AFTER,
    Municipality,
    PopulationFigure,
    Project,
    Transition,
    median_or_none,
    per_thousand,
)
from transfers.models import TransferInterest, TransferOffer
from transfers.reciprocity import Balance, balances

from .models import BANDS, Goal, band_for


@dataclass
class Need:
    """At one transition: the children of its age band, projects (own and serving) per 1 000 of them and
    the median of that over the towns and communities of the Kreis."""

    transition: Transition
    figure: PopulationFigure
    projects: int
    per_thousand: float | None
    district_median: float | None = None


@dataclass
class MunicipalityFigures:
    municipality: Municipality
    coverage: list[tuple[Transition, int]] = field(default_factory=list)  # published projects per transition
    own_coverage: list[tuple[Transition, int]] = field(default_factory=list)  # without those serving it
    published: int = 0
    in_review: int = 0
    stale: int = 0
    networks: int = 0
    offers: int = 0
    balance: Balance | None = None
    goals: list[Goal] = field(default_factory=list)
    network_ids: set[int] = field(default_factory=set)
    needs: list[Need] = field(default_factory=list)  # per transition with known children, in chain order
    district_medians: list[tuple[Transition, float]] = field(default_factory=list)  # of a Kreis row (is_total)
    is_total: bool = False  # a Kreis with all its towns and communities

    @property
    def covered(self) -> int:
        return sum(1 for _transition, count in self.coverage if count)

    @property
    def attainment(self) -> int | None:
        """Mean attainment of the goals measured so far (whole percent)."""
        values = [goal.attainment for goal in self.goals if goal.attainment is not None]
        return round(sum(values) / len(values)) if values else None

    @property
    def band(self):
        return band_for(self.attainment)

    def goals_by_band(self) -> list[tuple[object, list[Goal]]]:
        return [(band, [goal for goal in self.goals if goal.band == band]) for band in BANDS]


def _counts(rows) -> dict:
    return {key: count for key, count in rows}


def municipalities_with_data():
    """Municipalities that have projects, networks, goals or transfers, the Kreis before its towns."""
    return Municipality.objects.filter(
        Exists(Project.objects.filter(municipality=OuterRef("pk")))
        | Exists(Goal.objects.filter(municipality=OuterRef("pk")))
        | Exists(Network.municipalities.through.objects.filter(municipality=OuterRef("pk")))
        | Exists(TransferInterest.objects.filter(municipality=OuterRef("pk")))
    ).grouped_by_district()


def figures(municipalities=None, *, now=None) -> list[MunicipalityFigures]:
    now = now or timezone.now()
    municipalities = list(municipalities if municipalities is not None else municipalities_with_data())
    ids = [municipality.pk for municipality in municipalities]
    transitions = list(Transition.objects.all())
    projects = Project.objects.filter(municipality_id__in=ids)
    # Children per age band of these Kommunen and of the other towns of their Kreise (for the median).
    figures = kreis_figures(municipalities)
    own_coverage = (
        Project.objects.published().filter(municipality_id__in={*ids, *figures}).counts_by_municipality_and_transition()
    )
    # Projects of the Kreis or a neighbour that serve a Kommune cover its transitions, too.
    coverage = dict(own_coverage)
    for (municipality_id, transition_id, _field), (count, _by) in Project.objects.published().served_counts().items():
        coverage[(municipality_id, transition_id)] = coverage.get((municipality_id, transition_id), 0) + count
    needs = needs_by_municipality(figures, transitions, coverage)
    published = _counts(projects.published().values_list("municipality_id").annotate(n=Count("pk")).order_by())
    in_review = _counts(projects.awaiting_review().values_list("municipality_id").annotate(n=Count("pk")).order_by())
    stale = _counts(
        projects.published()
        .filter(Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=now - STALE_AFTER))
        .values_list("municipality_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    networks = defaultdict(set)
    for municipality_id, network_id in Network.municipalities.through.objects.filter(
        municipality_id__in=ids
    ).values_list("municipality_id", "network_id"):
        networks[municipality_id].add(network_id)
    offers = _counts(
        TransferOffer.objects.active()
        .filter(project__municipality_id__in=ids)
        .values_list("project__municipality_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    balance_by_id = {balance.municipality.pk: balance for balance in balances(municipalities)}
    goals = defaultdict(list)
    for goal in Goal.objects.filter(municipality_id__in=ids).with_measurements():
        goals[goal.municipality_id].append(goal)
    return [
        MunicipalityFigures(
            municipality=municipality,
            coverage=[(transition, coverage.get((municipality.pk, transition.pk), 0)) for transition in transitions],
            own_coverage=[(t, own_coverage.get((municipality.pk, t.pk), 0)) for t in transitions],
            published=published.get(municipality.pk, 0),
            in_review=in_review.get(municipality.pk, 0),
            stale=stale.get(municipality.pk, 0),
            networks=len(networks[municipality.pk]),
            network_ids=networks[municipality.pk],
            offers=offers.get(municipality.pk, 0),
            balance=balance_by_id[municipality.pk],
            goals=goals.get(municipality.pk, []),
            needs=needs.get(municipality.pk, []),
        )
        for municipality in municipalities
    ]


def kreis_figures(municipalities: list[Municipality]) -> dict[int, dict[str, PopulationFigure]]:
    """The latest population figures per age band of ``municipalities`` and of every town and community
    of their Kreise, each with its municipality (for the Kreis it belongs to); one query."""
    kreise = {municipality.parent_id or municipality.pk for municipality in municipalities}
    wanted = Q(municipality__in=municipalities) | Q(municipality_id__in=kreise) | Q(municipality__parent_id__in=kreise)
    return PopulationFigure.objects.filter(wanted).select_related("municipality").latest_by_band()


def needs_by_municipality(
    figures: dict[int, dict[str, PopulationFigure]], transitions: list[Transition], coverage: dict[tuple[int, int], int]
) -> dict[int, list[Need]]:
    """``{municipality id: [Need per transition whose age band has a figure]}``, each with the median of
    projects per 1 000 children over the towns and communities of its Kreis (not the Kreis's own row)."""
    needs: dict[int, list[Need]] = {}
    by_kreis: dict[tuple[int, int], list[Need]] = defaultdict(list)
    for municipality_id, bands in figures.items():
        for transition in transitions:
            figure = bands.get(transition.age_band)
            if figure is None:
                continue
            count = coverage.get((municipality_id, transition.pk), 0)
            need = Need(transition, figure, count, per_thousand(count, figure.count))
            needs.setdefault(municipality_id, []).append(need)
            if kreis := figure.municipality.parent_id:
                by_kreis[(kreis, transition.pk)].append(need)
    for in_kreis in by_kreis.values():
        median = median_or_none(need.per_thousand for need in in_kreis)
        for need in in_kreis:
            need.district_median = median
    return needs


def with_district_totals(rows: list[MunicipalityFigures]) -> list[MunicipalityFigures]:
    """The rows with, after the last town of each Kreis, a row summing the Kreis and its towns.

    Coverage counts the Kreis's and the towns' own projects (a project serving several towns is
    counted once, for its own Kommune); networks are counted once however many towns they reach.
    """
    groups: dict[int, list[MunicipalityFigures]] = defaultdict(list)
    for row in rows:
        groups[row.municipality.parent_id or row.municipality.pk].append(row)
    result = []
    for index, row in enumerate(rows):
        result.append(row)
        group = row.municipality.parent_id or row.municipality.pk
        following = rows[index + 1] if index + 1 < len(rows) else None
        if following is not None and (following.municipality.parent_id or following.municipality.pk) == group:
            continue
        members = groups[group]
        district = next((r.municipality for r in members if r.municipality.pk == group), None)
        if district is None or len(members) < 2:
            continue
        own = summed_own_coverage(members)
        result.append(
            MunicipalityFigures(
                municipality=district,
                coverage=own,
                own_coverage=own,
                published=sum(r.published for r in members),
                in_review=sum(r.in_review for r in members),
                stale=sum(r.stale for r in members),
                networks=len(set().union(*(r.network_ids for r in members))),
                offers=sum(r.offers for r in members),
                district_medians=district_medians(members),
                is_total=True,
            )
        )
    return result


def district_medians(rows: list[MunicipalityFigures]) -> list[tuple[Transition, float]]:
    """Per transition (in chain order) the Kreis median of projects per 1 000 children, where known."""
    medians: dict[int, tuple[Transition, float]] = {}
    for row in rows:
        for need in row.needs:
            if need.district_median is not None:
                medians.setdefault(need.transition.pk, (need.transition, need.district_median))
    return sorted(medians.values(), key=lambda item: (item[0].position, item[0].name))


def summed_own_coverage(rows: list[MunicipalityFigures]) -> list[tuple[Transition, int]]:
    """Per transition, the summed own projects of ``rows`` (without those counted through a service area)."""
    totals: dict[int, list] = {}
    for row in rows:
        for transition, count in row.own_coverage:
            totals.setdefault(transition.pk, [transition, 0])[1] += count
    return [(transition, count) for transition, count in totals.values()]


def transfers_over_time(municipality_ids=None) -> list[tuple[str, int]]:
    """Registered transfer interests per quarter ("2026 Q1"), oldest first."""
    interests = TransferInterest.objects.all()
    if municipality_ids is not None:
        interests = interests.involving(municipality_ids)
    rows = interests.annotate(quarter=TruncQuarter("created_at")).values_list("quarter").annotate(n=Count("pk"))
    return [
        (f"{quarter.year} Q{(quarter.month - 1) // 3 + 1}", count)
        for quarter, count in sorted(rows.order_by(), key=lambda row: row[0])
    ]


def attainment_over_time(rows: list[MunicipalityFigures]) -> dict[str, dict[int, int]]:
    """Per municipality and year: mean attainment of its goals at the last measurement of that year."""
    result: dict[str, dict[int, int]] = {}
    for row in rows:
        by_year: dict[int, list[int]] = defaultdict(list)
        for goal in row.goals:
            last_of_year: dict[int, Decimal] = {}
            for measurement in goal.sorted_measurements():
                last_of_year[measurement.measured_on.year] = measurement.value
            for year, value in last_of_year.items():
                by_year[year].append(goal.attainment_of(value))
        if by_year:
            result[row.municipality.name] = {year: round(sum(v) / len(v)) for year, v in sorted(by_year.items())}
    return result


def chart_data(rows: list[MunicipalityFigures]) -> dict:
    """The data of the dashboard's charts (drawn by static/js/steering-charts.js)."""
    names = [row.municipality.name for row in rows]
    stages = [(value, str(label)) for value, label in TransferInterest.Stage.choices]
    over_time = attainment_over_time(rows)
    years = sorted({year for values in over_time.values() for year in values})
    quarters = transfers_over_time()
    return {
        "coverage": {
            "type": "bar",
            "labels": names,
            "datasets": [{"label": _("Abgedeckte Übergänge (von 5)"), "data": [row.covered for row in rows]}],
            "max": 5,
        },
        "stages": {
            "type": "stacked",
            "labels": names,
            "datasets": [
                {"label": label, "data": [row.balance.received.get(value, 0) for row in rows]}
                for value, label in stages
            ],
        },
        "reciprocity": {
            "type": "bar",
            "labels": names,
            "datasets": [
                {"label": _("gegeben (umgesetzt)"), "data": [row.balance.given_completed for row in rows]},
                {"label": _("erhalten (umgesetzt)"), "data": [row.balance.received_completed for row in rows]},
            ],
        },
        "attainment": {
            "type": "bar",
            "labels": names,
            "datasets": [{"label": _("Zielerreichung in %"), "data": [row.attainment for row in rows]}],
            "max": 100,
        },
        "attainment_over_time": {
            "type": "line",
            "labels": [str(year) for year in years],
            "datasets": [
                {"label": name, "data": [values.get(year) for year in years]} for name, values in over_time.items()
            ],
            "max": 100,
        },
        "transfers_over_time": {
            "type": "line",
            "labels": [label for label, _count in quarters],
            "datasets": [{"label": _("Angemeldete Transferinteressen"), "data": [count for _label, count in quarters]}],
        },
    }
