"""Kommunen and their prevention chains: the directory, Kommune and Kreis pages, the chain and the gap
grid, and the needs beside their coverage (``portal.gaps`` has the page a gap leads to).

A project counts for its own Kommune and for the Kommunen it names as served ("über den Kreis",
"über Kommune X"). Every page reads a fixed number of queries, however many projects there are.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from networks.models import Network
from projects.models import (
    ActionField,
    AgeBand,
    ChainCount,
    LifePhase,
    Municipality,
    PhaseCount,
    PopulationFigure,
    Project,
    Transition,
    median_or_none,
    per_thousand,
)
from transferboerse import spreadsheets
from transfers.models import TransferOffer

from .views import district_groups_first, transfer_interest_url

CHAIN_PROJECTS_PER_TRANSITION = 8


def group_id(municipality: Municipality) -> int:
    """The Kreis a municipality belongs to (a Kreis or a Kommune without one: itself)."""
    return municipality.parent_id or municipality.pk


def gap_url(municipality: Municipality, transition: Transition, field: ActionField | None = None) -> str:
    url = reverse("projects:gap", kwargs={"slug": municipality.slug, "transition": transition.slug})
    return f"{url}?{urlencode({'handlungsfeld': field.slug})}" if field else url


def phase_gap_url(municipality: Municipality, phase: LifePhase) -> str:
    return reverse("projects:phase_gap", kwargs={"slug": municipality.slug, "phase": phase.slug})


def phase_transition(phase: LifePhase, transitions: list[Transition]) -> Transition | None:
    """The transition into ``phase`` (for the first phase: the one out of it); where a phase's gap leads."""
    into = [t for t in transitions if t.phase_after_id == phase.pk]
    out_of = [t for t in transitions if t.phase_before_id == phase.pk]
    return (into or out_of or [None])[0]


# --- needs beside coverage ---------------------------------------------------------------------------


@dataclass
class Need:
    """Children of a transition's age band in a Kommune, and the projects per 1 000 of them."""

    figure: PopulationFigure
    projects: int
    per_thousand: float | None
    district_median: float | None = None


def group_figures(municipality: Municipality) -> dict[int, dict[str, PopulationFigure]]:
    """The latest population figures per age band of the Kommunen in ``municipality``'s Kreis; one query."""
    kreis = group_id(municipality)
    figures = PopulationFigure.objects.filter(Q(municipality_id=kreis) | Q(municipality__parent_id=kreis))
    return figures.latest_by_band()


def needs_in_group(
    municipality: Municipality, transitions: list[Transition], figures: dict | None = None
) -> dict[tuple[int, int], Need]:
    """``{(municipality id, transition id): Need}`` for the Kommunen of ``municipality``'s Kreis, with the
    Kreis median of projects per 1 000 children (the Kreis's own row aside); no query where no figures
    are known, else two (plus one unless ``figures`` come from ``group_figures``)."""
    kreis = group_id(municipality)
    figures = group_figures(municipality) if figures is None else figures
    if not figures:
        return {}
    own = {(m, t): n for (m, t, _f), n in ChainCount.cells(by_field=False).items() if m in figures}
    served = Project.objects.published().served_counts()
    needs = {}
    for municipality_id, bands in figures.items():
        for transition in transitions:
            figure = bands.get(transition.age_band)
            if figure is None:
                continue
            key = (municipality_id, transition.pk)
            count = own.get(key, 0) + served.get((*key, None), (0, []))[0]
            needs[key] = Need(figure, count, per_thousand(count, figure.count))
    set_district_medians(needs, [transition.pk for transition in transitions], kreis=kreis)
    return needs


def set_district_medians(needs: dict[tuple[int, int], Need], column_ids: list[int], *, kreis: int) -> None:
    """Per column (transition or life phase), the median of projects per 1 000 children over the Kreis's
    towns and communities (the Kreis's own row aside), written into each of their needs."""
    for column_id in column_ids:
        in_kreis = [need for (m, c), need in needs.items() if c == column_id and m != kreis]
        median = median_or_none(need.per_thousand for need in in_kreis)
        for need in in_kreis:
            need.district_median = median


