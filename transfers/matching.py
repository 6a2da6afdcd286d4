"""Matching of Transfer-Gesuche and published projects (and so their Transfer-Angebote).

A request and a project match by the transitions, fields and target groups they share and by the
trigram similarity (pg_trgm) of the request's title and need with the project's title, summary and
goals. The score is a weighted sum; everything is computed in one SQL query for many pairs at once,
so list pages need a fixed number of queries however many requests they show.
"""

import copy
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection

from .models import TransferOffer, TransferRequest

WEIGHT_TRANSITION = 3
WEIGHT_FIELD = 2
WEIGHT_TARGET_GROUP = 2
WEIGHT_TEXT = 4
# A shared transition alone is enough; without one, field, target group and text must come together.
MATCH_THRESHOLD = 3.0

_SCORES = """
WITH pairs AS (
    SELECT r.id AS request_id, p.id AS project_id, p.municipality_id AS project_municipality_id,
        (SELECT count(*) FROM transfers_transferrequest_transitions x
           JOIN projects_project_transitions y ON y.transition_id = x.transition_id
          WHERE x.transferrequest_id = r.id AND y.project_id = p.id) AS transitions,
        (SELECT count(*) FROM transfers_transferrequest_fields x
           JOIN projects_project_fields y ON y.field_id = x.field_id
          WHERE x.transferrequest_id = r.id AND y.project_id = p.id) AS fields,
        (SELECT count(*) FROM transfers_transferrequest_target_groups x
           JOIN projects_project_target_groups y ON y.targetgroup_id = x.targetgroup_id
          WHERE x.transferrequest_id = r.id AND y.project_id = p.id) AS target_groups,
        similarity(r.title || ' ' || r.need, p.title || ' ' || p.summary || ' ' || p.goals) AS text
    FROM transfers_transferrequest r
    JOIN projects_project p ON p.status = 'published' AND p.municipality_id <> r.municipality_id
    WHERE {where}
), scored AS (
    SELECT *, (%(wt)s * transitions + %(wf)s * fields + %(wg)s * target_groups + %(wx)s * text) AS score
    FROM pairs
)
"""


@dataclass(frozen=True)
class Match:
    request_id: int
    project_id: int
    offer_id: int | None
    municipality_id: int
    transitions: int
    fields: int
    target_groups: int
    text: float
    score: float


def _params(**extra) -> dict:
    return {"wt": WEIGHT_TRANSITION, "wf": WEIGHT_FIELD, "wg": WEIGHT_TARGET_GROUP, "wx": WEIGHT_TEXT, **extra}


def offer_matches(*, request_ids=None, offer_ids=None, open_requests_only=False) -> list[Match]:
    """Matches of requests with active offers above the threshold, best first."""
    where = ["TRUE"]
    if request_ids is not None:
        where.append("r.id = ANY(%(request_ids)s)")
    if open_requests_only:
        where.append("r.status = 'open'")
    sql = (
        _SCORES.format(where=" AND ".join(where))
        + """
        SELECT s.request_id, s.project_id, o.id, s.project_municipality_id,
               s.transitions, s.fields, s.target_groups, s.text, s.score
        FROM scored s JOIN transfers_transferoffer o ON o.project_id = s.project_id AND o.is_active
        WHERE s.score >= %(threshold)s {offer_filter}
        ORDER BY s.score DESC, o.id
    """.format(offer_filter="AND o.id = ANY(%(offer_ids)s)" if offer_ids is not None else "")
    )
    params = _params(request_ids=list(request_ids or []), offer_ids=list(offer_ids or []), threshold=MATCH_THRESHOLD)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Match(*row) for row in cursor.fetchall()]


def project_municipalities_matching(request: TransferRequest) -> list[int]:
    """Municipalities with at least one published project that fits the request (for routing)."""
    sql = (
        _SCORES.format(where="r.id = %(request_id)s")
        + """
        SELECT DISTINCT project_municipality_id FROM scored WHERE score >= %(threshold)s
        ORDER BY project_municipality_id
    """
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, _params(request_id=request.pk, threshold=MATCH_THRESHOLD))
        return [row[0] for row in cursor.fetchall()]


def offers_for_requests(requests, *, limit: int = 3) -> dict[int, list[TransferOffer]]:
    """``{request_id: [offer, …]}`` best first, at most ``limit`` each; two queries plus prefetches."""
    request_ids = [request.pk for request in requests]
    if not request_ids:
        return {}
    matches = offer_matches(request_ids=request_ids)
    chosen: dict[int, list[Match]] = defaultdict(list)
    for match in matches:
        if len(chosen[match.request_id]) < limit:
            chosen[match.request_id].append(match)
    offer_ids = {match.offer_id for found in chosen.values() for match in found}
    offers = TransferOffer.objects.with_details().in_bulk(offer_ids) if offer_ids else {}
    result = {}
    for request_id in request_ids:
        result[request_id] = []
        for match in chosen.get(request_id, []):
            offer = offers[match.offer_id]
            result[request_id].append(_with_score(offer, match))
    return result


def offers_for_request(request: TransferRequest, *, limit: int = 10) -> list[TransferOffer]:
    return offers_for_requests([request], limit=limit)[request.pk]


def requests_for_offer(offer: TransferOffer, *, limit: int = 10) -> list[TransferRequest]:
    """Open requests of other municipalities the offer could serve, best first."""
    matches = offer_matches(offer_ids=[offer.pk], open_requests_only=True)[:limit]
    requests = TransferRequest.objects.with_details().in_bulk([match.request_id for match in matches])
    return [_with_score(requests[match.request_id], match) for match in matches]


def _with_score(obj, match: Match):
    obj = copy.copy(obj)  # one offer may be suggested for several requests, each with its own score
    obj.match = match
    return obj
