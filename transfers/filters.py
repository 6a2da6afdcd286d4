import django_filters
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.utils.translation import gettext_lazy as _

from projects.models import Field, Municipality, TargetGroup, Transition
from projects.search import build_query, search_terms

from .models import TransferOffer, TransferRequest, TransferService


def _search(queryset, prefix: str, fields: list[str], value: str):
    if not value.strip():
        return queryset
    vector = SearchVector(*[f"{prefix}{name}" for name in fields], config="german")
    return queryset.annotate(search=vector).filter(search=SearchQuery(value, config="german", search_type="websearch"))


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="search")
    transition = django_filters.ModelChoiceFilter(
        label=_("Übergang"),
        field_name="project__transitions",
        to_field_name="slug",
        queryset=Transition.objects.all(),
        empty_label=_("alle Übergänge"),
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        field_name="project__fields",
        to_field_name="slug",
        queryset=Field.objects.all(),
        empty_label=_("alle Handlungsfelder"),
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Zielgruppe"),
        field_name="project__target_groups",
        to_field_name="slug",
        queryset=TargetGroup.objects.all(),
        empty_label=_("alle Zielgruppen"),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Anbietende Kommune"),
        field_name="project__municipality",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        empty_label=_("alle Kommunen"),
    )
    service = django_filters.ChoiceFilter(
        label=_("Leistung"), field_name="services__kind", choices=TransferService.Kind.choices, empty_label=_("alle")
    )

    class Meta:
        model = TransferOffer
        fields = []

    def search(self, queryset, name, value):
        # The project's stored search vector (GIN-indexed, maintained by triggers) – nothing computed here.
        terms = search_terms(value)
        return queryset.filter(project__search_vector=build_query(terms)) if terms else queryset

    def filter_queryset(self, queryset):
        # m2m facets can repeat rows; distinct keeps one card per offer
        return super().filter_queryset(queryset).distinct()


class RequestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="search")
    transition = django_filters.ModelChoiceFilter(
        label=_("Übergang"),
        field_name="transitions",
        to_field_name="slug",
        queryset=Transition.objects.all(),
        empty_label=_("alle Übergänge"),
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        field_name="fields",
        to_field_name="slug",
        queryset=Field.objects.all(),
        empty_label=_("alle Handlungsfelder"),
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Zielgruppe"),
        field_name="target_groups",
        to_field_name="slug",
        queryset=TargetGroup.objects.all(),
        empty_label=_("alle Zielgruppen"),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Suchende Kommune"),
        field_name="municipality",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        empty_label=_("alle Kommunen"),
    )

    class Meta:
        model = TransferRequest
        fields = []

    def search(self, queryset, name, value):
        return _search(queryset, "", ["title", "need"], value)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()
