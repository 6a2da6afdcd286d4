"""Querying the index: understanding the query, AND then best-partial matching, drill-sideways facet counts,
"Meinten Sie …?" from the index's own words.

Every list (projects, offers, Gesuche, networks, Fachtage), the home search and the API's ``q`` call ``run``, so the
same words find the same records everywhere.
"""

import re
from collections import OrderedDict
from dataclasses import dataclass, field

import tantivy

from . import index as search_index
from .analysis import edit_distance, query_words, stem_variants, stems
from .index import SCHEMA
from .vocabulary import FACET_LABELS, Term, phrases

MAX_FACET_VALUES = 1000
# Facet counts per index version and query: the list without a search, or a frequent word, is asked for
# again and again, and counting every hit of it is the costly part of a request at 100 000 projects.
_COUNTS_CACHE: OrderedDict = OrderedDict()
COUNTS_CACHE_SIZE = 512
_QUOTED = re.compile(r"[\"„“”]([^\"„“”]+)[\"„“”]")

Occur = tantivy.Occur
Query = tantivy.Query


@dataclass
class Understood:
    """A query split into the filter values it names and the words left to search for."""

    terms: list[Term] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)  # quoted phrases, as words
    # The query's words in their order, each with the value it named (None: a word to search for).
    parts: list[tuple[tuple[str, ...], Term | None]] = field(default_factory=list)

    @property
    def text(self) -> str:
        quoted = [f"„{' '.join(words)}“" for words in self.phrases]
        return " ".join([*quoted, *self.words])

    def text_without(self, term: Term) -> str:
        """The query as typed (its words, lower case) without the words that named ``term``."""
        quoted = [f"„{' '.join(words)}“" for words in self.phrases]
        return " ".join([*quoted, *(word for words, named in self.parts if named != term for word in words)])


def understand(text: str, *, known: dict | None = None) -> Understood:
    """Names of Kommunen, Übergänge, Handlungsfelder and Zielgruppen become filter values (longest phrase
    first); quoted phrases stay phrases; everything else is text."""
    from .analysis import collation_key

    known = phrases() if known is None else known
    result = Understood()
    for quoted in _QUOTED.findall(text):
        words = query_words(quoted)
        if words:
            result.phrases.append(words)
    words = query_words(_QUOTED.sub(" ", text))
    folded = [collation_key(word) for word in words]
    longest = max((len(key) for key in known), default=1)
    position = 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            term = known.get(tuple(folded[position : position + length]))
            if term is not None:
                if term not in result.terms:
                    result.terms.append(term)
                result.parts.append((tuple(words[position : position + length]), term))
                position += length
                break
        else:
            result.words.append(words[position])
            result.parts.append(((words[position],), None))
            position += 1
    return result


def any_term(field_name: str, values: list, *, index_option: str = "position") -> Query:
    """Any of ``values`` in ``field_name`` (term queries: for a few values much cheaper than a term set)."""
    if len(values) == 1:
        return Query.term_query(SCHEMA, field_name, values[0], index_option=index_option)
    return Query.boolean_query(
        [(Occur.Should, Query.term_query(SCHEMA, field_name, value, index_option=index_option)) for value in values]
    )


def _stem_query(field_name: str, stem: str) -> Query:
    """A stem in any of its forms, scored 1 where it occurs: matching ranks by the fields that hold a word,
    not by how often. Term queries on the postings alone (``basic``) let Tantivy skip what other clauses
    exclude; a term set query would first collect every document holding the stem."""
    variants = stem_variants(stem)
    inner = any_term(field_name, variants, index_option="basic")
    return Query.const_score_query(inner, 1.0)


def _all_parts(field_name: str, parts: list[str]) -> Query:
    """Every stem of a word (each compound part) in ``field_name``; scores one per part."""
    clauses = [(Occur.Must, _stem_query(field_name, stem)) for stem in parts]
    return clauses[0][1] if len(clauses) == 1 else Query.boolean_query(clauses)