def phase_needs_in_group(
    municipality: Municipality, phases: list[LifePhase], figures: dict | None = None
) -> dict[tuple[int, int], Need]:
    """``{(municipality id, life phase id): Need}`` for the Kommunen of ``municipality``'s Kreis: projects
    naming the phase, own and serving, per 1 000 children of its age band, with the Kreis median. No query
    where no figures are known, else two (plus one unless ``figures`` come from ``group_figures``)."""
    figures = group_figures(municipality) if figures is None else figures
    if not figures:
        return {}
    own = PhaseCount.cells(list(figures))
    served = Project.objects.published().served_counts(by="phases")
    needs = {}
    for municipality_id, bands in figures.items():
        for phase in phases:
            figure = bands.get(phase.age_band)
            if figure is None:
                continue
            key = (municipality_id, phase.pk)
            count = own.get(key, 0) + served.get((*key, None), (0, []))[0]
            needs[key] = Need(figure, count, per_thousand(count, figure.count))
    set_district_medians(needs, [phase.pk for phase in phases], kreis=group_id(municipality))
    return needs


def figure_sources(figures: dict, municipality: Municipality) -> list[tuple[int, str]]:
    """``[(year, source)]`` of the population figures shown for ``municipality``, newest first: the note
    under a chain that says where its numbers of children come from."""
    return sorted({(f.year, f.source) for f in figures.get(municipality.pk, {}).values()}, key=lambda s: (-s[0], s[1]))


# --- the chain ---------------------------------------------------------------------------------------


@dataclass
class ChainLink:
    transition: Transition
    projects: list
    networks: list
    project_count: int = 0
    served_projects: list = dataclass_field(default_factory=list)
    gap_url: str = ""
    need: Need | None = None

    @property
    def more_url(self) -> str:
        return f"{reverse('projects:list')}?{urlencode({'uebergang': self.transition.slug})}"

    @property
    def is_gap(self) -> bool:
        return not self.projects and not self.served_projects


def served_projects(municipality: Municipality) -> list[Project]:
    """Published projects of other Kommunen serving ``municipality``, each with its ``served_label`` (and
    ``phase_ids``, the life phases it names)."""
    projects = list(
        Project.objects.published()
        .served_in(municipality)
        .only("title", "slug", "transition_ids", "phase_ids", "municipality__name", "municipality__kind")
        .select_related("municipality")
        .order_by("title")
    )
    for project in projects:
        project.served_label = municipality.served_label(project.municipality)
    return projects


def chain_links(
    municipality: Municipality,
    *,
    transitions: list[Transition] | None = None,
    needs: dict | None = None,
    serving: list[Project] | None = None,
) -> list[ChainLink]:
    """The municipality's prevention chain: per transition its published projects, those of others serving
    it, and the networks carrying them.

    Each column shows at most ``CHAIN_PROJECTS_PER_TRANSITION`` own projects (by title) and the total count.
    """
    transitions = transitions if transitions is not None else list(Transition.objects.all())
    counts, shown = municipality.projects.published().first_per_transition(CHAIN_PROJECTS_PER_TRANSITION)
    projects = Project.objects.only("title", "slug").in_bulk({pk for ids in shown.values() for pk in ids})
    serving = served_projects(municipality) if serving is None else serving
    networks = list(
        Network.objects.published()
        .filter(Q(municipalities=municipality) | Q(projects__municipality=municipality))
        .annotate(
            covered_transition_ids=ArrayAgg("transitions__id", distinct=True, default=[]),
            carried_project_ids=ArrayAgg("projects__id", distinct=True, default=[]),
        )
        .order_by("name")
    )
    needs = needs or {}
    links = []
    for transition in transitions:
        in_column = [projects[pk] for pk in shown.get(transition.pk, [])]
        project_ids = {p.pk for p in in_column}
        carrying = [
            n
            for n in networks
            if transition.pk in n.covered_transition_ids or project_ids & set(filter(None, n.carried_project_ids))
        ]
        links.append(
            ChainLink(
                transition,
                in_column,
                carrying,
                counts.get(transition.pk, 0),
                served_projects=[p for p in serving if transition.pk in p.transition_ids],
                gap_url=gap_url(municipality, transition),
                need=needs.get((municipality.pk, transition.pk)),
            )
        )
    return links


