from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Öffentliche Seiten")

    def ready(self):
        # Users can save a search on the project list (transfers' "Suchaufträge").
        from projects.models import Project
        from transfers import saved_searches

        from .filters import ProjectFilter, saved_search_results

        saved_searches.register(
            saved_searches.SearchableList(
                "projekte",
                _("Projekte"),
                "projects:list",
                ProjectFilter,
                Project.objects.published,
                apply=saved_search_results,
            )
        )
