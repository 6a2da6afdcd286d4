"""The admin site of the back office, hardened against input no browser form sends.

Django's admin passes some request values to the database unchecked: changelist filters
(``?status__exact=…``), the autocomplete term, the ids of the records an action is applied to, and the
value of an autocomplete field when the form is shown again with errors. A NUL character (which
PostgreSQL rejects in text) or a non-numeric id then ends in a server error. The site turns these into
a 400 with a German message or a German error message, for every registered model, including those of
third-party apps.
"""

from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import path
from django.utils.translation import gettext

from transferboerse.widgets import DecimalInput
from transferboerse.workflow import is_workflow_record, workflow_fields

NUL = "\x00"
# Inline rows one form may hold. Django's own cap is 2,000, and building and rendering that many rows for a
# tampered management form (TOTAL_FORMS=99999) keeps a worker busy for many seconds.
MAX_INLINE_ROWS = 300
# Numbers with decimals are typed and shown the German way ("1,5") in every admin form and inline.
LOCALISED_NUMBERS = {
    models.DecimalField: {"localize": True, "widget": DecimalInput},
    models.FloatField: {"localize": True, "widget": DecimalInput},
}


def _localise_numbers(model_admin) -> None:
    model_admin.formfield_overrides = {**LOCALISED_NUMBERS, **model_admin.formfield_overrides}


def contains_nul(values) -> bool:
    """Whether any key or value of a QueryDict holds a NUL character."""
    return any(NUL in key or any(NUL in value for value in values) for key, values in values.lists())


class _ValidChoicesOnly:
    """An autocomplete widget shows the selected records by looking them up; a value that cannot be an
    id (e.g. text typed into a tampered form) is left out instead of breaking the lookup."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        valid = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return super().optgroups(name, valid, attr)


class SafeAutocompleteSelect(_ValidChoicesOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_ValidChoicesOnly, AutocompleteSelectMultiple):
    pass


class HardenedModelAdminMixin:
    """Mixed into every ModelAdmin registered with the back-office site.

    Besides the input checks it keeps the workflow intact on every model (``transferboerse.workflow``): the
    fields only services may write are read-only whatever the ModelAdmin declares, and workflow records
    (transfers, their timelines, Fachtag registrations) are shown but never added or changed here.
    Numbers with decimals accept "1,5" in its forms and inlines (``LOCALISED_NUMBERS``).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _localise_numbers(self)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            _localise_numbers(inline)
        return inlines

    def get_readonly_fields(self, request, obj=None):
        declared = list(super().get_readonly_fields(request, obj))
        names = {field.name for field in self.model._meta.get_fields()}
        return declared + [name for name in workflow_fields(self.model) if name in names and name not in declared]

    def has_add_permission(self, request, *args):
        return not is_workflow_record(self.model) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return not is_workflow_record(self.model) and super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if formset.absolute_max > MAX_INLINE_ROWS:
                formset = type(formset.__name__, (formset,), {"absolute_max": MAX_INLINE_ROWS})
            yield formset, inline

    def response_action(self, request, queryset, *args, **kwargs):
        """An action applies to the selected ids; an id that is none stops it with a German message."""
        for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
            try:
                self.opts.pk.to_python(value)
            except ValidationError:
                self.message_user(
                    request,
                    gettext("Die Auswahl enthält ungültige Einträge. Es wurde nichts geändert."),
                    messages.ERROR,
                )
                return None
        return super().response_action(request, queryset, *args, **kwargs)


class BackOfficeSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, HardenedModelAdminMixin):
            admin_class = type(
                admin_class.__name__,
                (HardenedModelAdminMixin, admin_class),
                {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__},
            )
        super().register(model_or_iterable, admin_class, **options)

    def admin_view(self, view, cacheable=False):
        """Every admin page: a query string with a NUL character is refused before it reaches a query."""
        protected = super().admin_view(view, cacheable)

        @wraps(protected)
        def checked(request, *args, **kwargs):
            if contains_nul(request.GET):
                return HttpResponseBadRequest(
                    gettext("Die Adresse enthält ein unzulässiges Steuerzeichen (NUL)."),
                    content_type="text/plain; charset=utf-8",
                )
            return protected(request, *args, **kwargs)

        return checked

    def get_urls(self):
        """Django's "view on site" shortcut (``/verwaltung/r/<ct>/<id>/``) looks any object up, unscoped,
        and redirects to its public address, which names an unpublished draft's slug. Ours goes through the
        model's admin instead."""
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        shortcut = path(
            "r/<int:content_type_id>/<path:object_id>/", self.admin_view(self.public_page_view), name="view_on_site"
        )
        return [shortcut, *urls]

    def public_page_view(self, request, content_type_id, object_id):
        """Redirect to the public page of an object the user may see in the back office, if it has one
        (an unpublished project: none); anything else is a 404, as if the object did not exist."""
        from django.contrib.contenttypes.models import ContentType

        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        model_admin = self._registry.get(model)
        if model_admin is None:
            raise Http404
        try:
            pk = model._meta.pk.to_python(object_id)
        except ValidationError:
            raise Http404 from None
        obj = model_admin.get_queryset(request).filter(pk=pk).first()
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        if callable(model_admin.view_on_site):
            url = model_admin.view_on_site(obj)
        else:
            url = obj.get_absolute_url() if model_admin.view_on_site and hasattr(obj, "get_absolute_url") else None
        if not url:
            raise Http404
        return HttpResponseRedirect(url)
