import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, Value
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from networks.models import Network
from projects.models import Municipality, Project, SocialArea, Transition
from search import index as search_index
from search import query as search_query
from search import similar
from search.snippets import snippet
from search.vocabulary import Term, phrases_from
from transferboerse.text_search import Chip, chip
from transfers.models import TransferOffer, TransferService

from .filters import FACETS, ProjectFilter, filter_choices
from .home import home_context

TRANSFER_OFFERS_PATH = "/transfer/angebote/"
PAGE_SIZE = 20
MAX_PAGE = 5000
# Filters answered in the database, not by the index (confirmation dates age by the day, good-practice
# levels come from self-checks): a list with one is never taken from the cache.
UNCACHED_PARAMS = ("aktuell", "gp_kriterium", "gp_stufe")
FRAGMENTS_SECONDS = 300


def flag(condition: Q | None):
    """A boolean annotation for ``condition``; False when there is nothing to compare."""
    if condition is None:
        return Value(False, output_field=BooleanField())
    return ExpressionWrapper(condition, output_field=BooleanField())


def transfer_offers_url(transition: Transition) -> str:
    return f"{TRANSFER_OFFERS_PATH}?{urlencode({'uebergang': transition.slug})}"


def transfer_interest_url(offer: TransferOffer) -> str:
    return f"{TRANSFER_OFFERS_PATH}{offer.pk}/interesse/"


def district_groups_first(municipalities) -> list[Municipality]:
    """Kreise with their towns and communities first, the Kreis with most members (Kreis Unna) on top,
    then everything else in the given (alphabetical, grouped) order."""
    rows = list(municipalities)
    members: dict[int, int] = {}
    for m in rows:
        if m.parent_id:
            members[m.parent_id] = members.get(m.parent_id, 0) + 1
    return sorted(rows, key=lambda m: -members.get(m.parent_id or m.pk, 0))


class KnownCountPaginator(Paginator):
    """A paginator whose total is already known (from the facet counts), saving a COUNT query."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def requested_page(request) -> int:
    """The page asked for in ``seite``; 1 for anything that is not a page number."""
    raw = request.GET.get("seite") or "1"
    return min(max(int(raw), 1), MAX_PAGE) if raw.isdigit() and len(raw) < 6 else 1


@dataclass
class Found:
    result: search_query.Result
    words: list[str]  # the words searched for: the query's, or those of the suggestion shown instead
    page: Page
    suggestion: str | None
    suggestion_shown: bool


def search_pages(run: Callable[[list[str], int], search_query.Result], words: list[str], number: int) -> Found:
    """``run(words, page)``; where nothing matches but "Meinten Sie" names words that do, their results
    instead. A page past the end becomes the last page."""
    result, suggestion, shown = run(words, number), None, False
    if result.suggestion and not result.total:
        suggested_words = search_query.query_words(result.suggestion)
        suggested = run(suggested_words, number)
        if suggested.total:
            result, words, suggestion, shown = suggested, suggested_words, result.suggestion, True
    elif result.suggestion:
        suggestion = result.suggestion
    paginator = KnownCountPaginator(Project.objects.none(), PAGE_SIZE, count=result.total)
    page_number = paginator.get_page(number).number
    if page_number != number:
        result = run(words, page_number)
    paginator.object_list = [None] * result.total
    return Found(result, words, paginator.page(page_number), suggestion, shown)


def hits_in_order(hits, transitions, highlight: list[str]) -> list[Project]:
    """The projects of a page of hits in the engine's order, each with its snippet and Übergang labels."""
    order = {hit.pk: position for position, hit in enumerate(hits)}
    projects = sorted(
        Project.objects.filter(pk__in=order)
        .only("title", "slug", "summary", "has_transfer_offer", "transition_ids", "municipality__name")
        .select_related("municipality"),
        key=lambda project: order[project.pk],
    )
    for project in projects:
        project.snippet = snippet(project.summary, highlight) if highlight else None
        project.transition_labels = [t.short_label for t in transitions if t.pk in project.transition_ids]
    return projects


class HomeView(TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**home_context(), **kwargs)


