"""The lists a user can save a search on, and what a saved search finds.

Each list registers its filterset and base queryset here: the transfer lists in ``TransfersConfig``,
the project list in the app that owns it (``portal``), so this app never imports a higher one.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import QueryDict


@dataclass(frozen=True)
class SearchableList:
    name: str  # the key stored in SavedSearch.list_name
    label: str  # German, for "Meine Suchaufträge"
    url_name: str  # the list page
    filterset_class: type
    queryset: Callable  # () -> the list's base queryset
    # (filterset, base queryset) -> results; by default the filterset's own ``qs``
    apply: Callable | None = None


LISTS: dict[str, SearchableList] = {}


def register(searchable: SearchableList) -> None:
    LISTS[searchable.name] = searchable


def result_ids(list_name: str, query: str) -> list[int]:
    """The ids of everything the list shows for the saved filters and search, in a fixed order."""
    searchable = LISTS[list_name]
    base = searchable.queryset()
    filterset = searchable.filterset_class(data=QueryDict(query), queryset=base)
    if searchable.apply is not None:
        queryset = searchable.apply(filterset, base)
    else:
        queryset = filterset.qs if filterset.is_valid() else base.none()
    return sorted(set(queryset.values_list("pk", flat=True)))


def results(list_name: str, ids) -> list:
    """The objects with these ids, for the notification's text."""
    return list(LISTS[list_name].queryset().model._default_manager.filter(pk__in=list(ids)).order_by("pk"))


def describe(list_name: str, query: str) -> str:
    """The saved filters in words, with the list's own labels: "Übergang: Übergang in die Kita"."""
    searchable = LISTS[list_name]
    form = searchable.filterset_class(data=QueryDict(query), queryset=searchable.queryset().none()).form
    parts = []
    for key, values in QueryDict(query).lists():
        field = form.fields.get(key)
        values = [value for value in values if value]
        if field is None or not values:
            continue
        choices = {str(value): str(label) for value, label in getattr(field, "choices", [])}
        shown = ", ".join(choices.get(value, value) for value in values)
        parts.append(f"{field.label}: {shown}")
    return "; ".join(parts)
