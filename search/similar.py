"""The project page's "Ähnliche Projekte": more like this one, found in the index.

Another project is the more similar the more it shares with this one: each Übergang weighs most, each
Handlungsfeld next, then the words of this project's title and summary that few other records use (BM25,
so a rare shared word counts more than a common one). Projects of the same Kommune are left out: the page
is about transfer between Kommunen. The index is read as it is, without following the change log (no
query); the projects are loaded from the database, published ones only, so a project unpublished a moment
ago never shows.
"""

import tantivy

from projects.models import Project

from . import index as search_index
from .analysis import QUERY_STOP_WORDS, stem_variants, stems, words_of
from .index import SCHEMA

TRANSITION_WEIGHT = 3.0
FIELD_WEIGHT = 2.0
MAX_WORDS = 12
TEXT_LENGTH = 1000
CANDIDATES = 40  # the engine's best; the database drops those of the project's own Kommune

Occur = tantivy.Occur
Query = tantivy.Query


def _tag(name: str, value: int, weight: float) -> tuple:
    return Occur.Should, Query.const_score_query(Query.term_query(SCHEMA, "tags", f"{name}:{value}"), weight)


def telling_stems(searcher: tantivy.Searcher, text: str) -> list[str]:
    """The stems of ``text`` that other records share, the rarest first, at most ``MAX_WORDS``."""
    found: dict[str, int] = {}
    for word in words_of(text[:TEXT_LENGTH].lower()):
        if word in QUERY_STOP_WORDS or len(word) < 4:
            continue
        for stem in stems(word):
            if stem not in found and len(stem) >= 3:
                found[stem] = searcher.doc_freq("text", stem)
    shared = [stem for stem, frequency in found.items() if frequency >= 2]  # 1: only this project
    return sorted(shared, key=lambda stem: (found[stem], stem))[:MAX_WORDS]


def similar_projects(project: Project, *, limit: int = 4) -> list[Project]:
    """Published projects of other Kommunen most like ``project`` (with their Kommune), best first."""
    searcher = search_index.searcher(follow=False)
    should = [_tag("uebergang", pk, TRANSITION_WEIGHT) for pk in project.transition_ids]
    should += [_tag("handlungsfeld", pk, FIELD_WEIGHT) for pk in project.action_field_ids]
    for stem in telling_stems(searcher, f"{project.title} \n{project.summary}"):
        should.append((Occur.Should, Query.term_set_query(SCHEMA, "text", stem_variants(stem))))
    if not should:
        return []
    clauses = [
        (Occur.Must, Query.term_query(SCHEMA, "kind", "project", index_option="basic")),
        (Occur.Must, Query.boolean_query(should)),
        (Occur.MustNot, Query.term_query(SCHEMA, "pk", project.pk)),
    ]
    if project.municipality.parent_id:
        # A town's own tag is carried by its projects only (a Kreis' tag also by its towns' projects).
        clauses.append((Occur.MustNot, Query.term_query(SCHEMA, "tags", f"kommune:{project.municipality_id}")))
    hits = searcher.search(Query.boolean_query(clauses), CANDIDATES).hits
    if not hits:
        return []
    pks = searcher.fast_field_values("pk", [address for _score, address in hits])
    scores = dict(zip(pks, [score for score, _address in hits], strict=True))
    candidates = (
        Project.objects.published()
        .filter(pk__in=pks)
        .exclude(municipality_id=project.municipality_id)
        .select_related("municipality")
    )
    return sorted(candidates, key=lambda other: (-scores[other.pk], other.title))[:limit]
