import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from projects.models import ActionField, Municipality, Organisation, Transition
from transferboerse.text_search import filter_by_text

from .models import Network

MAX_QUERY_LENGTH = 200


class NetworkFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suchbegriff"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("z. B. Frühe Hilfen, Übergang")}),
    )
    kommune = django_filters.ModelChoiceFilter(
        label=_("Kommune"),
        queryset=Municipality.objects.grouped_by_district(),
        to_field_name="slug",
        field_name="municipalities",
        empty_label=_("alle Kommunen"),
    )
    art = django_filters.ChoiceFilter(
        label=_("Art"), field_name="kind", choices=Network.Kind.choices, empty_label=_("alle Arten")
    )
    handlungsfeld = django_filters.ModelChoiceFilter(
        label=_("Handlungsfeld"),
        queryset=ActionField.objects.all(),
        to_field_name="slug",
        field_name="action_fields",
        empty_label=_("alle Handlungsfelder"),
    )
    uebergang = django_filters.ModelChoiceFilter(
        label=_("Übergang"),
        queryset=Transition.objects.all(),
        to_field_name="slug",
        field_name="transitions",
        empty_label=_("alle Übergänge"),
    )
    koordination = django_filters.ModelChoiceFilter(
        label=_("koordiniert von"),
        queryset=Organisation.objects.filter(
            Exists(Network.objects.published().filter(coordinating_organisation=OuterRef("pk")))
        ),
        field_name="coordinating_organisation",
        empty_label=_("alle koordinierenden Stellen"),
    )

    class Meta:
        model = Network
        fields: list[str] = []

    def filter_text(self, queryset, name, value):
        """Name, description, Kommunen, Übergänge and member names through the search engine (typo-tolerant)."""
        return filter_by_text(queryset, "network", value[:MAX_QUERY_LENGTH])