def _word_clauses(word: str, searcher: tantivy.Searcher | None = None) -> list[tuple[Occur, Query]]:
    """One query word as clauses of an AND query: its stems (each compound part, each in all its forms) must
    be in the text, and rank higher in the lead (title and summary) and more in the title; a word the index
    does not hold may instead be there within one or two typos, or as the start of a longer word.

    The text holds the lead and the title, so the lead and title clauses only rank: as optional clauses
    beside the required text they are looked up only for documents that match, and they score what they
    scored inside the word's own OR (``_word_query``)."""
    parts = stems(word) or [word]
    # Typos and word starts only for a word the index does not hold as such: expanding a known, frequent
    # word to its neighbours would cost much and find little.
    known = searcher is not None and all(searcher.doc_freq("text", stem) for stem in parts)
    if not known:
        return [(Occur.Must, _word_query(word, searcher, parts=parts, known=False))]
    return [
        (Occur.Must, _all_parts("text", parts)),
        (Occur.Should, Query.boost_query(_all_parts("lead", parts), 1.0)),
        (Occur.Should, Query.boost_query(_all_parts("title", parts), 2.0)),
    ]


def _word_query(
    word: str, searcher: tantivy.Searcher | None = None, *, parts: list[str] | None = None, known: bool | None = None
) -> Query:
    """One query word matched on its own (any of its clauses): the stems in the text, the lead or the title;
    a word the index does not hold also within typos or as the start of a longer word."""
    parts = parts or stems(word) or [word]
    should = [
        (Occur.Should, _all_parts("text", parts)),
        (Occur.Should, Query.boost_query(_all_parts("lead", parts), 1.0)),
        (Occur.Should, Query.boost_query(_all_parts("title", parts), 2.0)),
    ]
    if known is None:
        known = searcher is not None and all(searcher.doc_freq("text", stem) for stem in parts)
    if known:
        return Query.boolean_query(should)
    if len(word) >= 5:
        distance = 1 if len(word) < 9 else 2
        fuzzy = Query.fuzzy_term_query(SCHEMA, "spell", word, distance=distance, transposition_cost_one=True)
        should.append((Occur.Should, Query.boost_query(fuzzy, 0.5)))
    if len(word) >= 6:  # the start of a compound: "Willkommen" finds "Willkommensbesuche"
        start = Query.fuzzy_term_query(SCHEMA, "spell", word, distance=0, prefix=True)
        should.append((Occur.Should, Query.boost_query(start, 0.3)))
    return Query.boolean_query(should)


def _phrase_query(words: list[str]) -> Query:
    terms = [stem for word in words for stem in (stems(word) or [word])]
    if len(terms) == 1:
        return Query.term_query(SCHEMA, "text", terms[0])
    return Query.phrase_query(SCHEMA, "text", terms)


def text_query(
    words: list[str], phrases_: list[list[str]], *, partial: bool = False, searcher: tantivy.Searcher | None = None
) -> Query | None:
    """All words (and phrases) must match, or — ``partial`` — at least one, the more the better."""
    if not words and not phrases_:
        return None
    if partial:
        clauses = [_word_query(word, searcher) for word in words] + [_phrase_query(words) for words in phrases_]
        return Query.boolean_query([(Occur.Should, clause) for clause in clauses])
    required = [clause for word in words for clause in _word_clauses(word, searcher)]
    required += [(Occur.Must, _phrase_query(words)) for words in phrases_]
    return Query.boolean_query(required)


def tag_query(facet: str, values: list[str]) -> Query:
    return any_term("tags", [f"{facet}:{value}" for value in values])


@dataclass
class Hit:
    pk: int
    score: float


@dataclass
class Result:
    total: int
    hits: list[Hit]
    counts: dict[str, dict[str, int]]  # facet → {value: count}, each under the other filters
    partial: bool = False  # no record matched every word; these match some
    suggestion: str | None = None  # "Meinten Sie …?"


class Sort:
    RELEVANCE = "relevanz"
    NEWEST = "neueste"
    NAME = "name"


