from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from events.models import Event
from networks.models import Network
from projects.models import Project
from transfers.models import TransferOffer, TransferRequest

from . import query
from .snippets import snippet

PER_KIND = 5
MAX_QUERY_LENGTH = 200


@dataclass
class Group:
    """The hits of one kind on the results page."""

    kind: str
    label: str
    list_url: str
    total: int = 0
    suggestion: str | None = None
    items: list = field(default_factory=list)


# kind → (heading, route of its list, the public records of that kind)
KINDS = {
    "project": (_("Projekte"), "projects:list", Project.objects.published().select_related("municipality")),
    "offer": (_("Transfer-Angebote"), "transfers:offers", TransferOffer.objects.active().select_related("project")),
    "request": (
        _("Transfer-Gesuche"),
        "transfers:requests",
        TransferRequest.objects.open().select_related("municipality"),
    ),
    "network": (_("Netzwerke"), "networks:list", Network.objects.published()),
    "event": (_("Fachtage"), "events:list", Event.objects.upcoming()),  # as the list shows them first
}


def _title_and_text(kind: str, record) -> tuple[str, str]:
    if kind == "project":
        return record.title, record.summary
    if kind == "offer":
        return record.project.title, record.description or record.project.summary
    if kind == "request":
        return record.title, record.need
    if kind == "event":
        return record.title, record.description
    return record.name, record.description


def kind_group(kind: str, text: str, understood, searcher) -> "Group":
    """The first hits of one kind with their snippets, the count of all, and the index's "Meinten Sie"."""
    label, route, queryset = KINDS[kind]
    words, filters = query.words_and_filters(kind, understood)
    # The index holds past Fachtage too; count those the list shows by default.
    only_ids = list(queryset.values_list("pk", flat=True)) if kind == "event" else None
    result = query.run(
        kind,
        words=words,
        phrases=understood.phrases,
        filters=filters,
        only_ids=only_ids,
        limit=PER_KIND,
        searcher=searcher,
    )
    group = Group(kind, str(label), f"{reverse(route)}?{urlencode({'q': text})}", result.total, result.suggestion)
    order = {hit.pk: position for position, hit in enumerate(result.hits)}
    highlight = [*words, *(word for phrase in understood.phrases for word in phrase)]
    for record in sorted(queryset.filter(pk__in=order), key=lambda record: order[record.pk]):
        title, body = _title_and_text(kind, record)
        group.items.append((title, record.get_absolute_url(), snippet(body, highlight)))
    return group


class SearchView(TemplateView):
    """Everything the header and home search box find, grouped by kind, with the count of each."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        text = (self.request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
        understood = query.understand(text)
        groups = []
        if text:
            searcher = query.search_index.searcher()
            groups = [kind_group(kind, text, understood, searcher) for kind in KINDS]
        return super().get_context_data(
            query_text=text,
            groups=groups,
            total=sum(group.total for group in groups),
            terms=understood.terms,
            suggestion=next((group.suggestion for group in groups if group.suggestion), None),
            **kwargs,
        )
