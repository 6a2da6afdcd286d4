"""Projects and the chain's taxonomies in the back office."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from accounts.access import is_reviewer
from accounts.history_records import HistoryDisplayAdminMixin
from accounts.scoping import ScopedAdminMixin

from .. import services
from ..access import (
    can_delete_project,
    municipalities_for,
    organisation_choices_for,
    projects_for,
    served_municipality_choices_for,
    social_areas_for,
)
from ..diff import diff_rows
from ..import_admin import BackgroundImportMixin
from ..models import (
    ActionField,
    Indicator,
    LifePhase,
    Project,
    ProjectLink,
    TargetGroup,
    Transition,
)
from ..resources import ProjectResource
from ..review_admin import ReviewPageMixin, ReviewStateFilter, inline_rows


@admin.register(LifePhase, Transition, ActionField, TargetGroup)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    exclude = ["slug"]


# Projects ---------------------------------------------------------------------------------------------


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["label", "value", "year", "position"]


class ProjectLinkInline(admin.TabularInline):
    model = ProjectLink
    extra = 0


REVIEWED_INLINES = {Indicator: "indicators", ProjectLink: "links"}


class ProjectReviewStateFilter(ReviewStateFilter):
    title = _("Prüfung und Aktualität")
    states = {
        **ReviewStateFilter.states,
        "bestaetigung-faellig": (_("Seit 12 Monaten nicht bestätigt"), "needs_confirmation"),
    }


class ProjectAdminForm(forms.ModelForm):
    """Shows a Koordinator the values of their pending changes rather than the published ones."""

    pending_initial: dict = {}

    class Meta:
        model = Project
        fields = ["municipality", *Project.REVIEWED_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, value in self.pending_initial.items():
            if name in self.fields:
                self.initial[name] = value


REVIEW_READONLY_FIELDS = [
    "status",
    "review_comment",
    "submitted_at",
    "submitted_by",
    "reviewed_at",
    "reviewed_by",
    "archive_requested_at",
    "confirmed_at",
    "created_at",
    "updated_at",
]


@admin.register(Project)
class ProjectAdmin(
    ReviewPageMixin,
    HistoryDisplayAdminMixin,
    ScopedAdminMixin,
    BackgroundImportMixin,
    ImportExportMixin,
    SimpleHistoryAdmin,
):
    scope = staticmethod(projects_for)
    resource_classes = [ProjectResource]
    choice_scopes = {
        "municipality": municipalities_for,
        "organisations": organisation_choices_for,
        "social_areas": social_areas_for,
        "served_municipalities": served_municipality_choices_for,
    }
    keep_current_choices = ("organisations",)
    form = ProjectAdminForm
    list_display = ["title", "municipality", "review_state", "confirmed_at", "updated_at"]
    list_filter = [
        ProjectReviewStateFilter,
        "status",
        ("municipality", RelatedOnlyFieldListFilter),
        "phases",
        "transitions",
        "action_fields",
    ]
    list_select_related = ["municipality"]
    search_fields = ["title", "summary", "municipality__name"]
    autocomplete_fields = ["municipality", "organisations", "social_areas", "served_municipalities"]
    filter_horizontal = ["phases", "transitions", "action_fields", "target_groups"]
    # transfers/admin.py adds the project's transfer offers (transfers sits above projects).
    inlines = [IndicatorInline, ProjectLinkInline]
    fieldsets = [
        (None, {"fields": ["title", "municipality", "summary", "start_year"]}),
        (
            _("Beschreibung"),
            {
                "fields": ["situation", "goals", "achievements", "success_factors", "pitfalls"],
                "description": _("In der Reihenfolge der Projektbeschreibungen; die Kennzahlen folgen unten."),
            },
        ),
        (
            _("Einordnung"),
            {
                "fields": [
                    "phases",
                    "transitions",
                    "action_fields",
                    "target_groups",
                    "organisations",
                    "social_areas",
                    "served_municipalities",
                ]
            },
        ),
        (
            _("Kontakt"),
            {"fields": ["contact_name", "contact_role", "contact_email", "contact_phone", "contact_is_public"]},
        ),
        (_("Prüfung und Aktualität"), {"fields": REVIEW_READONLY_FIELDS, "classes": ["collapse"]}),
    ]

    actions = ["submit_selected", "confirm_selected"]

    @admin.action(description=_("Ausgewählte Entwürfe zur Prüfung einreichen"), permissions=["change"])
    def submit_selected(self, request, queryset):
        submitted = 0
        for project in queryset.select_related("municipality"):
            try:
                services.project_submit(project=project, by=request.user)
            except ValidationError as error:
                for text in error.messages:
                    messages.error(request, gettext("„{title}“: {message}").format(title=project.title, message=text))
            except PermissionDenied:
                messages.error(
                    request, gettext("„{title}“: Diesen Schritt dürfen Sie nicht gehen.").format(title=project.title)
                )
            else:
                submitted += 1
        if submitted:
            messages.success(request, gettext("{count} Projekt(e) zur Prüfung eingereicht.").format(count=submitted))

    @admin.action(description=_("Ausgewählte Projekte als aktuell bestätigen"), permissions=["change"])
    def confirm_selected(self, request, queryset):
        for project in queryset:
            services.project_confirm(project=project, by=request.user)
        messages.success(request, gettext("{count} Projekt(e) als aktuell bestätigt.").format(count=len(queryset)))

    @admin.display(description=_("Stand"), ordering="status")
    def review_state(self, obj: Project) -> str:
        if obj.is_returned:
            return gettext("Zurückgegeben")
        if obj.has_pending_changes:
            return gettext("Veröffentlicht, Änderungen in Prüfung")
        return obj.get_status_display()

    def view_on_site(self, obj: Project) -> str | None:
        return obj.get_absolute_url() if obj.is_published else None

    def get_readonly_fields(self, request, obj=None):
        # The review fields come from transferboerse.workflow (the site makes them read-only for everyone).
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not is_reviewer(request.user):
            fields.append("municipality")
        return fields

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or can_delete_project(request.user, obj))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        municipalities = list(municipalities_for(request.user)[:2])
        if len(municipalities) == 1 and "municipality" not in initial:
            initial["municipality"] = municipalities[0].pk
        return initial

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and obj.pending_changes and services.edits_are_proposals(obj, request.user):
            form = type(form.__name__, (form,), {"pending_initial": obj.pending_changes})
        return form

    # Saving: projects.services decides whether an edit is saved or becomes a change for review -------

    def save_model(self, request, obj, form, change):
        if change and services.edits_are_proposals(Project.objects.get(pk=obj.pk), request.user):
            return  # proposed together with the Kennzahlen and links in save_related
        saved = services.project_save(project=obj, cleaned_data=form.cleaned_data, by=request.user)
        self._show_stored(obj, saved)

    def save_related(self, request, form, formsets, change):
        # The project's own many-to-many fields were saved by project_save; here the inlines. A
        # Koordinator's edit of a published project proposes its Kennzahlen and links with the fields.
        obj = form.instance
        if change and services.edits_are_proposals(Project.objects.get(pk=obj.pk), request.user):
            related = {
                REVIEWED_INLINES[formset.model]: self._rows(formset)
                for formset in formsets
                if formset.model in REVIEWED_INLINES and formset.has_changed()
            }
            saved = services.project_save(project=obj, cleaned_data=form.cleaned_data, by=request.user, related=related)
            self._show_stored(obj, saved)
            proposed = [formset for formset in formsets if formset.model in REVIEWED_INLINES]
            for formset in proposed:  # nothing saved: the change message lists no rows of them
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            formsets = [formset for formset in formsets if formset not in proposed]
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @staticmethod
    def _rows(formset) -> list[dict]:
        return inline_rows(formset, Project.RELATED_REVIEWED[REVIEWED_INLINES[formset.model]])

    def restore_version(self, request, form, record):
        saved = services.project_restore(project=form.instance, cleaned_data=form.cleaned_data, by=request.user)
        if saved.is_published and is_reviewer(request.user):
            messages.info(
                request,
                gettext("Die wiederhergestellte Fassung liegt als Änderung zur Prüfung vor („Prüfen“)."),
            )
        return saved

    @staticmethod
    def _show_stored(obj: Project, saved: Project) -> None:
        """The admin goes on with ``obj`` (log entry, messages, redirect): let it show what is stored."""
        obj.pk = saved.pk
        obj.refresh_from_db()
        obj._state.adding = False

    def _after_edit_message(self, request, project: Project) -> None:
        if project.has_pending_changes:
            messages.info(
                request,
                gettext(
                    "Ihre Änderungen sind zur Prüfung eingereicht. Bis zur Freigabe bleibt die "
                    "veröffentlichte Fassung sichtbar."
                ),
            )
        else:
            messages.info(request, gettext("Keine Änderung gegenüber der veröffentlichten Fassung."))

    def _after_save(self, request, obj: Project) -> None:
        project = Project.objects.get(pk=obj.pk)
        if services.edits_are_proposals(project, request.user):
            self._after_edit_message(request, project)
        steps = {
            "_submit_for_review": (services.project_submit, gettext("Das Projekt ist zur Prüfung eingereicht.")),
            "_confirm_current": (services.project_confirm, gettext("Das Projekt ist als aktuell bestätigt.")),
            "_request_archiving": (
                services.project_request_archiving,
                gettext("Die Archivierung ist beantragt. Bis zur Entscheidung bleibt das Projekt öffentlich."),
            ),
            "_archive": (services.project_archive, gettext("Das Projekt ist archiviert.")),
        }
        for name, (step, message) in steps.items():
            if name not in request.POST:
                continue
            try:
                step(project=project, by=request.user)
            except ValidationError as error:
                for text in error.messages:
                    messages.error(request, text)
            except PermissionDenied:
                messages.error(request, gettext("Diesen Schritt dürfen Sie nicht gehen."))
            else:
                messages.success(request, message)

    def response_add(self, request, obj, post_url_continue=None):
        self._after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._after_save(request, obj)
        return super().response_change(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        extra_context["is_reviewer"] = is_reviewer(request.user)
        project = self.get_queryset(request).filter(pk=object_id).first() if str(object_id).isdigit() else None
        if project is not None and project.pending_changes:
            # The inlines show the published Kennzahlen and links; what waits for review is listed above them.
            extra_context["pending_related"] = [
                row for row in project.pending_changes_diff() if row["name"] in Project.RELATED_REVIEWED
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = extra_context or {}
        extra_context["is_reviewer"] = is_reviewer(request.user)
        return super().add_view(request, form_url, extra_context)

    def get_resource_kwargs(self, request, *args, **kwargs):
        return {**super().get_resource_kwargs(request, *args, **kwargs), "user": request.user}

    # Review -------------------------------------------------------------------------------------------

    review_template = "admin/projects/project/review.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        similar = path("aehnliche/", self.admin_site.admin_view(self.similar_view), name="{}_{}_similar".format(*info))
        return [similar, *super().get_urls()]

    review_services = {
        "publish": services.project_publish,
        "approve": services.project_approve_changes,
        "archive": services.project_archive,
        "return": services.project_return,
    }

    def review_message(self, action, record):
        return {
            "publish": gettext("„{title}“ ist veröffentlicht."),
            "approve": gettext("Die Änderungen an „{title}“ sind übernommen und öffentlich."),
            "archive": gettext("„{title}“ ist archiviert und nicht mehr öffentlich."),
            "return": gettext("„{title}“ ist mit Ihrem Kommentar zurückgegeben."),
        }[action].format(title=record.title)

    def review_context(self, record):
        return {
            "title": gettext("„{title}“ prüfen").format(title=record.title),
            "diff": diff_rows(record.pending_changes_diff()),
            "fields": diff_rows(record.review_rows()),
            "indicators": record.indicators.all(),
            "links": record.links.all(),
        }

    def similar_view(self, request):
        """Existing projects with a similar title or summary (trigram similarity), as JSON for the add form."""
        from django.http import JsonResponse

        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        text = request.GET.get("q", "").strip()[:200]
        if len(text) < 4:
            return JsonResponse({"results": []})
        # All projects count: a duplicate may well sit in another municipality, but another town's
        # unpublished drafts stay hidden.
        candidates = Project.objects.filter(Q(status=Project.Status.PUBLISHED) | Q(pk__in=projects_for(request.user)))
        exclude = request.GET.get("ausser", "")
        if exclude.isdigit():
            candidates = candidates.exclude(pk=int(exclude))
        results = candidates.similar_to(text)
        return JsonResponse(
            {
                "results": [
                    {
                        "title": project.title,
                        "municipality": project.municipality.name,
                        "status": project.get_status_display(),
                        "url": project.get_absolute_url() if project.is_published else "",
                    }
                    for project in results
                ]
            }
        )
