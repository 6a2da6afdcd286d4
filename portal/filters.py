"""Faceted filtering of the public project list.

Facet options (and the good-practice criteria) are loaded once per request in one query and
validated in Python, so a filter never costs an extra query; matching, ranking and the facet counts
come from the search engine (``search.query.run``).
"""

import html
from dataclasses import dataclass, field
from functools import cache

import django_filters
from crispy_forms import layout
from crispy_forms.helper import FormHelper
from django import forms
from django.db import connection
from django.db.models import F, Q, Value, Window
from django.db.models.functions import RowNumber
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from projects.models import ActionField, Municipality, Project, SocialArea, TargetGroup, Transition
from search import query as search_query
from search.analysis import query_words
from search.query import Sort as EngineSort
from steering.filters import GoodPracticeFilterSet, min_criterion_level_condition
from steering.models import Criterion
from transferboerse.widgets import LightSelect

FACETS = ["uebergang", "handlungsfeld", "zielgruppe", "kommune", "sozialraum"]


@dataclass(frozen=True)
class Choice:
    """A facet value as the filter needs it; lighter than a model instance (≈ 100 per request)."""

    pk: int
    slug: str
    label: str
    short_label: str = ""

    def __str__(self) -> str:
        return self.label


@cache
def _facet_choices_sql() -> tuple[str, tuple]:
    """One UNION ALL over the taxonomies and criteria, each numbered in its own display order (built once)."""

    def part(facet: str, queryset, extra=None):
        order = queryset.query.order_by or queryset.model._meta.ordering
        return (
            queryset.order_by()
            .annotate(facet=Value(facet), extra=extra or Value(""), rank=Window(RowNumber(), order_by=list(order)))
            .values_list("facet", "rank", "pk", "slug", "name", "extra")
        )

    parts = [
        part("uebergang", Transition.objects.all(), extra=F("short_name")),
        part("handlungsfeld", ActionField.objects.all()),
        part("zielgruppe", TargetGroup.objects.all()),
        part("kommune", Municipality.objects.grouped_by_district(), extra=F("parent__name")),
        part("sozialraum", SocialArea.objects.all(), extra=F("municipality__name")),
        part("gp_kriterium", Criterion.objects.all()),
    ]
    return parts[0].union(*parts[1:], all=True).order_by().query.sql_with_params()