def _combine(musts: list[Query]) -> Query:
    if not musts:
        return Query.all_query()
    if len(musts) == 1:
        return musts[0]
    return Query.boolean_query([(Occur.Must, query) for query in musts])


def run(
    kind: str | None,
    *,
    words: list[str],
    phrases: list[list[str]] | None = None,
    filters: dict[str, list[str]] | None = None,
    only_ids: list[int] | None = None,
    facets: list[str] = (),
    sort: str = Sort.RELEVANCE,
    offset: int = 0,
    limit: int = 20,
    searcher: tantivy.Searcher | None = None,
    version: float | None = None,
) -> Result:
    """Search records of ``kind`` (all kinds: None). ``filters``: facet → values (any of them);
    ``only_ids``: a restriction computed in the database (good-practice levels). A caller that passes its
    own ``searcher`` from ``index.searcher()`` passes ``index.version()`` with it to keep the facet counts
    cached."""
    cache_version = version
    if searcher is None:
        searcher = search_index.searcher()
        cache_version = search_index.version()
    phrases = phrases or []
    filters = {name: values for name, values in (filters or {}).items() if values}
    base: list[Query] = []
    if kind:
        base.append(Query.term_query(SCHEMA, "kind", kind, index_option="basic"))
    if only_ids is not None:
        base.append(Query.term_set_query(SCHEMA, "pk", only_ids) if only_ids else Query.empty_query())
    filter_queries = {name: tag_query(name, values) for name, values in filters.items()}

    def collect(query: Query, text: Query | None) -> tuple[int, list[Hit]]:
        options: dict = {"count": True, "offset": offset}
        if sort == Sort.NEWEST:
            options["order_by_field"] = "created"
        elif sort == Sort.NAME or text is None:
            options |= {"order_by_field": "sort", "order": tantivy.Order.Asc}
        found = searcher.search(query, max(limit, 1), **options)
        addresses = [address for _score, address in found.hits]
        pks = searcher.fast_field_values("pk", addresses) if addresses else []
        scores = [score if isinstance(score, float) else 0.0 for score, _address in found.hits]
        return found.count or 0, [Hit(pk, score) for pk, score in zip(pks, scores, strict=True)][:limit]

    partial = False
    text = text_query(words, phrases, searcher=searcher)
    query = _combine([*base, *filter_queries.values(), *([text] if text else [])])
    total, hits = collect(query, text)
    if not total and text is not None and len(words) + len(phrases) > 1:
        text = text_query(words, phrases, partial=True, searcher=searcher)
        query = _combine([*base, *filter_queries.values(), text])
        total, hits = collect(query, text)
        partial = bool(total)

    counts = {}
    if facets:
        key = (
            cache_version, kind, tuple(words), tuple(map(tuple, phrases)), partial,
            tuple(sorted((name, tuple(values)) for name, values in filters.items())),
            None if only_ids is None else tuple(only_ids), tuple(facets),
        )  # fmt: skip
        counts = _COUNTS_CACHE.get(key) if cache_version is not None else None
        if counts is None:
            counts = facet_counts(searcher, base, filter_queries, text, facets)
            if cache_version is not None:
                _COUNTS_CACHE[key] = counts
                while len(_COUNTS_CACHE) > COUNTS_CACHE_SIZE:
                    _COUNTS_CACHE.popitem(last=False)
        else:
            _COUNTS_CACHE.move_to_end(key)
    suggestion = suggest(searcher, words) if words else None
    return Result(total, hits, counts, partial, suggestion)


def facet_counts(
    searcher: tantivy.Searcher, base: list[Query], filters: dict[str, Query], text: Query | None, facets
) -> dict[str, dict[str, int]]:
    """Each facet's value counts under every filter but its own (drill-sideways); zero counts left out."""
    groups: dict[str | None, list[str]] = {}
    for name in facets:
        groups.setdefault(name if name in filters else None, []).append(name)
    counts: dict[str, dict[str, int]] = {name: {} for name in facets}
    for own, names in groups.items():
        others = [query for name, query in filters.items() if name != own]
        query = _combine([*base, *others, *([text] if text else [])])
        aggregation = searcher.aggregate(query, {"tags": {"terms": {"field": "tags", "size": MAX_FACET_VALUES}}})
        for bucket in aggregation["tags"]["buckets"]:
            name, _sep, value = bucket["key"].partition(":")
            if name in names and bucket["doc_count"]:
                counts[name][value] = bucket["doc_count"]
    return counts


