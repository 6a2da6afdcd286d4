from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransfersConfig(AppConfig):
    name = "transfers"
    verbose_name = _("Transferbörse")

    def ready(self):
        from . import saved_searches
        from .filters import OfferFilter, RequestFilter
        from .models import TransferOffer, TransferRequest

        saved_searches.register(
            saved_searches.SearchableList(
                "angebote", _("Transfer-Angebote"), "transfers:offers", OfferFilter, TransferOffer.objects.active
            )
        )
        saved_searches.register(
            saved_searches.SearchableList(
                "gesuche", _("Transfer-Gesuche"), "transfers:requests", RequestFilter, TransferRequest.objects.open
            )
        )
