from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the portal: backup and restore of the database, privacy export and erasure (DSGVO)."""

    name = "operations"
    verbose_name = _("Betrieb")
