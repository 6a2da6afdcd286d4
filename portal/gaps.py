"""The page a gap leads to, by transition (optionally one Handlungsfeld) or by life phase.

For a Kommune and a topic it shows what already serves the Kommune and, nearest first (same Kreis, then
elsewhere), the transfer offers, the projects without an offer and the networks working on it, and a
Gesuch prefilled with the Kommune and the transition(s): never an empty page without a next step.
``transition_gap`` and ``phase_gap`` choose; the views only read the URL's objects and render the result.
Each page reads a fixed number of queries, however many projects there are.
"""

from dataclasses import dataclass
from dataclasses import fields as dataclass_fields

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from networks.models import Network
from projects.models import ActionField, LifePhase, Municipality, Project, Transition
from transfers.models import TransferOffer

from .chains import Need, group_id, needs_in_group, phase_needs_in_group, phase_transition
from .views import flag, transfer_interest_url

GAP_PAGE_ITEMS = 8


def in_group(prefix: str, municipality: Municipality) -> Q:
    """``prefix`` (a municipality lookup) lies in the same Kreis as ``municipality``. NULL, not False,
    for Kommunen without a Kreis: order by it with ``nulls_last``."""
    group = group_id(municipality)
    return Q(**{f"{prefix}_id": group}) | Q(**{f"{prefix}__parent_id": group})


def nearest_first(queryset: QuerySet, near: Q, order: list[str]) -> list:
    """The first ``GAP_PAGE_ITEMS`` rows of ``queryset`` by ``order``, those ``near`` first (``is_near``).

    One query: the first rows near and the first elsewhere, each along ``order`` (an index walk that stops
    early), then those few sorted. Sorting by nearness first would sort every matching row (400 ms for the
    projects at a transition at 100 000 projects)."""
    first = [queryset.filter(near), queryset.exclude(near)]
    candidates = [part.order_by(*order).values("pk")[:GAP_PAGE_ITEMS] for part in first]
    return list(
        queryset.filter(pk__in=candidates[0].union(candidates[1], all=True))
        .annotate(is_near=flag(near))
        .order_by(F("is_near").desc(nulls_last=True), *order)[:GAP_PAGE_ITEMS]
    )


@dataclass
class Gap:
    """What the page of one gap shows; ``transition`` and ``field`` or ``phase`` say which gap it is."""

    municipality: Municipality
    topic: str  # "Kita", "Kita · Bildung"
    topic_name: str  # the transition's or phase's full name
    own_count: int
    served_projects: list[Project]
    offers: list[TransferOffer]
    projects: list[Project]
    networks: list[Network]
    need: Need | None
    request_url: str
    offers_url: str
    projects_url: str
    transition: Transition | None = None
    field: ActionField | None = None
    phase: LifePhase | None = None

    def as_context(self) -> dict:
        return {item.name: getattr(self, item.name) for item in dataclass_fields(self)}


@dataclass
class Suggestions:
    own_count: int
    served_projects: list[Project]
    offers: list[TransferOffer]
    projects: list[Project]
    networks: list[Network]


def suggestions(municipality: Municipality, *, on_topic: Q, networks: QuerySet) -> Suggestions:
    """Published projects matching ``on_topic``: the Kommune's own (counted), those of others serving it,
    and nearest first the active offers of the others, their projects without an offer and ``networks``.
    Five queries."""
    elsewhere = Project.objects.published().filter(on_topic).exclude(municipality=municipality)
    # Every project serving the Kommune is listed: only what the list shows (the rows carry long texts).
    served = list(
        elsewhere.filter(served_municipalities=municipality)
        .only("title", "slug", "municipality__name")
        .select_related("municipality")
        .order_by("title")
    )
    for project in served:
        project.served_label = municipality.served_label(project.municipality)
    offers = nearest_first(
        TransferOffer.objects.active().filter(project__in=elsewhere).select_related("project__municipality"),
        in_group("project__municipality", municipality),
        ["project__title", "pk"],
    )
    for offer in offers:
        offer.interest_url = transfer_interest_url(offer)
    without_offer = elsewhere.filter(has_transfer_offer=False).exclude(pk__in=[p.pk for p in served])
    projects = nearest_first(
        without_offer.select_related("municipality"),
        in_group("municipality", municipality),
        ["title", "pk"],
    )
    near_members = Network.municipalities.through.objects.filter(network_id=OuterRef("pk")).filter(
        in_group("municipality", municipality)
    )
    nearest_networks = list(
        networks.annotate(is_near=Exists(near_members)).order_by("-is_near", "name", "pk")[:GAP_PAGE_ITEMS]
    )
    own_count = municipality.projects.published().filter(on_topic).count()
    return Suggestions(own_count, served, offers, projects, nearest_networks)


