from django.contrib import admin

from .models import TransferInterest, TransferOffer, TransferRequest, TransferService


class TransferServiceInline(admin.TabularInline):
    model = TransferService
    extra = 0


@admin.register(TransferOffer)
class TransferOfferAdmin(admin.ModelAdmin):
    list_display = ["project", "contact_name", "is_active", "created_at"]
    list_filter = ["is_active"]
    autocomplete_fields = ["project"]
    inlines = [TransferServiceInline]


@admin.register(TransferRequest)
class TransferRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "status", "created_at"]
    list_filter = ["status", "municipality"]
    search_fields = ["title", "need"]
    filter_horizontal = ["transitions", "fields", "target_groups"]


@admin.register(TransferInterest)
class TransferInterestAdmin(admin.ModelAdmin):
    list_display = ["offer", "municipality", "stage", "created_at"]
    list_filter = ["stage"]
