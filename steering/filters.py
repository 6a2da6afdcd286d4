"""Filtering projects by their good-practice profile ("mind. Stufe 3 bei Partizipation").

``projects_with_min_criterion_level`` is the queryset building block; ``GoodPracticeFilterSet`` adds
the two form fields to any project FilterSet (``class ProjectFilter(GoodPracticeFilterSet): …``).
"""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import LEVELS, Criterion, CriterionRating


def min_criterion_level_condition(criterion: Criterion, level: int) -> Q:
    """Projects whose self-check rates ``criterion`` at ``level`` or higher."""
    ratings = CriterionRating.objects.filter(criterion=criterion, level__gte=level)
    return Q(self_check__in=ratings.values("self_check"))


def projects_with_min_criterion_level(projects: QuerySet, criterion: Criterion, level: int) -> QuerySet:
    return projects.filter(min_criterion_level_condition(criterion, level))


class GoodPracticeFilterSet(django_filters.FilterSet):
    """Two fields that act together: a criterion and the minimum level (both needed to filter)."""

    gp_kriterium = django_filters.ModelChoiceFilter(
        label=_("Good-Practice-Kriterium"),
        queryset=Criterion.objects.all(),
        to_field_name="slug",
        method="filter_nothing",
        empty_label=_("alle"),
    )
    gp_stufe = django_filters.ChoiceFilter(
        label=_("mindestens"), choices=LEVELS, method="filter_nothing", empty_label=_("beliebige Stufe")
    )

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        criterion = self.form.cleaned_data.get("gp_kriterium")
        level = self.form.cleaned_data.get("gp_stufe")
        if criterion and level:
            queryset = projects_with_min_criterion_level(queryset, criterion, int(level))
        return queryset
