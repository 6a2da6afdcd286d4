"""Change history (django-simple-history) for the transfer models.

Projects and networks declare ``history = HistoricalRecords(...)`` on the model itself. The transfer
models are registered here instead, with their historical tables in the ``accounts`` app, so that
recording their history needs no migration in ``transfers``. If a transfer model gains fields,
``makemigrations accounts`` picks them up.
"""

from django.utils.translation import gettext_lazy as _
from simple_history import register

from transfers.models import TransferInterest, TransferOffer, TransferRequest

from .history_records import TrackedHistoricalRecords

register(
    TransferOffer,
    app="accounts",
    records_class=TrackedHistoricalRecords,
    excluded_fields=["updated_at"],
    verbose_name=_("Version des Transfer-Angebots"),
    verbose_name_plural=_("Versionen der Transfer-Angebote"),
)
register(
    TransferRequest,
    app="accounts",
    records_class=TrackedHistoricalRecords,
    excluded_fields=["updated_at"],
    verbose_name=_("Version des Transfer-Gesuchs"),
    verbose_name_plural=_("Versionen der Transfer-Gesuche"),
)
register(
    TransferInterest,
    app="accounts",
    records_class=TrackedHistoricalRecords,
    excluded_fields=["updated_at"],
    verbose_name=_("Version des Transferinteresses"),
    verbose_name_plural=_("Versionen der Transferinteressen"),
)
