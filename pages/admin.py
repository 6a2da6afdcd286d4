from django.contrib import admin

from .models import LegalPage


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    """The three pages exist from the start; the Redaktion edits them, nobody adds or deletes one."""

    list_display = ["__str__", "title", "updated_at"]
    fields = ["title", "body", "contact_email"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def view_on_site(self, obj: LegalPage) -> str:
        return obj.get_absolute_url()
