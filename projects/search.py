"""Text similarity of projects in PostgreSQL, for the project page's "similar projects".

The stored ``Project.search_vector`` (trigger-maintained, GIN-indexed, configuration ``german_unaccent``)
is matched against the words of a project's title and summary. Every search that people type is the
``search`` app's.
"""

import re

from django.contrib.postgres.search import SearchQuery

CONFIG = "german_unaccent"
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
