"""Admin of the transfer records. This module only adds row-level scoping and history to the admin;
the transfer workflow itself lives in transfers/services.py."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.history_records import HistoryDisplayAdminMixin
from accounts.scoping import ScopedAdminMixin
from projects.access import municipalities_for, projects_for
from projects.admin import ProjectAdmin
from projects.models import Project

from . import services
from .access import offer_is_public, transfer_interests_for, transfer_offers_for, transfer_requests_for
from .models import TransferInterest, TransferOffer, TransferRequest, TransferService


class TransferHistoryAdmin(HistoryDisplayAdminMixin, ScopedAdminMixin, SimpleHistoryAdmin):
    pass


class TransferServiceInline(admin.TabularInline):
    model = TransferService
    extra = 0
    fields = ["kind", "mode", "format", "effort_hours", "capacity"]


OFFER_FIELDSETS = [
    (None, {"fields": ["project", "description", "success_criteria"]}),
    (
        _("Sind Sie bereit für den Transfer?"),
        {
            "fields": TransferOffer.READINESS_CHECKS,
            "description": _(
                "Alle fünf Punkte: transferbereit; drei oder vier: weitgehend transferbereit; sonst: im Aufbau."
            ),
        },
    ),
    (_("Für die übernehmende Kommune"), {"fields": ["adopter_effort", "adopter_costs", "difficulty"]}),
    (_("Kontakt"), {"fields": ["contact_name", "contact_email", "contact_phone", "contact_is_public", "is_active"]}),
]


@admin.register(TransferOffer)
class TransferOfferAdmin(TransferHistoryAdmin):
    scope = staticmethod(transfer_offers_for)
    choice_scopes = {"project": projects_for}
    list_display = ["__str__", "project", "contact_name", "is_active", "created_at"]
    list_filter = ["is_active", ("project__municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["project", "project__municipality"]
    search_fields = ["project__title", "description", "contact_name"]
    autocomplete_fields = ["project"]
    fieldsets = OFFER_FIELDSETS
    inlines = [TransferServiceInline]

    def view_on_site(self, obj: TransferOffer) -> str | None:
        return obj.get_absolute_url() if offer_is_public(obj) else None

    def save_model(self, request, obj, form, change):
        was_public = change and offer_is_public(obj)
        super().save_model(request, obj, form, change)
        services.offer_announce(offer=obj, was_public=was_public, by=request.user)


@admin.register(TransferRequest)
class TransferRequestAdmin(TransferHistoryAdmin):
    scope = staticmethod(transfer_requests_for)
    choice_scopes = {"municipality": municipalities_for}
    list_display = ["title", "municipality", "status", "created_at"]
    list_filter = ["status", ("municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["municipality"]
    search_fields = ["title", "need"]
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["transitions", "action_fields", "target_groups"]
    exclude = ["slug"]
    # Closing a request is a step of its own (transfers:request_close); the status is read-only here.

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(TransferInterest)
class TransferInterestAdmin(TransferHistoryAdmin):
    """Read-only: a transfer is registered and moved on only in the portal (interest_register,
    interest_advance), where each step checks which side may take it. The back office shows it and
    links there."""

    scope = staticmethod(transfer_interests_for)
    list_display = ["__str__", "offer", "municipality", "stage", "created_at"]
    list_filter = ["stage", ("municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["municipality", "offer", "offer__project"]
    search_fields = ["offer__project__title", "municipality__name", "message"]
    fields = [
        "portal_link",
        "offer",
        "municipality",
        "services",
        "request",
        "stage",
        "message",
        "preferred_period",
        "contact_name",
        "contact_email",
        "experience_worked",
        "experience_adapted",
        "experience_warnings",
        "rating",
        "rated_at",
        "created_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("Im Portal"))
    def portal_link(self, obj: TransferInterest) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            obj.get_absolute_url(),
            gettext("Verlauf ansehen und den nächsten Schritt im Portal festhalten"),
        )


class TransferOfferInline(admin.StackedInline):
    model = TransferOffer
    extra = 0
    fieldsets = [(name, options) for name, options in OFFER_FIELDSETS if "project" not in options["fields"]]
    fieldsets.insert(0, (None, {"fields": ["description", "success_criteria"]}))
    show_change_link = True


class ProjectWithOffersAdmin(ProjectAdmin):
    """The project form with the project's transfer offers below it. The projects app cannot know
    offers (it sits below transfers), so this app registers the project admin again with them."""

    inlines = [*ProjectAdmin.inlines, TransferOfferInline]


admin.site.unregister(Project)
admin.site.register(Project, ProjectWithOffersAdmin)
