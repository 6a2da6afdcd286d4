"""The Kommune's own records in the back office: its profile (reviewed), organisations and Sozialräume."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.access import is_coordinator, is_reviewer
from accounts.scoping import ScopedModelAdmin

from .. import services
from ..access import (
    municipalities_for,
    organisations_for,
    social_areas_for,
)
from ..models import (
    Municipality,
    MunicipalityContact,
    Organisation,
    PopulationFigure,
    SocialArea,
)
from ..review_admin import ReviewPageMixin, inline_rows


class MunicipalityContentFilter(admin.SimpleListFilter):
    """Finds the Kommunen that exist only as empty records (e.g. the demo's model Kommunen): they are taken
    over by inviting their coordination, not added a second time."""

    title = _("Inhalt")
    parameter_name = "inhalt"

    def lookups(self, request, model_admin):
        return [
            ("leer", _("ohne Projekte und ohne Koordination")),
            ("ohne-koordination", _("ohne Koordination")),
            ("in-pruefung", _("Profiländerungen in Prüfung")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "leer":
            return queryset.without_content()
        if self.value() == "ohne-koordination":
            return queryset.filter(coordinators__isnull=True)
        if self.value() == "in-pruefung":
            return queryset.profiles_awaiting_review()
        return queryset


class MunicipalityAdminForm(forms.ModelForm):
    """Shows a Koordinator the values of their pending profile changes rather than the public ones."""

    pending_initial: dict = {}

    class Meta:
        model = Municipality
        exclude = ["pending_changes"]  # noqa: DJ006  (the admin picks the fields through its fieldsets)
        localized_fields = ["funding_amount"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, value in self.pending_initial.items():
            if name in self.fields:
                self.initial[name] = Municipality._meta.get_field(name).to_python(value)


PROFILE_FIELDSETS = [
    (
        _("Profil der Kommune"),
        {
            "fields": ["website", "family_portal_url", "focus_areas", "steering_structure", "management"],
            "description": _(
                "Diese Angaben pflegt die Koordination der Kommune. Änderungen erscheinen nach der Prüfung "
                "auf der öffentlichen Seite der Kommune."
            ),
        },
    ),
    (_("Ratsbeschluss"), {"fields": ["council_decision_date", "council_decision_body"]}),
    (_("Förderung"), {"fields": ["funding_programme", "funding_amount", "funding_from_year", "funding_until_year"]}),
]
MUNICIPALITY_REVIEW_FIELDS = ["changes_submitted_at", "changes_submitted_by", "review_comment"]


def contact_rows(formset) -> list[dict]:
    return inline_rows(formset, MunicipalityContact.REVIEWED_COLUMNS)


class MunicipalityContactInline(admin.StackedInline):
    """The Kommune's contacts, reviewed with its profile (a Koordinator's edit is proposed, not saved)."""

    model = MunicipalityContact
    extra = 0
    fields = [("name", "role"), ("email", "phone"), ("is_public", "consent_given_on"), "position"]


class PopulationFigureInline(admin.TabularInline):
    model = PopulationFigure
    extra = 0
    fields = ["year", "age_band", "count", "source"]


@admin.register(Municipality)
class MunicipalityAdmin(ReviewPageMixin, ScopedModelAdmin):
    review_template = "admin/projects/municipality/review.html"
    review_done_query = "?inhalt=in-pruefung"
    choose_a_step = _("Bitte wählen Sie, was mit den Änderungen geschehen soll.")
    scope = staticmethod(municipalities_for)
    list_display = ["name", "kind", "parent", "population", "has_own_youth_office", "is_model_municipality"]
    list_filter = [MunicipalityContentFilter, "kind", "is_model_municipality", "has_own_youth_office"]
    list_select_related = ["parent"]
    search_fields = ["name", "regional_key"]
    inlines = [MunicipalityContactInline, PopulationFigureInline]
    form = MunicipalityAdminForm

    # The profile belongs to the Kommune's coordinators: they change it (for review), nothing else.

    def has_change_permission(self, request, obj=None):
        if super().has_change_permission(request, obj):
            return True
        return obj is not None and is_coordinator(request.user) and self._in_scope(request, obj)

    def get_fieldsets(self, request, obj=None):
        profile = {name for _title, options in PROFILE_FIELDSETS for name in options["fields"]}
        hidden = {"pending_changes", *MUNICIPALITY_REVIEW_FIELDS}
        shown = set(super().get_fields(request, obj))
        master = [  # in the model's order, whether editable or read-only
            field.name
            for field in Municipality._meta.fields
            if field.name in shown and field.name not in profile | hidden and not field.primary_key
        ]
        fieldsets = [(None, {"fields": master}), *PROFILE_FIELDSETS]
        if obj is not None:
            fieldsets.append((_("Prüfung"), {"fields": MUNICIPALITY_REVIEW_FIELDS, "classes": ["collapse"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not is_reviewer(request.user):
            form_fields = {
                field.name for field in Municipality._meta.fields if field.editable and not field.primary_key
            }
            fields += sorted(form_fields - set(Municipality.PROFILE_FIELDS) - set(fields))
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and obj.pending_changes and not is_reviewer(request.user):
            form = type(form.__name__, (form,), {"pending_initial": obj.pending_changes})
        return form

    def save_model(self, request, obj, form, change):
        if is_reviewer(request.user):
            super().save_model(request, obj, form, change)
        # A Koordinator's edit is proposed together with the contacts in save_related.

    def save_related(self, request, form, formsets, change):
        contacts = next((formset for formset in formsets if formset.model is MunicipalityContact), None)
        rows = contact_rows(contacts) if contacts is not None and contacts.has_changed() else None
        obj = form.instance
        if is_reviewer(request.user):
            form.save_m2m()
            if rows is not None:
                services.municipality_profile_save(municipality=obj, cleaned_data={}, contacts=rows, by=request.user)
        else:
            profile = {
                name: form.cleaned_data[name] for name in Municipality.PROFILE_FIELDS if name in form.cleaned_data
            }
            saved = services.municipality_profile_save(
                municipality=obj, cleaned_data=profile, contacts=rows, by=request.user
            )
            obj.refresh_from_db()
            if saved.has_pending_changes:
                messages.info(
                    request,
                    gettext(
                        "Ihre Änderungen am Profil sind zur Prüfung eingereicht. Bis zur Freigabe zeigt die "
                        "öffentliche Seite die bisherigen Angaben."
                    ),
                )
            else:
                messages.info(request, gettext("Keine Änderung gegenüber dem veröffentlichten Profil."))
        if contacts is not None:  # saved (or proposed) by the service: the change message lists no rows of them
            contacts.new_objects, contacts.changed_objects, contacts.deleted_objects = [], [], []
        for formset in formsets:
            if formset is not contacts:
                self.save_formset(request, form, formset, change=change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "is_reviewer": is_reviewer(request.user)}
        municipality = self.get_queryset(request).filter(pk=object_id).first() if str(object_id).isdigit() else None
        if municipality is not None and "contacts" in municipality.pending_changes:
            # The inline shows the published contacts; the proposed list is shown above it.
            extra_context["pending_related"] = [
                row for row in municipality.pending_changes_diff() if row["name"] == "contacts"
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    review_services = {
        "approve": services.municipality_profile_approve,
        "return": services.municipality_profile_return,
    }

    def review_message(self, action, record):
        return {
            "approve": gettext("Die Änderungen am Profil von {name} sind übernommen und öffentlich."),
            "return": gettext("Die Änderungen am Profil von {name} sind mit Ihrem Kommentar zurückgegeben."),
        }[action].format(name=record.name)

    def review_context(self, record):
        return {
            "title": gettext("Profil von {name} prüfen").format(name=record.name),
            "diff": record.pending_changes_diff(),
        }


@admin.register(Organisation)
class OrganisationAdmin(ScopedModelAdmin):
    scope = staticmethod(organisations_for)
    choice_scopes = {"municipality": municipalities_for}
    scope_fields = ("municipality",)  # supra-regional organisations (none) are entered by the Steuerungsgruppe
    list_display = ["name", "kind", "municipality", "department"]
    list_filter = ["kind", ("municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["municipality"]
    search_fields = ["name", "department", "municipality__name"]
    autocomplete_fields = ["municipality"]

    def get_changeform_initial_data(self, request):
        """A Koordinator of one Kommune finds it already chosen."""
        initial = super().get_changeform_initial_data(request)
        municipalities = list(municipalities_for(request.user)[:2])
        if len(municipalities) == 1 and "municipality" not in initial:
            initial["municipality"] = municipalities[0].pk
        return initial

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        field = form.base_fields.get("municipality")
        if field is not None and not is_reviewer(request.user):
            # The model's help text ("leave empty for supra-regional ones") is the reviewers' rule.
            field.help_text = gettext(
                "Die Kommune, in der die Organisation arbeitet. Überregionale Träger trägt die Steuerungsgruppe ein."
            )
        return form


@admin.register(SocialArea)
class SocialAreaAdmin(ScopedModelAdmin):
    scope = staticmethod(social_areas_for)
    choice_scopes = {"municipality": municipalities_for}
    list_display = ["name", "municipality"]
    list_filter = [("municipality", RelatedOnlyFieldListFilter)]
    list_select_related = ["municipality"]
    search_fields = ["name", "municipality__name"]
    autocomplete_fields = ["municipality"]
    exclude = ["slug"]
