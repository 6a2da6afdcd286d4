"""The lists of the lower apps (offers, Gesuche, networks, Fachtage) search through the search app, which sits above
them: it is wired in by the dotted path ``settings.SEARCH_MATCHER`` (no import, like ``include()`` in the
URLconf), so every list uses the same engine and analysis without breaking the layers.

The lists show the filters in force as removable chips ("Kommune: Bergkamen ×", ``Chip``), the project list
and the Fachtage alike: ``chip`` builds each one's link, the template ``search/_chips.html`` shows them."""

from typing import NamedTuple

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.module_loading import import_string


class Chip(NamedTuple):
    """An active filter as a removable chip: its label and the list's query string without it."""

    label: str
    query: str


def chip(label: str, data: QueryDict, name: str, *, value: str = "", rest: str = "", page: str = "seite") -> Chip:
    """``label`` with the list's parameters ``data`` less parameter ``name``: only its ``value`` if one is
    given, else what remains of its text (``rest``), else all of it; and always back to the first page."""
    params = data.copy()
    if value:
        params.setlist(name, [given for given in params.getlist(name) if given != value])
    elif rest:
        params[name] = rest
    else:
        params.pop(name, None)
    params.pop(page, None)
    return Chip(label, params.urlencode())


def match_text(kind: str, text: str):
    """What the search finds for ``text`` among records of ``kind``: ``ids`` (best first) and ``named``, the
    filter values the text named, each with its ``label`` ("Übergang: Kita") and the text ``rest`` without it."""
    return import_string(settings.SEARCH_MATCHER)(kind, text)


def filter_by_text(queryset: QuerySet, kind: str, text: str) -> QuerySet:
    """``queryset`` restricted to the records of ``kind`` that the search finds for ``text``."""
    if not text.strip():
        return queryset
    return queryset.filter(Q(pk__in=match_text(kind, text).ids))