@dataclass
class PhaseStep:
    """A life phase of the chain with its projects, and the transition that leads out of it (if any)."""

    phase: LifePhase
    projects: list
    project_count: int = 0
    served_projects: list = dataclass_field(default_factory=list)
    gap_url: str = ""
    need: Need | None = None
    next_link: ChainLink | None = None

    @property
    def is_gap(self) -> bool:
        return not self.projects and not self.served_projects


def phase_steps(
    municipality: Municipality,
    links: list[ChainLink],
    *,
    phases: list[LifePhase],
    serving: list[Project],
    needs: dict | None = None,
) -> list[PhaseStep]:
    """The chain by life phase: per phase the published projects naming it (at most
    ``CHAIN_PROJECTS_PER_TRANSITION`` by title, and the count), those of others serving the Kommune
    (``serving``, from ``served_projects``), the children of its age band with the Kreis median (``needs``,
    from ``phase_needs_in_group``), and the transition out of it (from ``links``). One query."""
    counts, shown = municipality.projects.published().first_per_phase(CHAIN_PROJECTS_PER_TRANSITION)
    needs = needs or {}
    steps = []
    for phase in phases:
        served = [p for p in serving if phase.pk in p.phase_ids]
        count = counts.get(phase.pk, 0)
        steps.append(
            PhaseStep(
                phase,
                shown.get(phase.pk, []),
                count,
                served_projects=served,
                gap_url=phase_gap_url(municipality, phase),
                need=needs.get((municipality.pk, phase.pk)),
                next_link=next((link for link in links if link.transition.phase_before_id == phase.pk), None),
            )
        )
    return steps


# --- coverage cells (gap grid, Kreis page) -----------------------------------------------------------


@dataclass
class GapCell:
    count: int
    url: str
    label: str
    served: int = 0
    served_label: str = ""
    need: Need | None = None

    @property
    def is_gap(self) -> bool:
        return self.count == 0 and self.served == 0


@dataclass
class CoverageRow:
    municipality: Municipality
    cells: list[GapCell]
    is_total: bool = False  # the Kreis with all its towns and communities, summed


def coverage_rows(municipalities: list[Municipality], transitions: list[Transition], fields: list) -> list:
    """One row per municipality of published-project counts per (transition, field or None); a Kreis that
    has towns in the list is followed by a row summing the Kreis and its towns. Two queries."""
    by_field = fields != [None]
    counts = ChainCount.cells(by_field=by_field)
    served = Project.objects.published().served_counts(by_field=by_field)
    names = {m.pk: m for m in municipalities}
    columns = [(transition, field) for transition in transitions for field in fields]
    list_url = reverse("projects:list")
    members: dict[int, list[Municipality]] = {}
    for municipality in municipalities:
        if municipality.parent_id in names:
            members.setdefault(municipality.parent_id, []).append(municipality)

    def label(transition, field) -> str:
        return transition.label if field is None else f"{transition.label} · {field.name}"

    def row(municipality: Municipality) -> CoverageRow:
        cells = []
        for transition, field in columns:
            key = (municipality.pk, transition.pk, field.pk if field else None)
            count = counts.get(key, 0)
            served_count, providers = served.get(key, (0, []))
            if count:
                params = {"kommune": municipality.slug, "uebergang": transition.slug}
                if field:
                    params["handlungsfeld"] = field.slug
                url = f"{list_url}?{urlencode(params)}"
            else:
                url = gap_url(municipality, transition, field)
            via = ""
            if served_count:
                via = "; ".join(
                    sorted({municipality.served_label(names[p]) if p in names else _("über andere") for p in providers})
                )
            cells.append(GapCell(count, url, label(transition, field), served_count, via))
        return CoverageRow(municipality, cells)

    def total(district: Municipality) -> CoverageRow:
        group = [district, *members[district.pk]]
        cells = []
        for transition, field in columns:
            count = sum(counts.get((m.pk, transition.pk, field.pk if field else None), 0) for m in group)
            params = [("kommune", m.slug) for m in group] + [("uebergang", transition.slug)]
            if field:
                params.append(("handlungsfeld", field.slug))
            url = f"{list_url}?{urlencode(params)}" if count else gap_url(district, transition, field)
            cells.append(GapCell(count, url, label(transition, field)))
        return CoverageRow(district, cells, is_total=True)

    rows = []
    for index, municipality in enumerate(municipalities):
        rows.append(row(municipality))
        group = group_id(municipality)
        following = municipalities[index + 1] if index + 1 < len(municipalities) else None
        ends_group = following is None or group_id(following) != group
        if ends_group and group in members:
            rows.append(total(names[group]))
    return rows