def filter_choices() -> dict[str, list[Choice]]:
    """The values of each facet and the good-practice criteria, each in display order, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(*_facet_choices_sql())
        rows = sorted(cursor.fetchall())
    result: dict[str, list[Choice]] = {name: [] for name in [*FACETS, "gp_kriterium"]}
    for facet, _rank, pk, slug, name, extra in rows:
        if facet == "sozialraum":
            result[facet].append(Choice(pk, slug, SocialArea.label(name, extra)))
        else:  # a transition's short name ("Kita") labels the search results; a town's is its Kreis
            result[facet].append(Choice(pk, slug, name, short_label=extra or name))
    return result


@dataclass
class FacetOption:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    nested: bool = False  # a town under its Kreis


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)


class Sort(EngineSort):
    CHOICES = [
        (EngineSort.RELEVANCE, _("Relevanz")),
        (EngineSort.NEWEST, _("Neueste zuerst")),
        (EngineSort.NAME, _("Name (A–Z)")),
    ]


class ProjectFilter(GoodPracticeFilterSet):
    q = django_filters.CharFilter(
        label=_("Suchbegriff"),
        method="filter_nothing",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("z. B. Besuchsdienst, Kita, Eltern")}),
    )
    uebergang = django_filters.MultipleChoiceFilter(
        label=_("Übergang"), method="filter_nothing", widget=forms.CheckboxSelectMultiple
    )
    handlungsfeld = django_filters.MultipleChoiceFilter(
        label=_("Handlungsfeld"), method="filter_nothing", widget=forms.CheckboxSelectMultiple
    )
    zielgruppe = django_filters.MultipleChoiceFilter(
        label=_("Zielgruppe"), method="filter_nothing", widget=forms.CheckboxSelectMultiple
    )
    kommune = django_filters.MultipleChoiceFilter(
        label=_("Kommune"), method="filter_nothing", widget=forms.CheckboxSelectMultiple
    )
    sozialraum = django_filters.MultipleChoiceFilter(
        label=_("Sozialraum"), method="filter_nothing", widget=forms.CheckboxSelectMultiple
    )
    transfer = django_filters.BooleanFilter(
        label=_("nur mit Transfer-Angebot"),
        method="filter_nothing",
        widget=forms.CheckboxInput,
    )
    # The engine does not hold confirmation dates: like the good-practice filter, this one narrows the
    # search to the ids of the matching projects (``id_condition``).
    aktuell = django_filters.BooleanFilter(
        label=_("Aktuell bestätigt (in den letzten 18 Monaten)"),
        method="filter_nothing",
        widget=forms.CheckboxInput,
    )
    sortierung = django_filters.ChoiceFilter(
        label=_("Sortierung"), choices=Sort.CHOICES, method="filter_nothing", empty_label=None, widget=LightSelect
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, options=None, searched: bool | None = None, **kwargs):
        """``searched``: whether a query text was given, also one whose words all became filters (the view
        takes those out of ``q``); by default whether ``q`` holds text."""
        if searched is None:
            searched = data is not None and bool((data.get("q") or "").strip())
        self.default_sort = Sort.RELEVANCE if searched else Sort.NAME
        if data is not None and data.get("sortierung") not in (Sort.NEWEST, Sort.NAME):
            # The control shows the order actually used: a search ranks by relevance (a missing, invalid
            # or, without a search, meaningless choice is replaced), a list without one sorts by name.
            data = data.copy()
            data["sortierung"] = self.default_sort
        self.options = options or filter_choices()
        criteria = [(choice.slug, choice.label) for choice in self.options.pop("gp_kriterium")]
        super().__init__(data, queryset, criterion_choices=criteria, **kwargs)
        for name, objects in self.options.items():
            self.filters[name].extra["choices"] = [(obj.slug, str(obj)) for obj in objects]
        self.filters["transfer"].field_class = forms.BooleanField
        self.filters["aktuell"].field_class = forms.BooleanField

    @property
    def helper(self) -> FormHelper:
        """Crispy layout: facets as light checkbox groups, GET form tag written by the template."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        facet = "projects/_facet_checkboxes.html"
        helper.layout = layout.Layout(  # the search box "q" stays outside the fold (project_list.html)
            *[layout.Field(name, template=facet) for name in FACETS],
            "transfer",
            "aktuell",
            "gp_kriterium",
            "gp_stufe",
            "sortierung",
        )
        return helper

    def filter_nothing(self, queryset, name, value):
        """Filters are applied together by ``conditions()``, which facets need one by one."""
        return queryset

    @property
    def cleaned(self) -> dict:
        """The valid part of the input; invalid values are reported by the form and otherwise ignored."""
        self.form.is_valid()
        return getattr(self.form, "cleaned_data", {})

    def selected_ids(self, name: str) -> list[int]:
        slugs = set(self.cleaned.get(name) or [])
        return [obj.pk for obj in self.options[name] if obj.slug in slugs]

    @property
    def sort(self) -> str:
        chosen = self.cleaned.get("sortierung")
        return chosen if chosen in (Sort.NEWEST, Sort.NAME) else self.default_sort

    def engine_filters(self) -> dict[str, list[str]]:
        """The chosen facet values as the search engine's tags (ids), keyed by facet."""
        result = {name: [str(pk) for pk in ids] for name in FACETS if (ids := self.selected_ids(name))}
        if self.cleaned.get("transfer"):
            result["transfer"] = ["1"]
        return result

    def good_practice_condition(self) -> Q | None:
        criterion, level = self.cleaned.get("gp_kriterium"), self.cleaned.get("gp_stufe")
        return min_criterion_level_condition(criterion, int(level)) if criterion and level else None

    def id_condition(self) -> Q | None:
        """The chosen filters the search engine cannot apply (good practice, confirmed within 18 months)
        as one condition on projects, or None; the engine then searches only the projects it selects."""
        conditions = [condition for condition in [self.good_practice_condition()] if condition is not None]
        if self.cleaned.get("aktuell"):
            conditions.append(Q(pk__in=Project.objects.currently_confirmed().values("pk")))
        if not conditions:
            return None
        combined = conditions[0]
        for condition in conditions[1:]:
            combined &= condition
        return combined

    def facets(self, counts: dict[str, dict[str, int]]) -> list[Facet]:
        """Every facet with the count of each value under the other filters; values without results
        are left out unless chosen."""
        facets = []
        for name in FACETS:
            selected = set(self.selected_ids(name))
            facet = Facet(name=name, label=str(self.filters[name].label))
            for obj in self.options[name]:
                count = counts.get(name, {}).get(str(obj.pk), 0)
                if not count and obj.pk not in selected:
                    continue
                nested = name == "kommune" and obj.short_label != obj.label
                facet.options.append(FacetOption(obj.slug, str(obj), count, obj.pk in selected, nested))
            facets.append(facet)
        facets.append(
            Facet(
                name="transfer",
                label=str(_("Transfer")),
                options=[
                    FacetOption(
                        "on",
                        str(self.filters["transfer"].label),
                        counts.get("transfer", {}).get("1", 0),
                        bool(self.cleaned.get("transfer")),
                    )
                ],
            )
        )
        self._label_choices(facets)
        return facets

    def _label_choices(self, facets: list[Facet]) -> None:
        """Show each value's count in the (crispy-rendered) form."""
        for facet in facets:
            if facet.name == "transfer":
                option = facet.options[0]
                label = f"{option.label} ({option.count})"
                # The bound field copied the label when the form was validated; update both.
                self.form.fields["transfer"].label = self.form["transfer"].label = label
                continue
            form_field = self.form.fields[facet.name]
            form_field.choices = [(option.value, f"{option.label} ({option.count})") for option in facet.options]
            # Read by projects/_facet_checkboxes.html: built here with the standard library's escape,
            # because a template loop (or format_html) over ~100 options costs more than a search query.
            name = facet.name
            form_field.facet_html = mark_safe(
                "".join(
                    f'<div class="kern-form-check{" kern-ml-md" if o.nested else ""}">'
                    f'<input type="checkbox" class="kern-form-check__checkbox" name="{name}"'
                    f' value="{html.escape(o.value)}" id="id_{name}_{i}"{" checked" if o.selected else ""}>'
                    f'<label class="kern-label" for="id_{name}_{i}">{html.escape(o.label)} ({o.count})</label>'
                    "</div>"
                    for i, o in enumerate(facet.options)
                )
            )


def saved_search_results(filterset: ProjectFilter, published):
    """What a saved search of the project list finds now: the same engine query as the list, all hits."""
    if condition := filterset.id_condition():
        only_ids = list(published.filter(condition).values_list("pk", flat=True))
    else:
        only_ids = None
    found = search_query.run(
        "project",
        words=query_words(filterset.cleaned.get("q") or ""),
        filters=filterset.engine_filters(),
        only_ids=only_ids,
        limit=10_000,
    )
    return published.filter(pk__in=[hit.pk for hit in found.hits])
