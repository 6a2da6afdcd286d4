from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import LegalPage


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    """The three pages exist from the start; the Redaktion edits them, nobody adds or deletes one.

    Placeholders in square brackets (left by the starting texts for what only the operator knows) are
    shown in the list and on the form, so no page goes live half-finished.
    """

    list_display = ["__str__", "title", "open_placeholders_count", "updated_at"]
    fields = ["open_placeholders", "title", "body", "contact_email"]
    readonly_fields = ["open_placeholders"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def view_on_site(self, obj: LegalPage) -> str:
        return obj.get_absolute_url()

    @admin.display(description=_("Noch zu ergänzen"))
    def open_placeholders_count(self, obj: LegalPage) -> str:
        count = len(obj.placeholders())
        if not count:
            return gettext("nichts")
        return ngettext("{count} Platzhalter", "{count} Platzhalter", count).format(count=count)

    @admin.display(description=_("Noch zu ergänzen"))
    def open_placeholders(self, obj: LegalPage) -> str:
        placeholders = obj.placeholders()
        if not placeholders:
            return gettext("Nichts – die Seite enthält keine Platzhalter mehr.")
        items = format_html_join("", "<li>{}</li>", ((placeholder,) for placeholder in placeholders))
        intro = gettext(
            "Vor dem Start ersetzen (Text in eckigen Klammern bzw. die Beispiel-Adresse; "
            "einen nicht zutreffenden Abschnitt ganz löschen):"
        )
        return format_html_join("", "{}<ul>{}</ul>", [(intro, items)])

    def changelist_view(self, request, extra_context=None):
        incomplete = [str(page) for page in LegalPage.objects.order_by("kind") if page.placeholders()]
        if incomplete:
            messages.warning(
                request,
                gettext(
                    "Noch nicht fertig: {pages}. Die Platzhalter in eckigen Klammern müssen vor dem Start "
                    "ersetzt werden."
                ).format(pages=", ".join(incomplete)),
            )
        return super().changelist_view(request, extra_context)
