import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from transferboerse.text_search import filter_by_text

from .models import Event

MAX_QUERY_LENGTH = 200


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Suchbegriff"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("z. B. Kita, Frühe Hilfen, Unna")}),
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_text(self, queryset, name, value):
        """Title, description, programme, place, Übergänge and Handlungsfelder through the search engine
        (typo-tolerant; a named Übergang or Handlungsfeld becomes a filter), in the list's date order."""
        return filter_by_text(queryset, "event", value[:MAX_QUERY_LENGTH])
