"""The words of the domain that a query turns into filters: Kommunen, Übergänge, Handlungsfelder, Zielgruppen.

Phrases are compared as query words (lower case, stop words dropped, see ``analysis.query_words``)
and folded like the collation key, so "Übergang Schule–Beruf", "uebergang schule beruf" and
"Schule Beruf" name the same Übergang.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from projects.models import ActionField, Municipality, TargetGroup, Transition

from .analysis import collation_key, query_words

# Common names of the Übergänge, by the transition's slug (its short name in the demo data).
TRANSITION_SYNONYMS = {
    "geburt": ["geburt", "schwangerschaft", "schwangere", "neugeborene", "frühe kindheit"],
    "kita": ["kita", "kitas", "kindergarten", "kindertagesstätte", "kindertagesbetreuung", "krippe", "u3", "ü3"],
    "grundschule": ["grundschule", "einschulung", "schuleingang", "primarstufe"],
    "sekundarstufe": ["sekundarstufe", "weiterführende schule", "klasse 5", "sek i"],
    "beruf": ["schule beruf", "schule und beruf", "berufseinstieg", "berufsorientierung", "ausbildung", "beruf"],
}


# How a list names each facet, as in "Kommune: Bergkamen".
FACET_LABELS = {
    "kommune": _("Kommune"),
    "uebergang": _("Übergang"),
    "handlungsfeld": _("Handlungsfeld"),
    "zielgruppe": _("Zielgruppe"),
}


def transition_synonyms() -> dict[str, list[str]]:
    return TRANSITION_SYNONYMS


@dataclass(frozen=True)
class Term:
    """A value a query phrase can mean: a facet (``kommune`` …) and the value's id and label."""

    facet: str
    pk: int
    label: str


@lru_cache(maxsize=4096)  # the names of the taxonomies, folded again for every search otherwise
def _key(phrase: str) -> tuple[str, ...]:
    return tuple(collation_key(word) for word in query_words(phrase))


def phrases() -> dict[tuple[str, ...], Term]:
    """Every phrase that names a filter value, as a tuple of folded words (four small queries)."""
    result: dict[tuple[str, ...], Term] = {}

    def add(phrase: str, term: Term) -> None:
        key = _key(phrase)
        if key:
            result.setdefault(key, term)

    for municipality in Municipality.objects.all():
        term = Term("kommune", municipality.pk, municipality.name)
        add(municipality.name, term)
        # "Fröndenberg/Ruhr" is asked for as "Fröndenberg", "Kreis Unna" as "Kreis Unna" only:
        # plain "Unna" is the town.
        first = municipality.name.split("/")[0]
        if municipality.kind != Municipality.Kind.DISTRICT:
            add(first, term)
    for transition in Transition.objects.all():
        term = Term("uebergang", transition.pk, transition.short_name or transition.name)
        for phrase in [transition.name, transition.short_name, *TRANSITION_SYNONYMS.get(transition.slug, [])]:
            if phrase:
                add(phrase, term)
                add(f"Übergang {phrase}", term)
    for field in ActionField.objects.all():
        add(field.name, Term("handlungsfeld", field.pk, field.name))
    for group in TargetGroup.objects.all():
        add(group.name, Term("zielgruppe", group.pk, group.name))
    return result


def phrases_from(options: dict) -> dict[tuple[str, ...], Term]:
    """``phrases`` from the project list's already loaded facet choices (no query): ``{facet: [Choice]}``
    with ``label`` and ``short_label`` (a transition's short name, a town's Kreis)."""
    result: dict[tuple[str, ...], Term] = {}

    def add(phrase: str, term: Term) -> None:
        key = _key(phrase)
        if key:
            result.setdefault(key, term)

    for choice in options.get("kommune", []):
        term = Term("kommune", choice.pk, choice.label)
        add(choice.label, term)
        if "/" in choice.label:
            add(choice.label.split("/")[0], term)
    for choice in options.get("uebergang", []):
        term = Term("uebergang", choice.pk, choice.short_label)
        for phrase in [choice.label, choice.short_label, *TRANSITION_SYNONYMS.get(choice.slug, [])]:
            add(phrase, term)
            add(f"Übergang {phrase}", term)
    for name in ("handlungsfeld", "zielgruppe"):
        for choice in options.get(name, []):
            add(choice.label, Term(name, choice.pk, choice.label))
    return result
