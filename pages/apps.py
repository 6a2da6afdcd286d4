from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Editable legal pages (Impressum, Datenschutz, Barrierefreiheit) and the deploy check on them."""

    name = "pages"
    verbose_name = _("Seiten und Betrieb")

    def ready(self) -> None:
        from . import checks  # noqa: F401 – registers the deploy check
