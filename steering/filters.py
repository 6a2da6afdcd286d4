"""Filtering projects by their good-practice profile ("mind. Stufe 3 bei Partizipation").

``projects_with_min_criterion_level`` is the queryset building block; ``GoodPracticeFilterSet`` adds
the two form fields to any project FilterSet (``class ProjectFilter(GoodPracticeFilterSet): …``).
"""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from transferboerse.widgets import LightSelect

from .models import LEVELS, Criterion, CriterionRating


def min_criterion_level_condition(criterion_slug: str, level: int) -> Q:
    """Projects whose self-check rates the criterion at ``level`` or higher."""
    ratings = CriterionRating.objects.filter(criterion__slug=criterion_slug, level__gte=level)
    return Q(self_check__in=ratings.values("self_check"))


def projects_with_min_criterion_level(projects: QuerySet, criterion_slug: str, level: int) -> QuerySet:
    return projects.filter(min_criterion_level_condition(criterion_slug, level))


class GoodPracticeFilterSet(django_filters.FilterSet):
    """Two fields that act together: a criterion and the minimum level (both needed to filter).

    The criterion choices are loaded from the database unless the caller, which may load them together
    with other choices, passes them in as ``criterion_choices=[(slug, name), …]``.
    """

    gp_kriterium = django_filters.ChoiceFilter(
        label=_("Good-Practice-Kriterium"), method="filter_nothing", empty_label=_("alle"), widget=LightSelect
    )
    gp_stufe = django_filters.ChoiceFilter(
        label=_("mindestens"),
        choices=LEVELS,
        method="filter_nothing",
        empty_label=_("beliebige Stufe"),
        widget=LightSelect,
    )

    def __init__(self, *args, criterion_choices: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if criterion_choices is None:
            criterion_choices = list(Criterion.objects.values_list("slug", "name"))
        self.filters["gp_kriterium"].extra["choices"] = criterion_choices

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        criterion = self.form.cleaned_data.get("gp_kriterium")
        level = self.form.cleaned_data.get("gp_stufe")
        if criterion and level:
            queryset = projects_with_min_criterion_level(queryset, criterion, int(level))
        return queryset
