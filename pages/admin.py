from django.contrib import admin, messages
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .access import barrier_reports_for
from .forms import SignLanguageVideoForm
from .models import BarrierReport, LegalPage, SignLanguageVideo
from .services import barrier_reports_mark_answered


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    """The three pages exist from the start; the Redaktion edits them, nobody adds or deletes one.

    Placeholders in square brackets (left by the starting texts for what only the operator knows) are
    shown in the list and on the form, so no page goes live half-finished.
    """

    list_display = ["__str__", "title", "open_placeholders_count", "updated_at"]
    fields = ["open_placeholders", "title", "body", "contact_email", "response_weeks"]
    readonly_fields = ["open_placeholders"]

    def get_fields(self, request, obj=None) -> list[str]:
        fields = super().get_fields(request, obj)
        if obj is None or obj.kind != LegalPage.Kind.ACCESSIBILITY:
            fields = [name for name in fields if name != "response_weeks"]
        return fields

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


@admin.register(SignLanguageVideo)
class SignLanguageVideoAdmin(admin.ModelAdmin):
    """The Redaktion uploads one MP4 per topic; format, size and duration are read from the file."""

    form = SignLanguageVideoForm
    list_display = ["__str__", "duration_display", "size_display", "uploaded_at"]
    readonly_fields = ["facts"]

    def view_on_site(self, obj: SignLanguageVideo) -> str:
        return reverse("pages:sign_language")

    @admin.display(description=_("Dauer"))
    def duration_display(self, obj: SignLanguageVideo) -> str:
        return obj.duration_display

    @admin.display(description=_("Größe"))
    def size_display(self, obj: SignLanguageVideo) -> str:
        return filesizeformat(obj.size)

    @admin.display(description=_("Aus der Datei gelesen"))
    def facts(self, obj: SignLanguageVideo) -> str:
        if not obj.pk:
            return gettext("Format, Größe und Dauer werden beim Speichern aus der Datei gelesen.")
        return format_html(
            '{} · {} · {} <a href="{}">{}</a>',
            obj.content_type,
            filesizeformat(obj.size),
            obj.duration_display,
            obj.get_absolute_url(),
            gettext("Video ansehen"),
        )


@admin.register(BarrierReport)
class BarrierReportAdmin(admin.ModelAdmin):
    """Reported barriers for the Redaktion, the oldest due answer first; only status and note are edited."""

    list_display = ["received_at", "answer_due_on", "due_state", "status", "short_description", "page_url"]
    list_filter = ["status"]
    fields = ["received_at", "answer_due_on", "description", "page_url", "name", "email", "status", "note"]
    readonly_fields = ["received_at", "answer_due_on", "description", "page_url", "name", "email"]
    date_hierarchy = "received_at"
    actions = ["mark_answered"]

    def get_queryset(self, request):
        return barrier_reports_for(request.user)

    def has_add_permission(self, request) -> bool:
        return False  # reports come only through the public form

    @admin.display(description=_("Frist"))
    def due_state(self, obj: BarrierReport) -> str:
        if obj.status == BarrierReport.Status.ANSWERED:
            return "–"
        days = (obj.answer_due_on - timezone.localdate()).days
        if days < 0:
            return gettext("überfällig")
        return ngettext("noch {days} Tag", "noch {days} Tage", days).format(days=days)

    @admin.action(description=_("Als beantwortet markieren"), permissions=["change"])
    def mark_answered(self, request, queryset) -> None:
        count = barrier_reports_mark_answered(reports=queryset, by=request.user)
        message = ngettext(
            "{count} Meldung als beantwortet markiert.", "{count} Meldungen als beantwortet markiert.", count
        )
        self.message_user(request, message.format(count=count), messages.SUCCESS)

    @admin.display(description=_("Meldung"))
    def short_description(self, obj: BarrierReport) -> str:
        return Truncator(obj.description).chars(80)
