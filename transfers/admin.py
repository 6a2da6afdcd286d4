"""Admin of the transfer records. This module only adds row-level scoping and history to the admin;
the transfer workflow itself lives in transfers/services.py."""

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from simple_history.admin import SimpleHistoryAdmin

from accounts.history_records import GermanHistoryContextHelper
from accounts.scoping import ScopedAdminMixin
from projects.access import municipalities_for, projects_for

from .access import interest_offer_choices_for, transfer_interests_for, transfer_offers_for, transfer_requests_for
from .models import TransferInterest, TransferOffer, TransferRequest, TransferService


class TransferHistoryAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    object_history_list_template = "admin/history/object_history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return GermanHistoryContextHelper(self.model, historical_record)


class TransferServiceInline(admin.TabularInline):
    model = TransferService
    extra = 0


@admin.register(TransferOffer)
class TransferOfferAdmin(TransferHistoryAdmin):
    scope = staticmethod(transfer_offers_for)
    choice_scopes = {"project": projects_for}
    list_display = ["__str__", "project", "contact_name", "is_active", "created_at"]
    list_filter = ["is_active", ("project__municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["project", "project__municipality"]
    search_fields = ["project__title", "description", "contact_name"]
    autocomplete_fields = ["project"]
    inlines = [TransferServiceInline]


@admin.register(TransferRequest)
class TransferRequestAdmin(TransferHistoryAdmin):
    scope = staticmethod(transfer_requests_for)
    choice_scopes = {"municipality": municipalities_for}
    list_display = ["title", "municipality", "status", "created_at"]
    list_filter = ["status", ("municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["municipality"]
    search_fields = ["title", "need"]
    autocomplete_fields = ["municipality"]
    filter_horizontal = ["transitions", "fields", "target_groups"]
    exclude = ["slug"]


@admin.register(TransferInterest)
class TransferInterestAdmin(TransferHistoryAdmin):
    scope = staticmethod(transfer_interests_for)
    choice_scopes = {"offer": interest_offer_choices_for, "municipality": municipalities_for}
    list_display = ["__str__", "offer", "municipality", "stage", "created_at"]
    list_filter = ["stage", ("municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["municipality", "offer", "offer__project"]
    search_fields = ["offer__project__title", "municipality__name", "message"]
    autocomplete_fields = ["offer", "municipality"]
