"""Matching of Transfer-Gesuche with published projects, with or without a Transfer-Angebot.

A Gesuch and a project fit by the transitions, target groups and fields they share and by the words
of the Gesuch (title and need) that the project's title, summary, goals and starting situation use as
well. One function, ``score``, weighs these; everything else here only loads candidates and sorts.
Every suggestion carries its reasons in words and a level on a named scale (hoch, mittel, gering),
never a bare number.

The candidates are loaded in a fixed number of queries, whatever the number of Gesuche on a page:
the portal holds a few hundred published projects, so scoring them in Python is cheap and keeps the
reasons and the score in one place.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.models import Project

from .models import TransferOffer, TransferRequest, TransferService

WEIGHT_TRANSITION = 3.0
WEIGHT_TARGET_GROUP = 2.0
WEIGHT_FIELD = 1.0
WEIGHT_KEYWORD = 0.75
MAX_KEYWORDS = 6  # more shared words say little more; they must not outweigh the taxonomy
# A shared transition alone is enough; without one, target group, field and words must come together.
MATCH_THRESHOLD = 3.0

LEVELS = [  # (share of what the Gesuch asks for that the project covers, label), best first
    (0.6, gettext_lazy("hohe Passung")),
    (0.35, gettext_lazy("mittlere Passung")),
    (0.0, gettext_lazy("geringe Passung")),
]
SCALE_NOTE = gettext_lazy(
    "Passung hoch, mittel oder gering: wie viel von dem, was das Gesuch nennt (Übergänge, Zielgruppen, "
    "Handlungsfelder, Stichwörter), das Projekt abdeckt."
)

# Words that say nothing about what a Kommune needs. Lower case, before stemming.
_STOPWORD_TEXT = """
    aber alle allen aller alles also auch auf aus bei beim bereits bis bisher damit dann dass dem den
    denen der des die dies diese diesem diesen dieser dieses doch durch eine einem einen einer eines
    etwa für gegen haben hat hatte hier ihre ihrem ihren ihrer immer jede jedem jeden jeder jedes kann
    kein keine können mehr mit nach neue neuen nicht noch nur oder ohne schon sehr sein seine sich sind
    sowie über und uns unser unsere unter viel viele vom von vor wann was weil welche wenn werden wie
    wir wird wo zum zur zwischen gibt geben gesucht suchen sucht suche wollen möchten möchte soll sollen
    sollten wurde wurden worden kommune kommunen stadt angebot angebote modell ansatz projekt projekte
    erprobtes erprobten erprobter erprobte etwas gerade mehrere einzelnen gemeinsam gemeinsamen besser
    bessere wenig weniger
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
SUFFIXES = ("ungen", "innen", "ung", "ern", "en", "er", "es", "e", "n", "s")
MIN_STEM = 4
MIN_PART = 5  # a compound shares a word when it contains the other's stem of at least this length


def _stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> dict[str, str]:
    """``{stem: word as first written}`` for the meaningful words of a text."""
    found: dict[str, str] = {}
    for word in re.findall(r"[A-Za-zÄÖÜäöüß]+", text):
        lower = word.lower()
        if len(lower) < MIN_STEM or lower in STOPWORDS:
            continue
        found.setdefault(_stem(lower), word)
    return found


def shared_keywords(need_terms: dict[str, str], project_terms: dict[str, str]) -> list[str]:
    """Words of the Gesuch the project uses too: the same stem, or one compound containing the other
    ("Abbruchrisiko" – "Abbruch"). Named as the project writes them, in the order of the Gesuch."""
    shared = []
    for need_stem, need_word in need_terms.items():
        if need_stem in project_terms:
            shared.append(project_terms[need_stem])
            continue
        for project_stem, project_word in project_terms.items():
            shorter, longer = sorted((need_stem, project_stem), key=len)
            if len(shorter) >= MIN_PART and shorter in longer:
                shared.append(project_word if shorter == project_stem else need_word)
                break
    return list(dict.fromkeys(shared))


@dataclass(frozen=True)
class Need:
    """What a Gesuch asks for; built from a saved Gesuch or, in the benchmark, from a written one."""

    municipality_id: int | None
    text: str
    transition_ids: frozenset[int] = frozenset()
    action_field_ids: frozenset[int] = frozenset()
    target_group_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, request: TransferRequest) -> "Need":
        """Needs ``TransferRequest.objects.with_details()`` for the taxonomy, else three queries."""
        return cls(
            municipality_id=request.municipality_id,
            text=f"{request.title} {request.need}",
            transition_ids=frozenset(t.pk for t in request.transitions.all()),
            action_field_ids=frozenset(f.pk for f in request.action_fields.all()),
            target_group_ids=frozenset(g.pk for g in request.target_groups.all()),
        )

    @property
    def best_possible(self) -> float:
        """The score of a project that shares everything the Gesuch names (the top of the scale)."""
        keywords = min(len(terms(self.text)), MAX_KEYWORDS)
        return (
            WEIGHT_TRANSITION * len(self.transition_ids)
            + WEIGHT_TARGET_GROUP * len(self.target_group_ids)
            + WEIGHT_FIELD * len(self.action_field_ids)
            + WEIGHT_KEYWORD * keywords
        )


