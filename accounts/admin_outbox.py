"""The mail outbox in the admin: read-only, for the Redaktion, the Steuerungsgruppe and superusers.

Nobody writes mails here; the one thing to do is "erneut versuchen" on failed (or waiting) mails,
which calls ``accounts.outbox.outgoing_mails_retry``.
"""

from django.contrib import admin, messages
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from transferboerse.workflow import workflow_fields

from .models import OutgoingMail
from .outbox import outbox_visible_to, outgoing_mails_for, outgoing_mails_retry


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "status", "attempts", "next_attempt_at", "sent_at", "error"]
    list_filter = ["status", "template"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    # Every field is written by the mail worker only: the page shows them, nothing here edits them.
    fields = readonly_fields = list(workflow_fields(OutgoingMail))
    actions = ["retry"]

    def get_queryset(self, request):
        return outgoing_mails_for(request.user)

    def has_view_permission(self, request, obj=None):
        return outbox_visible_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request) -> bool:
        return outbox_visible_to(request.user)

    @admin.display(description=_("letzter Fehler"))
    def error(self, obj: OutgoingMail) -> str:
        return Truncator(obj.last_error).chars(80)

    @admin.action(description=_("Erneut versuchen"), permissions=["retry"])
    def retry(self, request, queryset):
        count = outgoing_mails_retry(mails=queryset, by=request.user)
        skipped = queryset.count() - count
        messages.success(
            request,
            ngettext("{count} E-Mail wird erneut versandt.", "{count} E-Mails werden erneut versandt.", count).format(
                count=count
            ),
        )
        if skipped:
            messages.warning(
                request,
                gettext(
                    "{count} ausgewählte E-Mail(s) wurden übersprungen: sie sind bereits versandt oder werden "
                    "gerade versandt."
                ).format(count=skipped),
            )
