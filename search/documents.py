"""The documents of the index, built from the database: one per public project, offer, Gesuch, network and
published Fachtag.

Each document has a ``kind``, the record's id, its ``title``, all its searchable ``text`` (title,
descriptions, names of its Kommune and Kreis, organisations and taxonomy terms with their synonyms),
``tags`` for the facets (``uebergang:3``, ``kommune:7`` …; a town's records also carry their Kreis' tag),
a German collation key for sorting by name and the creation time for "newest first".
"""

from collections.abc import Iterator
from dataclasses import dataclass

from events.models import Event
from networks.models import Network
from projects.models import ActionField, Municipality, Organisation, Project, SocialArea, TargetGroup, Transition
from transfers.models import TransferOffer, TransferRequest, TransferService

from .analysis import collation_key
from .vocabulary import transition_synonyms

KINDS = ("project", "offer", "request", "network", "event")
BATCH = 2000


@dataclass
class Document:
    kind: str
    pk: int
    title: str
    lead: str  # the title and a short description, ranked above the rest of the text
    text: str
    tags: list[str]
    created: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.pk}"

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "pk": self.pk,
            "title": self.title,
            "lead": self.lead,
            "text": self.text,
            "spell": self.text,
            "tags": self.tags,
            "sort": collation_key(self.title),
            "created": self.created,
        }


class Lookup:
    """Names of the taxonomies, Kommunen and organisations, loaded once for a batch of documents."""

    def __init__(self) -> None:
        synonyms = transition_synonyms()
        self.transitions = {
            t.pk: " ".join([t.name, t.short_name, *synonyms.get(t.slug, [])]) for t in Transition.objects.all()
        }
        self.action_fields = dict(ActionField.objects.values_list("pk", "name"))
        self.target_groups = dict(TargetGroup.objects.values_list("pk", "name"))
        self.social_areas = dict(SocialArea.objects.values_list("pk", "name"))
        self.municipalities = {m.pk: m for m in Municipality.objects.select_related("parent")}

    def place(self, municipality_id: int) -> tuple[str, list[str]]:
        """The Kommune's (and its Kreis') names and tags."""
        municipality = self.municipalities[municipality_id]
        names, tags = [municipality.name], [f"kommune:{municipality.pk}"]
        if municipality.parent_id:
            names.append(municipality.parent.name)
            tags.append(f"kommune:{municipality.parent_id}")
        return " ".join(names), tags

    def taxonomy(self, transition_ids, action_field_ids, target_group_ids) -> tuple[str, list[str]]:
        names = [self.transitions[i] for i in transition_ids if i in self.transitions]
        names += [self.action_fields[i] for i in action_field_ids if i in self.action_fields]
        names += [self.target_groups[i] for i in target_group_ids if i in self.target_groups]
        tags = [f"uebergang:{i}" for i in transition_ids]
        tags += [f"handlungsfeld:{i}" for i in action_field_ids]
        tags += [f"zielgruppe:{i}" for i in target_group_ids]
        return " ".join(names), tags


def _timestamp(value) -> int:
    return int(value.timestamp() * 1_000_000)  # microseconds: records created in one second keep their order


def projects(ids: list[int] | None, lookup: Lookup) -> Iterator[Document]:
    queryset = Project.objects.published()
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    organisations = _names(Organisation, "projects", ids)
    for row in queryset.values(
        "pk", "title", "summary", "situation", "goals", "achievements", "success_factors", "pitfalls",
        "municipality_id", "transition_ids", "action_field_ids", "target_group_ids", "social_area_ids",
        "has_transfer_offer", "created_at",
    ).iterator(chunk_size=BATCH):  # fmt: skip
        place, place_tags = lookup.place(row["municipality_id"])
        terms, term_tags = lookup.taxonomy(row["transition_ids"], row["action_field_ids"], row["target_group_ids"])
        social_areas = [lookup.social_areas.get(i, "") for i in row["social_area_ids"]]
        text = " \n".join(
            [
                row["title"], row["summary"], row["situation"], row["goals"], row["achievements"],
                row["success_factors"], row["pitfalls"], place, terms, " ".join(social_areas),
                " ".join(organisations.get(row["pk"], [])),
            ]
        )  # fmt: skip
        tags = [*place_tags, *term_tags, *(f"sozialraum:{i}" for i in row["social_area_ids"])]
        if row["has_transfer_offer"]:
            tags.append("transfer:1")
        lead = f"{row['title']} \n{row['summary']}"
        yield Document("project", row["pk"], row["title"], lead, text, tags, _timestamp(row["created_at"]))


def _names(model, relation: str, ids: list[int] | None) -> dict[int, list[str]]:
    """``{related id: [names]}`` of ``model`` rows linked through ``relation`` (one query)."""
    queryset = model.objects.exclude(**{f"{relation}__isnull": True})
    if ids is not None:
        queryset = queryset.filter(**{f"{relation}__in": ids})
    result: dict[int, list[str]] = {}
    for name, related in queryset.values_list("name", relation):
        result.setdefault(related, []).append(name)
    return result