class ProjectListView(FilterView):
    """Published projects found by the search engine: the query's names of Kommunen, Übergänge, Handlungsfelder
    and Zielgruppen become filters, the rest is text (AND, else best partial matches); drill-sideways facets,
    "Meinten Sie …?", highlighted snippets, German sort by name, pages."""

    template_name = "projects/project_list.html"
    filterset_class = ProjectFilter
    queryset = Project.objects.published()

    def get(self, request, *args, **kwargs):
        options = filter_choices()
        searcher = search_index.searcher()  # follows the change log first: one small query
        version = search_index.version()
        query_text = (request.GET.get("q") or "").strip()
        key = self.fragments_key(options, version)
        fragments = cache.get(key) if key else None
        context = {}
        if fragments is None:
            context = self.search_context(options, searcher, version, query_text)
            fragments = {
                f"{name}_html": render_to_string(f"{self.template_name}#{name}", context, request)
                for name in ("filters", "results")
            }
            if key:
                cache.set(key, fragments, FRAGMENTS_SECONDS)
        return self.response_class(
            request, self.template_name, {"view": self, "query_text": query_text, **context, **fragments}
        )

    def fragments_key(self, options, version: float | None) -> str | None:
        """The cache key of the list's filters and results for this request, or None where they may not come
        from the cache. They are public (the same for everybody) and depend only on the query, the facet
        values and the index (which follows every write to what the list shows: a new version, a new key)."""
        if version is None or any(self.request.GET.get(name) for name in UNCACHED_PARAMS):
            return None
        state = repr(
            (str(search_index.directory()), version, options, get_language(), sorted(self.request.GET.lists()))
        )
        return "project-list:" + hashlib.sha256(state.encode()).hexdigest()

    def search_context(self, options, searcher, version: float | None, query_text: str) -> dict:
        data, understood = self.understood_data(options)
        self.filterset = filterset = ProjectFilter(
            data, self.get_queryset(), options=options, searched=bool(query_text), request=self.request
        )
        condition = filterset.id_condition()
        only_ids = list(self.get_queryset().filter(condition).values_list("pk", flat=True)) if condition else None

        def run(words, page):
            return search_query.run(
                "project",
                words=words,
                phrases=understood.phrases,
                filters=filterset.engine_filters(),
                only_ids=only_ids,
                facets=[*FACETS, "transfer"],
                sort=filterset.sort,
                offset=(page - 1) * PAGE_SIZE,
                limit=PAGE_SIZE,
                searcher=searcher,
                version=version,
            )

        found = search_pages(run, understood.words, requested_page(self.request))
        highlight = [*found.words, *(word for phrase in understood.phrases for word in phrase)]
        projects = self.object_list = hits_in_order(found.result.hits, filterset.options["uebergang"], highlight)
        found.page.object_list = projects
        chips = self.active_filters(data)
        return self.get_context_data(
            filter=filterset,
            object_list=projects,
            page_obj=found.page,
            paginator=found.page.paginator,
            is_paginated=found.page.paginator.num_pages > 1,
            facets=filterset.facets(found.result.counts),
            query_text=query_text,
            query_too_long=len(query_text) > 200,
            suggestion=found.suggestion,
            suggestion_shown=found.suggestion_shown,
            partial=found.result.partial,
            active_filters=chips,
            filter_count=len(chips),
            page_query=self.query_without(data, "seite"),
        )

    def understood_data(self, options) -> tuple:
        """The request's parameters with the filter values named in ``q`` added and taken out of ``q``."""
        data = self.request.GET.copy()
        known = phrases_from(options)
        understood = search_query.understand(data.get("q") or "", known=known)
        slugs = {(name, choice.pk): choice.slug for name in FACETS for choice in options[name]}
        for term in understood.terms:
            term: Term
            slug = slugs.get((term.facet, term.pk))
            if slug and slug not in data.getlist(term.facet):
                data.appendlist(term.facet, slug)
        if "q" in data:
            data["q"] = understood.text
        return data, understood

    @staticmethod
    def query_without(data, *names: str) -> str:
        params = data.copy()
        for name in names:
            params.pop(name, None)
        return params.urlencode()

    def active_filters(self, data) -> list[Chip]:
        """A chip ("Facet: value", URL without that value) for each chosen filter value, to remove it again."""
        result = []
        cleaned = self.filterset.cleaned
        for name, objects in self.filterset.options.items():
            chosen = set(cleaned.get(name) or [])
            label = self.filterset.filters[name].label
            for obj in objects:
                if obj.slug in chosen:
                    value = obj.short_label if name == "uebergang" else obj.label  # "Übergang: Kita"
                    result.append(chip(f"{label}: {value}", data, name, value=obj.slug))
        if cleaned.get("transfer"):
            result.append(chip(_("mit Transfer-Angebot"), data, "transfer"))
        if cleaned.get("aktuell"):
            result.append(chip(_("aktuell bestätigt"), data, "aktuell"))
        if cleaned.get("q"):
            result.append(chip(_("Suche: „{text}“").format(text=cleaned["q"][:60]), data, "q"))
        return result


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    queryset = (
        Project.objects.published()
        .with_page_lists()
        .select_related("municipality", "self_check")
        .prefetch_related(
            Prefetch("social_areas", queryset=SocialArea.objects.select_related("municipality")),
            Prefetch("networks", queryset=Network.objects.published().order_by("name")),
            Prefetch(
                "transfer_offers",
                queryset=TransferOffer.objects.filter(is_active=True).prefetch_related(
                    Prefetch("services", queryset=TransferService.objects.order_by("kind"))
                ),
                to_attr="active_transfer_offers",
            ),
        )
    )

    def get_context_data(self, **kwargs):
        project = self.object
        chain = [(transition, transition.pk in project.transition_ids) for transition in Transition.objects.all()]
        for offer in project.active_transfer_offers:
            offer.interest_url = transfer_interest_url(offer)
        return super().get_context_data(chain=chain, similar_projects=similar.similar_projects(project), **kwargs)