@dataclass
class Suggestion:
    """A project suggested for a Gesuch, with its active offer if it has one, and why it fits."""

    project: Project
    offer: TransferOffer | None
    score: float
    level: str
    transitions: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    def reasons(self) -> list[str]:
        """The reasons in words, e.g. ``["gleicher Übergang: Sekundarstufe, Beruf", …]``."""
        reasons = []
        if self.transitions:
            reasons.append(_("gleicher Übergang: {names}").format(names=", ".join(self.transitions)))
        if self.target_groups:
            reasons.append(_("Zielgruppe: {names}").format(names=", ".join(self.target_groups)))
        if self.fields:
            reasons.append(_("Handlungsfeld: {names}").format(names=", ".join(self.fields)))
        if self.keywords:
            reasons.append(_("Stichwörter: {names}").format(names=", ".join(self.keywords)))
        return reasons

    @property
    def reasons_text(self) -> str:
        return "; ".join(self.reasons())


def _names(items, ids: frozenset[int]) -> list[str]:
    return [item.name for item in items if item.pk in ids]


def score(need: Need, project: Project, project_terms: dict[str, str] | None = None) -> Suggestion | None:
    """How well ``project`` answers ``need``; ``None`` below the threshold or for the Gesuch's own Kommune.

    The one place where the weights apply. Needs the project's transitions, target groups, fields and
    active offers prefetched (``candidates()``).
    """
    if project.municipality_id == need.municipality_id:
        return None
    # "Übergang Schule–Beruf" reads "gleicher Übergang: Schule–Beruf"
    transitions = [name.removeprefix("Übergang ") for name in _names(project.transitions.all(), need.transition_ids)]
    target_groups = _names(project.target_groups.all(), need.target_group_ids)
    fields = _names(project.action_fields.all(), need.action_field_ids)
    if project_terms is None:
        project_terms = project_text_terms(project)
    keywords = shared_keywords(terms(need.text), project_terms)[:MAX_KEYWORDS]
    value = (
        WEIGHT_TRANSITION * len(transitions)
        + WEIGHT_TARGET_GROUP * len(target_groups)
        + WEIGHT_FIELD * len(fields)
        + WEIGHT_KEYWORD * len(keywords)
    )
    if value < MATCH_THRESHOLD or not (transitions or target_groups):
        return None
    share = value / need.best_possible if need.best_possible else 0.0
    level = next(label for minimum, label in LEVELS if share >= minimum)
    offers = [offer for offer in project.transfer_offers.all() if offer.is_active]
    return Suggestion(
        project=project,
        offer=offers[0] if offers else None,
        score=value,
        level=str(level),
        transitions=transitions,
        target_groups=target_groups,
        fields=fields,
        keywords=keywords,
    )


def project_text_terms(project: Project) -> dict[str, str]:
    return terms(" ".join([project.title, project.summary, project.goals, project.situation]))


def candidates():
    """Published projects with everything ``score`` and the suggestion cards read, in six queries."""
    offers = TransferOffer.objects.filter(is_active=True).prefetch_related(
        Prefetch("services", queryset=TransferService.objects.with_booked())
    )
    return (
        Project.objects.published()
        .select_related("municipality")
        .prefetch_related("transitions", "action_fields", "target_groups", Prefetch("transfer_offers", queryset=offers))
        .order_by("title", "pk")
    )


def rank(
    need: Need, projects: Iterable[Project], *, terms_by_project: dict[int, dict] | None = None
) -> list[Suggestion]:
    """All suggestions for a need, best first; projects with an offer before equal ones without."""
    terms_by_project = terms_by_project if terms_by_project is not None else {}
    found = []
    for project in projects:
        if project.pk not in terms_by_project:
            terms_by_project[project.pk] = project_text_terms(project)
        suggestion = score(need, project, terms_by_project[project.pk])
        if suggestion is not None:
            found.append(suggestion)
    return sorted(found, key=lambda s: (-s.score, s.offer is None, s.project.title))


def suggestions_for_requests(requests, *, limit: int = 3) -> dict[int, list[Suggestion]]:
    """``{request_id: [suggestion, …]}`` best first, at most ``limit`` each, in a fixed number of queries."""
    requests = list(requests)
    if not requests:
        return {}
    projects = list(candidates())
    terms_by_project: dict[int, dict] = {}
    return {
        request.pk: rank(Need.of(request), projects, terms_by_project=terms_by_project)[:limit] for request in requests
    }


def suggestions_for_request(request: TransferRequest, *, limit: int = 10) -> list[Suggestion]:
    return suggestions_for_requests([request], limit=limit)[request.pk]


def project_municipalities_matching(request: TransferRequest) -> list[int]:
    """Municipalities with at least one published project that fits the request (for routing)."""
    return sorted({s.project.municipality_id for s in rank(Need.of(request), candidates())})


def requests_for_offer(offer: TransferOffer, *, limit: int = 10) -> list[TransferRequest]:
    """Open requests of other municipalities the offer could serve, best first, each with ``match``."""
    project = candidates().filter(pk=offer.project_id).first() if offer.project.is_published else None
    if project is None:
        return []
    project_terms = project_text_terms(project)
    found = []
    for request in TransferRequest.objects.open().with_details():
        suggestion = score(Need.of(request), project, project_terms)
        if suggestion is not None:
            request.match = suggestion
            found.append(request)
    found.sort(key=lambda r: (-r.match.score, r.title))
    return found[:limit]