def list_url(name: str, params: list[tuple[str, str]]) -> str:
    return f"{reverse(name)}?{urlencode(params)}" if params else reverse(name)


def transition_gap(municipality: Municipality, transition: Transition, field: ActionField | None = None) -> Gap:
    """The gap of ``municipality`` at ``transition`` (within ``field`` if given)."""
    on_topic = Q(transition_ids__contains=[transition.pk])
    if field:
        on_topic &= Q(action_field_ids__contains=[field.pk])
    found = suggestions(
        municipality, on_topic=on_topic, networks=Network.objects.published().filter(transitions=transition)
    )
    needs = needs_in_group(municipality, [transition]) if not field else {}
    field_params = [("handlungsfeld", field.slug)] if field else []
    return Gap(
        municipality=municipality,
        topic=transition.label if field is None else f"{transition.label} · {field.name}",
        topic_name=transition.name,
        **vars(found),
        need=needs.get((municipality.pk, transition.pk)),
        request_url=list_url(
            "transfers:request_create", [("kommune", municipality.slug), ("uebergang", transition.slug)]
        ),
        offers_url=list_url("transfers:offers", [("uebergang", transition.slug)]),
        projects_url=list_url("projects:list", [("uebergang", transition.slug), *field_params]),
        transition=transition,
        field=field,
    )


def phase_gap(municipality: Municipality, phase: LifePhase) -> Gap:
    """The gap of ``municipality`` in life phase ``phase``: projects naming the phase; networks, offer list,
    project list and Gesuch go by the transitions into and out of it (those are what networks and Gesuche
    name)."""
    bridging = list(Transition.objects.filter(Q(phase_before=phase) | Q(phase_after=phase)))
    on_network_topic = Network.transitions.through.objects.filter(
        network_id=OuterRef("pk"), transition_id__in=[t.pk for t in bridging]
    )
    found = suggestions(
        municipality,
        on_topic=Q(phase_ids__contains=[phase.pk]),
        networks=Network.objects.published().filter(Exists(on_network_topic)) if bridging else Network.objects.none(),
    )
    needs = phase_needs_in_group(municipality, [phase])
    into = phase_transition(phase, bridging)
    by_transition = [("uebergang", transition.slug) for transition in bridging]
    return Gap(
        municipality=municipality,
        topic=phase.label,
        topic_name=phase.name,
        **vars(found),
        need=needs.get((municipality.pk, phase.pk)),
        request_url=list_url("transfers:request_create", [("kommune", municipality.slug), *by_transition]),
        offers_url=list_url("transfers:offers", [("uebergang", into.slug)] if into else []),
        projects_url=list_url("projects:list", by_transition),
        phase=phase,
    )


# --- pages -------------------------------------------------------------------------------------------


def municipality_of(view: TemplateView) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("parent"), slug=view.kwargs["slug"])


class GapView(TemplateView):
    """Where a gap at a transition leads: what others offer for it, nearest (same Kreis) first."""

    template_name = "projects/gap.html"

    def get_context_data(self, **kwargs):
        municipality = municipality_of(self)
        transition = get_object_or_404(Transition, slug=self.kwargs["transition"])
        field = None
        if field_slug := self.request.GET.get("handlungsfeld"):
            field = ActionField.objects.filter(slug=field_slug).first()
            if field is None:
                raise Http404(_("Dieses Handlungsfeld gibt es nicht."))
        # Not the URL's keyword arguments: "transition" is the object here, not its slug.
        return super().get_context_data(**transition_gap(municipality, transition, field).as_context())


class PhaseGapView(TemplateView):
    """Where a gap in a life phase leads: what others offer for it, nearest (same Kreis) first."""

    template_name = "projects/gap.html"

    def get_context_data(self, **kwargs):
        municipality = municipality_of(self)
        phase = get_object_or_404(LifePhase, slug=self.kwargs["phase"])
        return super().get_context_data(**phase_gap(municipality, phase).as_context())
