from django import forms
from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from accounts.access import is_reviewer
from accounts.history_records import HistoryDisplayAdminMixin
from accounts.scoping import ScopedAdminMixin
from projects.access import municipalities_for, organisation_choices_for, organisations_for, projects_for
from projects.diff import diff_rows
from projects.import_admin import BackgroundImportMixin
from projects.review_admin import ReviewPageMixin, ReviewStateFilter

from . import services
from .access import networks_for
from .models import Network
from .resources import NetworkResource


class ArchiveRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Für die Prüfung: Warum soll das Netzwerk nicht mehr öffentlich erscheinen?"),
        error_messages={"required": _("Bitte schreiben Sie, warum das Netzwerk archiviert werden soll.")},
    )


class NetworkAdminForm(forms.ModelForm):
    """Shows a Koordinator the values of their pending changes rather than the published ones."""

    pending_initial: dict = {}

    class Meta:
        model = Network
        fields = Network.REVIEWED_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, value in self.pending_initial.items():
            if name in self.fields:
                self.initial[name] = value


@admin.register(Network)
class NetworkAdmin(
    ReviewPageMixin,
    HistoryDisplayAdminMixin,
    ScopedAdminMixin,
    BackgroundImportMixin,
    ImportExportMixin,
    SimpleHistoryAdmin,
):
    scope = staticmethod(networks_for)
    resource_classes = [NetworkResource]
    form = NetworkAdminForm
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
    list_display = [
        "name",
        "kind",
        "coordinating_organisation",
        "review_state",
        "meetings_per_year",
        "has_cooperation_agreement",
    ]
    list_filter = [
        ReviewStateFilter,
        "status",
        "kind",
        ("municipalities", RelatedOnlyFieldListFilter),
        "transitions",
        "action_fields",
    ]
    list_select_related = ["coordinating_organisation"]
    search_fields = ["name", "description", "coordinating_organisation__name"]
    autocomplete_fields = ["coordinating_organisation", "members", "projects"]
    filter_horizontal = ["municipalities", "transitions", "action_fields"]

    actions = ["request_archiving_selected", "archive_selected", "unarchive_selected"]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if is_reviewer(request.user):
            actions.pop("request_archiving_selected", None)  # reviewers archive directly
        return actions

    @admin.action(description=_("Archivierung beantragen"), permissions=["change"])
    def request_archiving_selected(self, request, queryset):
        """Asks for a reason on a page of its own, then requests the archiving of each selected network."""
        form = ArchiveRequestForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": gettext("Archivierung beantragen"),
                "networks": queryset,
                "form": form,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/networks/network/request_archiving.html", context)
        count = 0
        for network in queryset:
            try:
                services.network_request_archiving(network=network, by=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                messages.error(request, "„{name}“: {reason}".format(name=network.name, reason=" ".join(error.messages)))
            else:
                count += 1
        if count:
            messages.success(
                request,
                gettext(
                    "Archivierung für {count} Netzwerk(e) beantragt. Bis zur Entscheidung der Prüfung bleiben sie "
                    "öffentlich."
                ).format(count=count),
            )
        return None

    def _run_on_selected(self, request, queryset, step, done: str) -> None:
        count = 0
        for network in queryset:
            try:
                step(network=network, by=request.user)
            except ValidationError as error:
                messages.error(request, "„{name}“: {reason}".format(name=network.name, reason=" ".join(error.messages)))
            else:
                count += 1
        if count:
            messages.success(request, done.format(count=count))

    @admin.action(description=_("Ausgewählte Netzwerke archivieren"), permissions=["review"])
    def archive_selected(self, request, queryset):
        self._run_on_selected(request, queryset, services.network_archive, gettext("{count} Netzwerk(e) archiviert."))

    @admin.action(description=_("Ausgewählte Netzwerke wieder veröffentlichen"), permissions=["review"])
    def unarchive_selected(self, request, queryset):
        self._run_on_selected(
            request, queryset, services.network_unarchive, gettext("{count} Netzwerk(e) wieder veröffentlicht.")
        )

    def has_review_permission(self, request) -> bool:
        return is_reviewer(request.user) and self.has_change_permission(request)

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**super().get_resource_kwargs(request, *args, **kwargs), "user": request.user}

    fieldsets = [
        (None, {"fields": ["name", "kind", "description", "coordinating_organisation", "municipalities"]}),
        (
            _("Arbeitsweise"),
            {"fields": ["meetings_per_year", "meeting_note", "founded_year", "has_cooperation_agreement"]},
        ),
        (_("Einordnung"), {"fields": ["members", "projects", "transitions", "action_fields"]}),
        (
            _("Prüfung"),
            {
                "fields": [
                    "status",
                    "review_comment",
                    "submitted_at",
                    "submitted_by",
                    "reviewed_at",
                    "reviewed_by",
                    "archive_requested_at",
                    "archive_reason",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    @admin.display(description=_("Stand"), ordering="status")
    def review_state(self, obj: Network) -> str:
        if obj.is_returned:
            return gettext("Zurückgegeben")
        if obj.has_archive_request:
            return gettext("Veröffentlicht, Archivierung beantragt")
        if obj.has_pending_changes:
            return gettext("Veröffentlicht, Änderungen in Prüfung")
        return obj.get_status_display()

    def view_on_site(self, obj: Network) -> str | None:
        return obj.get_absolute_url() if obj.is_published else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and obj.pending_changes and services.edits_are_proposals(obj, request.user):
            form = type(form.__name__, (form,), {"pending_initial": obj.pending_changes})
        return form

    # Saving: networks.services decides whether an edit is saved or becomes a change for review -------

    def save_model(self, request, obj, form, change):
        saved = services.network_save(network=obj, cleaned_data=form.cleaned_data, by=request.user)
        obj.pk = saved.pk
        obj.refresh_from_db()
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        """The many-to-many fields were saved (or proposed) by network_save; a network has no inlines."""

    def restore_version(self, request, form, record):
        saved = services.network_restore(network=form.instance, cleaned_data=form.cleaned_data, by=request.user)
        if saved.is_published and is_reviewer(request.user):
            messages.info(
                request,
                gettext("Die wiederhergestellte Fassung liegt als Änderung zur Prüfung vor („Prüfen“)."),
            )
        return saved

    def _after_save(self, request, obj: Network) -> None:
        network = Network.objects.get(pk=obj.pk)
        if services.edits_are_proposals(network, request.user):
            if network.has_pending_changes:
                messages.info(
                    request,
                    gettext(
                        "Ihre Änderungen sind zur Prüfung eingereicht. Bis zur Freigabe bleibt die "
                        "veröffentlichte Fassung sichtbar."
                    ),
                )
            else:
                messages.info(request, gettext("Keine Änderung gegenüber der veröffentlichten Fassung."))
        if "_submit_for_review" not in request.POST:
            return
        try:
            services.network_submit(network=network, by=request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        except PermissionDenied:
            messages.error(request, gettext("Diesen Schritt dürfen Sie nicht gehen."))
        else:
            messages.success(request, gettext("Das Netzwerk ist zur Prüfung eingereicht."))

    def response_add(self, request, obj, post_url_continue=None):
        self._after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._after_save(request, obj)
        return super().response_change(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "is_reviewer": is_reviewer(request.user)}
        return super().changeform_view(request, object_id, form_url, extra_context)

    # Review -------------------------------------------------------------------------------------------

    review_template = "admin/networks/network/review.html"

    review_services = {
        "publish": services.network_publish,
        "approve": services.network_approve_changes,
        "archive": services.network_archive,
        "return": services.network_return,
    }

    def review_message(self, action, record):
        return {
            "publish": gettext("„{name}“ ist veröffentlicht."),
            "approve": gettext("Die Änderungen an „{name}“ sind übernommen und öffentlich."),
            "archive": gettext("„{name}“ ist archiviert und nicht mehr öffentlich gelistet."),
            "return": gettext("„{name}“ ist mit Ihrem Kommentar zurückgegeben."),
        }[action].format(name=record.name)

    def review_context(self, record):
        return {
            "title": gettext("„{name}“ prüfen").format(name=record.name),
            "diff": diff_rows(record.pending_changes_diff()),
            "fields": diff_rows(record.review_rows()),
        }