def phase_coverage_rows(municipalities: list[Municipality], phases: list[LifePhase]) -> list[CoverageRow]:
    """Like ``coverage_rows``, one column per life phase: projects naming the phase, own and serving. A count
    leads to the Kommune's chain at that phase, a gap to the page of that phase's gap. Two queries."""
    counts = PhaseCount.cells()
    served = Project.objects.published().served_counts(by="phases")
    names = {m.pk: m for m in municipalities}
    members: dict[int, list[Municipality]] = {}
    for municipality in municipalities:
        if municipality.parent_id in names:
            members.setdefault(municipality.parent_id, []).append(municipality)

    def cell_url(municipality: Municipality, phase: LifePhase, count: int) -> str:
        if count:
            return f"{reverse('projects:chain', kwargs={'slug': municipality.slug})}#phase-{phase.slug}"
        return phase_gap_url(municipality, phase)

    def row(municipality: Municipality) -> CoverageRow:
        cells = []
        for phase in phases:
            count = counts.get((municipality.pk, phase.pk), 0)
            served_count, providers = served.get((municipality.pk, phase.pk, None), (0, []))
            via = ""
            if served_count:
                via = "; ".join(
                    sorted({municipality.served_label(names[p]) if p in names else _("über andere") for p in providers})
                )
            cell_link = cell_url(municipality, phase, count + served_count)
            cells.append(GapCell(count, cell_link, phase.label, served_count, via))
        return CoverageRow(municipality, cells)

    def total(district: Municipality) -> CoverageRow:
        group = [district, *members[district.pk]]
        cells = []
        for phase in phases:
            count = sum(counts.get((m.pk, phase.pk), 0) for m in group)
            url = district.get_absolute_url() if count else cell_url(district, phase, 0)
            cells.append(GapCell(count, url, phase.label))
        return CoverageRow(district, cells, is_total=True)

    rows = []
    for index, municipality in enumerate(municipalities):
        rows.append(row(municipality))
        group = group_id(municipality)
        following = municipalities[index + 1] if index + 1 < len(municipalities) else None
        if (following is None or group_id(following) != group) and group in members:
            rows.append(total(names[group]))
    return rows


# --- pages -------------------------------------------------------------------------------------------


class MunicipalityListView(TemplateView):
    """All Kommunen, each Kreis with its towns and communities, then the Kommunen without a Kreis here."""

    template_name = "projects/municipality_list.html"

    def get_context_data(self, **kwargs):
        rows = list(Municipality.objects.grouped_by_district().select_related("parent"))
        districts = {m.pk: (m, []) for m in rows if m.is_district}
        others = []
        for municipality in rows:
            if municipality.parent_id in districts:
                districts[municipality.parent_id][1].append(municipality)
            elif not municipality.is_district:
                others.append(municipality)
        return super().get_context_data(districts=list(districts.values()), others=others, **kwargs)


def _each_once(records, *, key) -> list:
    """``records`` without repeats (by primary key), sorted by ``key``."""
    return sorted({record.pk: record for record in records}.values(), key=key)


def member_rows(district: Municipality, transitions, needs: dict) -> list:
    """A Kreis's coverage row and one per member town, each cell with the children it is for."""
    towns = list(district.members.order_by("name"))
    rows = coverage_rows([district, *towns], transitions, [None])
    for row in rows:
        if not row.is_total:
            for cell, transition in zip(row.cells, transitions, strict=True):
                cell.need = needs.get((row.municipality.pk, transition.pk))
    return rows


class MunicipalityDetailView(DetailView):
    template_name = "projects/municipality_detail.html"
    queryset = Municipality.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        municipality = self.object
        transitions = list(Transition.objects.all())
        offers = list(
            TransferOffer.objects.active().offered_by(municipality).select_related("project").order_by("project__title")
        )
        for offer in offers:
            offer.interest_url = transfer_interest_url(offer)
        figures = group_figures(municipality)
        needs = needs_in_group(municipality, transitions, figures)
        links = chain_links(municipality, transitions=transitions, needs=needs)
        population = sorted(
            figures.get(municipality.pk, {}).values(), key=lambda figure: AgeBand.values.index(figure.age_band)
        )
        return super().get_context_data(
            contacts=list(municipality.contacts.public()),
            chain=links,
            projects=_each_once((p for link in links for p in link.projects), key=lambda p: p.title),
            served_projects=_each_once((p for link in links for p in link.served_projects), key=lambda p: p.title),
            networks=_each_once((n for link in links for n in link.networks), key=lambda n: n.name),
            offers=offers,
            population=population,
            members=member_rows(municipality, transitions, needs) if municipality.is_district else [],
            transitions=transitions,
            **kwargs,
        )


