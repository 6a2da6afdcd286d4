"""Row-level access in the admin: one mixin that asks the per-model access helpers.

A ModelAdmin names the helper for its own rows (``scope = staticmethod(projects_for)``) and one helper
per foreign-key or many-to-many field (``choice_scopes = {"municipality": municipalities_for}``).
The mixin then applies them everywhere the admin touches rows: changelist and bulk actions
(``get_queryset``), object permissions, save, form choices and the autocomplete endpoint.
"""

from collections.abc import Callable

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from .access import is_reviewer

Scope = Callable[..., QuerySet]


def _visible(scope: Scope, request, obj) -> bool:
    return scope(request.user).filter(pk=obj.pk).exists()


class ChoiceScopeMixin:
    """Limits the choices of foreign-key and many-to-many fields to what the access helpers allow."""

    choice_scopes: dict[str, Scope] = {}

    def _limit(self, db_field, request, kwargs):
        scope = self.choice_scopes.get(db_field.name)
        if scope is not None:
            kwargs["queryset"] = scope(request.user)
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(db_field, request, **self._limit(db_field, request, kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(db_field, request, **self._limit(db_field, request, kwargs))


class ScopedAdminMixin(ChoiceScopeMixin):
    scope: Scope | None = None
    # Many-to-many fields whose existing links stay selectable although they lie outside the user's
    # choices (e.g. a network member from another town, entered by the Steuerungsgruppe): a Koordinator
    # may keep or remove them, but cannot add new ones.
    keep_current_choices: tuple[str, ...] = ()
    # Fields that are optional in the model but decide whether a Koordinator may edit the record (a
    # network is theirs through its coordinating organisation): left empty, the saved record would
    # fall outside their scope, so for them the field is required.
    scope_fields: tuple[str, ...] = ()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not is_reviewer(request.user):
            for name in self.scope_fields:
                field = form.base_fields.get(name)
                if field is not None:
                    field.required = True
                    field.error_messages = {
                        **field.error_messages,
                        "required": gettext(
                            "Bitte wählen Sie „{label}“ aus. Ohne diese Angabe läge der Eintrag außerhalb "
                            "Ihrer Kommune und Sie könnten ihn nicht mehr bearbeiten."
                        ).format(label=field.label),
                    }
        if obj is not None and obj.pk is not None:
            for name in self.keep_current_choices:
                field = form.base_fields.get(name)
                if field is not None and hasattr(field, "queryset"):
                    current = getattr(obj, name).values("pk")
                    model = field.queryset.model
                    field.queryset = model.objects.filter(Q(pk__in=field.queryset.values("pk")) | Q(pk__in=current))
        return form

    # Rows ------------------------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = self._autocomplete_scope(request) or self.scope
        if scope is None:
            return queryset
        return queryset.filter(pk__in=scope(request.user).values("pk"))

    def _autocomplete_scope(self, request) -> Scope | None:
        """For the autocomplete of another model's field, the *source* admin decides the choices: those
        of its ``choice_scopes`` (or this admin's own scope), and none at all for a field the user cannot
        edit there (not an autocomplete field, read-only, or a model they may not add or change)."""
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != "autocomplete":
            return None
        from django.apps import apps

        try:
            source_model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        except (KeyError, LookupError, ValueError):
            return self._no_choices
        source_admin = self.admin_site._registry.get(source_model)
        field_name = request.GET.get("field_name", "")
        if (
            source_admin is None
            or field_name not in source_admin.get_autocomplete_fields(request)
            or field_name in source_admin.get_readonly_fields(request)
            or not (source_admin.has_add_permission(request) or source_admin.has_change_permission(request))
        ):
            return self._no_choices
        return getattr(source_admin, "choice_scopes", {}).get(field_name)

    def _no_choices(self, user) -> QuerySet:
        return self.model._default_manager.none()

    def _in_scope(self, request, obj) -> bool:
        return obj is None or self.scope is None or obj.pk is None or _visible(self.scope, request, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The form already limits every choice; this catches anything that slipped through (the admin
        # view runs in a transaction, so raising here undoes the save).
        if self.scope is not None and not _visible(self.scope, request, obj):
            raise PermissionDenied


class ScopedModelAdmin(ScopedAdminMixin, admin.ModelAdmin):
    pass
