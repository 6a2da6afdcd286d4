"""German full-text search over published projects.

The stored ``Project.search_vector`` (trigger-maintained, GIN-indexed, configuration ``german_unaccent``:
unaccent + German Snowball stemmer) is matched against a prefix query built from the user's words, so
"Kinder" finds "Kind" and "Familienzentren" (stem "familienzentr") finds "Familienzentrum". When nothing
matches, a trigram lookup in the ``SearchWord`` lexicon proposes a spelling ("Meinten Sie …?").
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIG = "german_unaccent"
HEADLINE_CONFIG = "simple_unaccent"  # see migration 0007
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# Words to drop before querying: the unaccent step runs before the stemmer's stop-word list, so
# "für" would otherwise become a required term "fur".
STOP_WORDS = frozenset(
    [
        "aber",
        "als",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "bis",
        "da",
        "das",
        "dem",
        "den",
        "der",
        "des",
        "die",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "für",
        "fuer",
        "im",
        "in",
        "ins",
        "ist",
        "mit",
        "nach",
        "oder",
        "sich",
        "so",
        "über",
        "ueber",
        "um",
        "und",
        "vom",
        "von",
        "vor",
        "wie",
        "zu",
        "zum",
        "zur",
    ]
)
_WORD = re.compile(r"[^\W_]+")
# Highlight markers that survive HTML escaping; replaced by <mark> after escaping the snippet.
_START, _STOP = "\u27e6", "\u27e7"


def search_terms(text: str) -> list[str]:
    """The words of a user's query, lower-cased, without stop words and query syntax, at most ``MAX_TERMS``."""
    words = [word.lower() for word in _WORD.findall(text[:MAX_QUERY_LENGTH])]
    terms: list[str] = []
    for word in words:
        if word not in STOP_WORDS and word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def query_text(terms: list[str], *, any_term: bool = False) -> str:
    """tsquery syntax where every term (prefix-matched when ≥ 4 letters) must occur, or any of them.

    Terms contain only letters and digits (see ``search_terms``), so they cannot inject tsquery syntax.
    """
    parts = [f"{term}:*" if len(term) >= 4 else term for term in terms]
    return (" | " if any_term else " & ").join(parts)


def build_query(terms: list[str], *, any_term: bool = False) -> SearchQuery:
    return SearchQuery(query_text(terms, any_term=any_term), search_type="raw", config=CONFIG)


def with_rank_and_headline(queryset, query: SearchQuery, rank=None):
    """Annotate ``rank`` (by default ``ts_rank`` of the stored vector) and a ``headline`` snippet with
    ⟦markers⟧ around the hits (see ``snippet_html``)."""
    document = Concat(
        "summary",
        Value(" "),
        "situation",
        Value(" "),
        "goals",
        Value(" "),
        "achievements",
        Value(" "),
        "success_factors",
        Value(" "),
        "pitfalls",
        output_field=TextField(),
    )
    return queryset.annotate(
        rank=rank or SearchRank(F("search_vector"), query),
        headline=SearchHeadline(
            document,
            query,
            config=HEADLINE_CONFIG,
            start_sel=_START,
            stop_sel=_STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        ),
    )


def snippet_html(headline: str) -> SafeString:
    """The headline escaped as HTML, with only the hit markers turned into ``<mark>``."""
    escaped = str(escape(headline))
    return mark_safe(escaped.replace(_START, "<mark>").replace(_STOP, "</mark>"))


@dataclass(frozen=True)
class Suggestion:
    text: str
    terms: list[str]


def suggest(terms: list[str]) -> Suggestion | None:
    """The closest known word for each term (pg_trgm similarity), or None if nothing better is known."""
    if not terms:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT t.term,
                   (SELECT w.word FROM projects_searchword w
                     WHERE w.word %% t.term
                     ORDER BY similarity(w.word, t.term) DESC, w.word
                     LIMIT 1)
              FROM unnest(%s::text[]) WITH ORDINALITY AS t(term, position)
             ORDER BY t.position
            """,
            [terms],
        )
        corrected = [best or term for term, best in cursor.fetchall()]
    if corrected == terms:
        return None
    return Suggestion(text=" ".join(corrected), terms=corrected)
