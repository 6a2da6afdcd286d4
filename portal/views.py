from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchRank
from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper, F, Prefetch, Q, Value
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from networks.models import Network
from projects.models import District, Municipality, Project, SearchTerm, Transition
from projects.search import build_query, search_terms, snippet_html, suggest, with_rank_and_headline
from transfers.models import TransferOffer, TransferService

from .filters import ProjectFilter, Sort
from .home import home_context

TRANSFER_OFFERS_PATH = "/transfer/angebote/"  # built by the transfer issue
PAGE_SIZE = 20
SIMILAR_CANDIDATES = 300


def flag(condition: Q | None):
    """A boolean annotation for ``condition``; False when there is nothing to compare."""
    if condition is None:
        return Value(False, output_field=BooleanField())
    return ExpressionWrapper(condition, output_field=BooleanField())


def transfer_offers_url(transition: Transition) -> str:
    return f"{TRANSFER_OFFERS_PATH}?{urlencode({'transition': transition.slug})}"


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


class HomeView(TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**home_context(), **kwargs)


class ProjectListView(FilterView):
    """Published projects: facets, German full-text search with typo suggestions, sorting, pages."""

    template_name = "projects/project_list.html"
    filterset_class = ProjectFilter
    queryset = Project.objects.published()

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        base = self.get_queryset()
        terms = self.filterset.terms
        query_text = (self.filterset.cleaned.get("q") or "").strip()

        search_term = SearchTerm.objects.for_terms(terms)
        counts = self.filterset.facet_counts(base, terms, search_term)
        suggestion = None
        if terms and self.filterset.total(counts) == 0:
            suggestion = suggest(terms)
            if suggestion:
                suggested_term = SearchTerm.objects.for_terms(suggestion.terms)
                suggested_counts = self.filterset.facet_counts(base, suggestion.terms, suggested_term)
                # The word list may still hold words of projects deleted since: never suggest a dead end.
                if self.filterset.total(suggested_counts):
                    terms, counts, search_term = suggestion.terms, suggested_counts, suggested_term
                else:
                    suggestion = None
        total = self.filterset.total(counts)
        paginator = KnownCountPaginator(Project.objects.none(), PAGE_SIZE, count=total)
        number = paginator.get_page(request.GET.get("seite")).number
        paginator.object_list = self.results(base, terms, search_term, end=min(number * PAGE_SIZE, total))
        page = paginator.page(number)
        projects = self.object_list = list(page.object_list)
        transitions = self.filterset.options["uebergang"]
        for project in projects:
            project.snippet = snippet_html(project.headline) if terms else None
            project.transition_labels = [t.short_label for t in transitions if t.pk in project.transition_ids]

        context = self.get_context_data(
            filter=self.filterset,
            object_list=projects,
            page_obj=page,
            paginator=paginator,
            is_paginated=paginator.num_pages > 1,
            facets=self.filterset.facets(counts),
            query_text=query_text,
            query_too_long=len(query_text) > 200,
            suggestion=suggestion,
            active_filters=self.active_filters(),
            page_query=self.query_without("seite"),
        )
        return self.render_to_response(context)

    def results(self, base, terms: list[str], search_term: SearchTerm | None, *, end: int):
        """The matching projects in the chosen order, of which the first ``end`` will be read."""
        conditions = self.filterset.conditions(terms)
        sort = self.filterset.sort
        queryset = base.only(
            "title", "slug", "summary", "has_transfer_offer", "created_at", "transition_ids", "municipality__name"
        ).select_related("municipality")
        if search_term and sort == Sort.RELEVANCE and conditions.keys() == {"q"} and search_term.listed >= end:
            # The frequent word's list of best hits holds the results up to ``end``, already ranked.
            queryset = queryset.filter(search_term_hits__term=search_term)
            rank = F("search_term_hits__rank")
        else:
            queryset = queryset.filter(*conditions.values())
            rank = None
        if terms:
            queryset = with_rank_and_headline(queryset, build_query(terms), rank)
        if sort == Sort.RELEVANCE and terms:
            return queryset.order_by("-rank", "title", "pk")
        if sort == Sort.NEWEST:
            return queryset.order_by("-created_at", "pk")
        return queryset.order_by("title", "pk")

    def query_without(self, *names: str) -> str:
        params = self.request.GET.copy()
        for name in names:
            params.pop(name, None)
        return params.urlencode()

    def active_filters(self) -> list[tuple[str, str]]:
        """(label, URL without that value) for each chosen filter value, to remove it again."""
        result = []
        cleaned = self.filterset.cleaned
        for name, objects in self.filterset.options.items():
            chosen = set(cleaned.get(name) or [])
            for obj in objects:
                if obj.slug in chosen:
                    params = self.request.GET.copy()
                    params.setlist(name, [value for value in params.getlist(name) if value != obj.slug])
                    params.pop("seite", None)
                    result.append((str(obj), params.urlencode()))
        if cleaned.get("transfer"):
            params = self.request.GET.copy()
            params.pop("transfer", None)
            params.pop("seite", None)
            result.append((_("mit Transfer-Angebot"), params.urlencode()))
        if cleaned.get("q"):
            params = self.request.GET.copy()
            params.pop("q", None)
            params.pop("seite", None)
            result.append((_("Suche: „{text}“").format(text=cleaned["q"][:60]), params.urlencode()))
        return result


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    queryset = (
        Project.objects.published()
        .with_page_lists()
        .select_related("municipality", "self_check")
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.select_related("municipality")),
            Prefetch("networks", queryset=Network.objects.order_by("name")),
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
        return super().get_context_data(chain=chain, similar_projects=self.similar_projects(project), **kwargs)

    def similar_projects(self, project: Project, limit: int = 4) -> list[Project]:
        """Projects of *other* municipalities: same transition and field first, then by text similarity."""
        terms = [term for term in search_terms(f"{project.title} {project.summary}") if len(term) >= 4]
        candidates = Project.objects.published().exclude(municipality_id=project.municipality_id)
        text_query = build_query(terms, any_term=True) if terms else None
        same_transition = Q(transition_ids__overlap=project.transition_ids) if project.transition_ids else None
        same_field = Q(field_ids__overlap=project.field_ids) if project.field_ids else None
        same_text = Q(search_vector=text_query) if terms else None
        wanted = [condition for condition in (same_transition, same_text) if condition]
        if not wanted:
            return []
        # Rank only the newest related candidates, so the page costs the same at any number of projects.
        related = candidates.filter(reduce(or_, wanted)).order_by("-created_at").values("pk")[:SIMILAR_CANDIDATES]
        queryset = Project.objects.filter(pk__in=related).select_related("municipality")
        queryset = queryset.annotate(
            same_transition=flag(same_transition),
            same_field=flag(same_field),
            similarity=SearchRank(F("search_vector"), text_query) if terms else Value(0.0),
        )
        order = ["-same_transition", "-same_field", "-similarity", "title"]
        return list(queryset.order_by(*order)[:limit])