class ChainView(DetailView):
    template_name = "projects/chain.html"
    queryset = Municipality.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        transitions = list(Transition.objects.all())
        phases = list(LifePhase.objects.all())
        figures = group_figures(self.object)
        needs = needs_in_group(self.object, transitions, figures)
        serving = served_projects(self.object)
        chain = chain_links(self.object, transitions=transitions, needs=needs, serving=serving)
        phase_needs = phase_needs_in_group(self.object, phases, figures)
        steps = phase_steps(self.object, chain, phases=phases, serving=serving, needs=phase_needs)
        # Transitions not placed between two phases still show, after the phases.
        bridged = {step.next_link.transition.pk for step in steps if step.next_link}
        unplaced = [link for link in chain if link.transition.pk not in bridged] if phases else []
        return super().get_context_data(
            chain=chain,
            steps=steps,
            unplaced=unplaced,
            figure_sources=figure_sources(figures, self.object),
            **kwargs,
        )


def gap_grid(*, by_field: bool, by_phase: bool = False):
    """Columns (transition, field or None) and rows (CoverageRow) of published-project counts; by life phase,
    the columns are (phase, None)."""
    municipalities = district_groups_first(Municipality.objects.grouped_by_district())
    if by_phase:
        phases = list(LifePhase.objects.all())
        columns = [(phase, None) for phase in phases]
        return phases, [None], columns, phase_coverage_rows(municipalities, phases)
    transitions = list(Transition.objects.all())
    fields = list(ActionField.objects.all()) if by_field else [None]
    columns = [(transition, field) for transition in transitions for field in fields]
    return transitions, fields, columns, coverage_rows(municipalities, transitions, fields)


def gap_grid_mode(request) -> tuple[bool, bool]:
    """``(by_field, by_phase)`` from the query: ``?nach=phase`` or ``?aufteilung=handlungsfeld`` (by transition)."""
    by_phase = request.GET.get("nach") == "phase"
    return not by_phase and request.GET.get("aufteilung") == "handlungsfeld", by_phase


class GapGridView(TemplateView):
    template_name = "projects/gap_grid.html"

    def get_context_data(self, **kwargs):
        by_field, by_phase = gap_grid_mode(self.request)
        transitions, fields, columns, rows = gap_grid(by_field=by_field, by_phase=by_phase)
        gap_count = sum(cell.is_gap for row in rows if not row.is_total for cell in row.cells)
        return super().get_context_data(
            by_field=by_field,
            by_phase=by_phase,
            transitions=transitions,
            fields=fields,
            columns=columns,
            rows=rows,
            gap_count=gap_count,
            **kwargs,
        )


class GapGridCsvView(View):
    """The gap grid's numbers for spreadsheets (semicolon-separated, UTF-8 with BOM for Excel)."""

    def get(self, request):
        by_field, by_phase = gap_grid_mode(request)
        _transitions, _fields, columns, rows = gap_grid(by_field=by_field, by_phase=by_phase)
        suffix = "-lebensphasen" if by_phase else "-handlungsfelder" if by_field else ""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="luecken{suffix}.csv"'
        response.write("\ufeff")
        writer = spreadsheets.writer(response, delimiter=";")
        header = [_("Kommune"), _("Kreis")]
        header += [t.name if f is None else f"{t.name} – {f.name}" for t, f in columns]
        writer.writerow(header)
        for row in rows:
            municipality = row.municipality
            if row.is_total:
                name = _("{name} mit allen Städten und Gemeinden").format(name=municipality.name)
                parent = municipality.name
            else:
                name = municipality.name
                parent = municipality.group_name if municipality.parent_id else ""  # annotated, no query
            writer.writerow([name, parent, *[cell.count for cell in row.cells]])
        return response
