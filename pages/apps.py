from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The operator's side of the portal: editable legal pages and the privacy and backup commands."""

    name = "pages"
    verbose_name = _("Seiten und Betrieb")

    def ready(self) -> None:
        from . import checks  # noqa: F401 – registers the deploy check
