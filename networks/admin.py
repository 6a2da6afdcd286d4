from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from accounts.history_records import HistoryAdminMixin
from accounts.scoping import ScopedAdminMixin
from projects.access import municipalities_for, organisation_choices_for, organisations_for, projects_for
from projects.import_admin import BackgroundImportMixin

from .access import networks_for
from .models import Network
from .resources import NetworkResource


@admin.register(Network)
class NetworkAdmin(HistoryAdminMixin, ScopedAdminMixin, BackgroundImportMixin, ImportExportMixin, SimpleHistoryAdmin):
    scope = staticmethod(networks_for)
    resource_classes = [NetworkResource]
    choice_scopes = {
        # A Koordinator's network is coordinated by one of their own organisations …
        "coordinating_organisation": organisations_for,
        # … may have members from the Kreis and supra-regional bodies, never from another town.
        "members": organisation_choices_for,
        "municipalities": municipalities_for,
        "projects": projects_for,
    }
    keep_current_choices = ("members", "municipalities")
    scope_fields = ("coordinating_organisation",)
    list_display = ["name", "kind", "coordinating_organisation", "meetings_per_year", "has_cooperation_agreement"]
    list_filter = ["kind", ("municipalities", RelatedOnlyFieldListFilter), "transitions", "fields"]
    list_select_related = ["coordinating_organisation"]
    search_fields = ["name", "description", "coordinating_organisation__name"]
    autocomplete_fields = ["coordinating_organisation", "members", "projects"]
    filter_horizontal = ["municipalities", "transitions", "fields"]

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**super().get_resource_kwargs(request, *args, **kwargs), "user": request.user}

    fieldsets = [
        (None, {"fields": ["name", "kind", "description", "coordinating_organisation", "municipalities"]}),
        (
            _("Arbeitsweise"),
            {"fields": ["meetings_per_year", "meeting_note", "founded_year", "has_cooperation_agreement"]},
        ),
        (_("Einordnung"), {"fields": ["members", "projects", "transitions", "fields"]}),
    ]
