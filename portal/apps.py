from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Öffentliche Seiten")

    def ready(self):
        # Users can save a search on the project list (transfers' "Suchaufträge").
        from projects.models import Project
        from transfers import saved_searches

        from .filters import ProjectFilter

        saved_searches.register(
            saved_searches.SearchableList(
                "projekte",
                _("Projekte"),
                "projects:list",
                ProjectFilter,
                Project.objects.published,
                # the list applies its filters together, as ProjectListView.results does
                apply=lambda filterset, base: base.filter(*filterset.conditions(filterset.terms).values()),
            )
        )
