"""The lists of the lower apps (offers, Gesuche, networks, Fachtage) search through the search app, which sits above
them: it is wired in by the dotted path ``settings.SEARCH_MATCHER`` (no import, like ``include()`` in the
URLconf), so every list uses the same engine and analysis without breaking the layers."""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.module_loading import import_string


def filter_by_text(queryset: QuerySet, kind: str, text: str) -> QuerySet:
    """``queryset`` restricted to the records of ``kind`` that the search finds for ``text``."""
    if not text.strip():
        return queryset
    matcher = import_string(settings.SEARCH_MATCHER)
    return queryset.filter(Q(pk__in=matcher(kind, text)))
