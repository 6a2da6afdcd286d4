from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import TransferOffer, TransferRequest

FEED_SIZE = 30


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are plain text (``type="text"``).

    Offer and request texts are published without review; Django's ``type="html"`` made feed readers
    render any markup in them as live HTML. As text, ``<script>`` stays visible characters.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item.get("description") is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class OfferFeed(Feed):
    feed_type = PlainTextAtom1Feed
    title = _("Transferbörse: neue Transfer-Angebote")
    subtitle = _("Kommunen bieten ihr Wissen zu funktionierenden Präventionsangeboten an.")
    link = reverse_lazy("transfers:offers")

    def items(self):
        return TransferOffer.objects.active().select_related("project__municipality")[:FEED_SIZE]

    def item_title(self, item):
        return _("{municipality}: {project}").format(municipality=item.project.municipality, project=item.project)

    def item_description(self, item):
        return item.description or item.project.summary

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class RequestFeed(Feed):
    feed_type = PlainTextAtom1Feed
    title = _("Transferbörse: neue Transfer-Gesuche")
    subtitle = _("Kommunen suchen funktionierende Lösungen für ihre Lücken.")
    link = reverse_lazy("transfers:requests")

    def items(self):
        return TransferRequest.objects.open().select_related("municipality")[:FEED_SIZE]

    def item_title(self, item):
        return _("{municipality}: {title}").format(municipality=item.municipality, title=item.title)

    def item_description(self, item):
        return item.need

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