def offers(ids: list[int] | None, lookup: Lookup) -> Iterator[Document]:
    queryset = TransferOffer.objects.active()
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    kinds = dict(TransferService.Kind.choices)
    services: dict[int, list[str]] = {}
    service_rows = TransferService.objects.filter(offer__in=queryset.values("pk")).values_list("offer_id", "kind")
    for offer_id, kind in service_rows:
        services.setdefault(offer_id, []).append(kind)
    for row in queryset.values(
        "pk", "description", "created_at", "project__title", "project__summary", "project__municipality_id",
        "project__transition_ids", "project__action_field_ids", "project__target_group_ids",
    ).iterator(chunk_size=BATCH):  # fmt: skip
        place, place_tags = lookup.place(row["project__municipality_id"])
        terms, term_tags = lookup.taxonomy(
            row["project__transition_ids"], row["project__action_field_ids"], row["project__target_group_ids"]
        )
        offered = services.get(row["pk"], [])
        text = " \n".join(
            [
                row["project__title"], row["description"], row["project__summary"], place, terms,
                " ".join(str(kinds.get(kind, kind)) for kind in offered),
            ]
        )  # fmt: skip
        tags = [*place_tags, *term_tags, *(f"leistung:{kind}" for kind in offered)]
        lead = f"{row['project__title']} \n{row['description']}"
        yield Document("offer", row["pk"], row["project__title"], lead, text, tags, _timestamp(row["created_at"]))


def requests(ids: list[int] | None, lookup: Lookup) -> Iterator[Document]:
    queryset = TransferRequest.objects.open().prefetch_related("transitions", "action_fields", "target_groups")
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    for request in queryset.iterator(chunk_size=BATCH):
        place, place_tags = lookup.place(request.municipality_id)
        terms, term_tags = lookup.taxonomy(
            [t.pk for t in request.transitions.all()],
            [f.pk for f in request.action_fields.all()],
            [g.pk for g in request.target_groups.all()],
        )
        text = " \n".join([request.title, request.need, place, terms])
        lead = f"{request.title} \n{request.need}"
        tags = [*place_tags, *term_tags]
        yield Document("request", request.pk, request.title, lead, text, tags, _timestamp(request.created_at))


def networks(ids: list[int] | None, lookup: Lookup) -> Iterator[Document]:
    queryset = (
        Network.objects.published()
        .select_related("coordinating_organisation")
        .prefetch_related("transitions", "action_fields", "municipalities", "members")
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    for network in queryset.iterator(chunk_size=BATCH):
        terms, term_tags = lookup.taxonomy(
            [t.pk for t in network.transitions.all()], [f.pk for f in network.action_fields.all()], []
        )
        places, place_tags = [], []
        for municipality in network.municipalities.all():
            names, tags = lookup.place(municipality.pk)
            places.append(names)
            place_tags += tags
        members = [organisation.name for organisation in network.members.all()]
        if network.coordinating_organisation:
            members.append(network.coordinating_organisation.name)
        text = " \n".join([network.name, network.description, " ".join(places), terms, " ".join(members)])
        tags = [*dict.fromkeys(place_tags), *term_tags, f"art:{network.kind}"]
        lead = f"{network.name} \n{network.description}"
        yield Document("network", network.pk, network.name, lead, text, tags, _timestamp(network.created_at))


def events(ids: list[int] | None, lookup: Lookup) -> Iterator[Document]:
    """Published Fachtage, past ones too (the list has a tab for them); they name no Kommune, so their
    place is text."""
    queryset = Event.objects.published().prefetch_related("transitions", "action_fields")
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    for event in queryset.iterator(chunk_size=BATCH):
        terms, term_tags = lookup.taxonomy(
            [t.pk for t in event.transitions.all()], [f.pk for f in event.action_fields.all()], []
        )
        text = " \n".join([event.title, event.description, event.programme, event.place, event.address, terms])
        lead = f"{event.title} \n{event.description}"
        yield Document("event", event.pk, event.title, lead, text, term_tags, _timestamp(event.created_at))


BUILDERS = {"project": projects, "offer": offers, "request": requests, "network": networks, "event": events}


def build(kind: str, ids: list[int] | None, lookup: Lookup | None = None) -> Iterator[Document]:
    """The documents of ``kind`` (all, or those of ``ids`` that are public)."""
    return BUILDERS[kind](ids, lookup or Lookup())


def public_ids(kind: str) -> set[int]:
    """The ids of every public record of ``kind``: what the index should hold (for ``search_check``)."""
    querysets = {
        "project": Project.objects.published(),
        "offer": TransferOffer.objects.active(),
        "request": TransferRequest.objects.open(),
        "network": Network.objects.published(),
        "event": Event.objects.published(),
    }
    return set(querysets[kind].values_list("pk", flat=True))


__all__ = ["KINDS", "Document", "Lookup", "build", "public_ids"]