def suggest(searcher: tantivy.Searcher, words: list[str]) -> str | None:
    """The query with each word that the index does not know replaced by the most frequent known word
    within two edits (one for short words); None if every word is known or nothing is close."""
    corrected, changed = [], False
    for word in words:
        if searcher.doc_freq("spell", word) or any(searcher.doc_freq("text", stem) for stem in stems(word)):
            corrected.append(word)
            continue
        allowed = 1 if len(word) < 6 else 2
        best: tuple[int, int, str] | None = None
        for term, frequency in searcher.terms_with_prefix("spell", word[:1]):
            if abs(len(term) - len(word)) > allowed:
                continue
            distance = edit_distance(word, term, limit=allowed + 1)
            if distance <= allowed and (best is None or (distance, -frequency, term) < best):
                best = (distance, -frequency, term)
        if best is None:
            corrected.append(word)
        else:
            corrected.append(best[2])
            changed = True
    return " ".join(corrected) if changed else None


# The facets a kind's documents carry tags for (see ``documents``); a named value of another facet stays text.
TERM_FACETS = {
    "project": {"kommune", "uebergang", "handlungsfeld", "zielgruppe"},
    "offer": {"kommune", "uebergang", "handlungsfeld", "zielgruppe"},
    "request": {"kommune", "uebergang", "handlungsfeld", "zielgruppe"},
    "network": {"kommune", "uebergang", "handlungsfeld"},
    "event": {"uebergang", "handlungsfeld"},  # a Fachtag's place is text ("Familienbüro Bergkamen")
}


def words_and_filters(kind: str | None, understood: Understood) -> tuple[list[str], dict[str, list[str]]]:
    """The query's words and filters for records of ``kind``: a named value becomes a filter where the
    kind has that facet and stays a word where it has not (a Kommune in a search for Fachtage)."""
    facets = TERM_FACETS.get(kind or "", {"kommune", "uebergang", "handlungsfeld", "zielgruppe"})
    words, filters = list(understood.words), {}
    for term in understood.terms:
        if term.facet in facets:
            filters.setdefault(term.facet, []).append(str(term.pk))
        else:
            words += [word for word in query_words(term.label) if word not in words]
    return words, filters


@dataclass
class Named:
    """A filter value the query text named, as a list shows it ("Übergang: Kita") with the text left without it."""

    label: str
    rest: str


@dataclass
class TextMatch:
    ids: list[int]  # best first
    named: list[Named]  # the values the text named that became filters for this kind


def match(kind: str, text: str, *, limit: int = 10_000) -> TextMatch:
    """The records of ``kind`` that the text ``text`` finds, best first: the words as the project list
    understands them (named Kommunen, Übergänge … as filters), AND first, then the best partial matches.
    What every list's and the API's ``q`` use, so the same words find the same records."""
    understood = understand(text)
    words, filters = words_and_filters(kind, understood)
    result = run(kind, words=words, phrases=understood.phrases, filters=filters, limit=limit)
    if not result.total and result.suggestion:
        result = run(kind, words=query_words(result.suggestion), filters=filters, limit=limit)
    facets = TERM_FACETS.get(kind, set())
    named = [
        Named(f"{FACET_LABELS[term.facet]}: {term.label}", understood.text_without(term))
        for term in understood.terms
        if term.facet in facets
    ]
    return TextMatch([hit.pk for hit in result.hits], named)


def matching_ids(kind: str, text: str, *, limit: int = 10_000) -> list[int]:
    """The ids of ``match``."""
    return match(kind, text, limit=limit).ids
