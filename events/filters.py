import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from transferboerse.text_search import match_text

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.named: list = []  # the Übergänge and Handlungsfelder the text named, for the chips

    def filter_text(self, queryset, name, value):
        """Title, description, programme, place, Übergänge and Handlungsfelder through the search engine
        (typo-tolerant; a named Übergang or Handlungsfeld becomes a filter), in the list's date order."""
        if not value.strip():
            return queryset
        found = match_text("event", value[:MAX_QUERY_LENGTH])
        self.named = found.named
        return queryset.filter(pk__in=found.ids)
