from django.contrib import admin

from .models import Network


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "coordinating_organisation", "meetings_per_year", "has_cooperation_agreement"]
    list_filter = ["kind", "municipalities", "transitions", "fields"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["coordinating_organisation", "members", "projects"]
    filter_horizontal = ["municipalities", "transitions", "fields"]
