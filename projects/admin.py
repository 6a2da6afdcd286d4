from django.contrib import admin

from .models import (
    District,
    Field,
    Indicator,
    Municipality,
    Organisation,
    Project,
    ProjectLink,
    TargetGroup,
    Transition,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "population", "has_own_youth_office", "is_model_municipality"]
    list_filter = ["kind", "is_model_municipality", "has_own_youth_office"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "department"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name", "department"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]


@admin.register(Transition, Field, TargetGroup)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class ProjectLinkInline(admin.TabularInline):
    model = ProjectLink
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "status", "confirmed_at", "updated_at"]
    list_filter = ["status", "municipality", "transitions", "fields"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["municipality", "organisations", "districts"]
    filter_horizontal = ["transitions", "fields", "target_groups"]
    inlines = [IndicatorInline, ProjectLinkInline]
    fieldsets = [
        (None, {"fields": ["title", "municipality", "summary", "status", "start_year"]}),
        ("Beschreibung", {"fields": ["situation", "goals", "achievements", "success_factors", "pitfalls"]}),
        ("Einordnung", {"fields": ["transitions", "fields", "target_groups", "organisations", "districts"]}),
        (
            "Kontakt",
            {"fields": ["contact_name", "contact_role", "contact_email", "contact_phone", "contact_is_public"]},
        ),
    ]
