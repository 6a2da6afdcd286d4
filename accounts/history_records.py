"""One history entry per save, many-to-many fields included; restoring a version like an edit.

django-simple-history writes an entry on every ``save()`` and on every many-to-many change, so one
admin save of a project with three changed many-to-many fields would leave four entries, three of
them half-done. The admin and the services therefore save quietly and then record one entry of the
finished state with :func:`record_version`.

Restoring an old version (simple-history's "revert" page) is an edit of the *current* record with the
old version's content: the form is the change form, so its fields, choices and checks apply, and the
workflow fields (``transferboerse.workflow``) keep their current values. Each admin decides in
``restore_version`` what such an edit means (a published project: a change for review). Workflow
records are never restored.
"""

from contextlib import contextmanager
from datetime import datetime

from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext
from simple_history.models import HistoricalRecords
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from transferboerse.workflow import is_workflow_record


class TrackedHistoricalRecords(HistoricalRecords):
    """Remembers itself on the model so that :func:`record_version` can write an entry on demand."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if self.cls is sender:
            sender._history_records = self


@contextmanager
def history_paused(instance):
    """Saves and many-to-many changes inside the block write no history entry."""
    instance.skip_history_when_saving = True
    try:
        yield instance
    finally:
        del instance.skip_history_when_saving


def record_version(instance, *, by=None, reason: str = "", created: bool = False) -> None:
    """Write one history entry with the instance's current state (fields and many-to-many)."""
    records = getattr(type(instance), "_history_records", None)
    if records is None:
        return
    if by is not None:
        instance._history_user = by
    instance._change_reason = reason
    records.create_historical_record(instance, "+" if created else "~")


class OneVersionPerSaveAdminMixin:
    """For admins of tracked models: a save through a form writes exactly one history entry, after
    the many-to-many fields are saved (add/change form and django-simple-history's revert alike)."""

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)
        save_m2m = form.save_m2m

        def save_m2m_then_record():
            save_m2m()
            if getattr(obj, "skip_history_when_saving", False):
                del obj.skip_history_when_saving
                record_version(obj, by=request.user, created=not change)

        form.save_m2m = save_m2m_then_record


class GermanHistoryContextHelper(HistoricalRecordContextHelper):
    """Shows the history's "Änderungen" column the way the form shows the values: choices by their
    label, dates in local time, yes/no, and "–" for empty links instead of "Deleted … (pk=None)"."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value is None or (field.is_relation and not field.many_to_many and getattr(value, "pk", 0) is None):
            return "–"
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return gettext("Ja") if value else gettext("Nein")
        if isinstance(value, datetime):
            return date_format(localtime(value), "DATETIME_FORMAT")
        return super().prepare_delta_change_value(change, value)


def version_many_to_many(record) -> dict[str, list]:
    """The many-to-many values a history entry recorded (only the fields the model tracks)."""
    return {
        field.name: list(getattr(record, field.name).values_list(get_m2m_reverse_field_name(field), flat=True))
        for field in getattr(record, "_history_m2m_fields", ())
    }


class HistoryDisplayAdminMixin:
    """For SimpleHistoryAdmin subclasses: a readable "Änderungen" column, and restoring a version only
    as an edit of the current record (see the module docstring)."""

    object_history_list_template = "admin/history/object_history_list.html"
    object_history_form_template = "admin/history/object_history_form.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return GermanHistoryContextHelper(self.model, historical_record)

    def revert_disabled(self, request, obj=None):
        return (
            is_workflow_record(self.model)
            or not self.has_change_permission(request, obj)
            or super().revert_disabled(request, obj)
        )

    def restore_version(self, request, form, record):
        """Save the current record with the restored content; returns it. Admins with a review flow
        override this."""
        obj = self.save_form(request, form, change=True)
        self.save_model(request, obj, form, change=True)
        self.save_related(request, form, [], change=True)
        return obj

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.current_app = self.admin_site.name
        live, record = self._live_record_and_version(unquote(object_id), version_id)
        if not self.has_view_history_or_change_history_permission(request, live):
            raise PermissionDenied
        revert_disabled = self.revert_disabled(request, live)
        form_class = self.get_form(request, live, change=True)
        if request.method == "POST":
            if revert_disabled:
                raise PermissionDenied(gettext("Diese Version kann nicht wiederhergestellt werden."))
            form = form_class(request.POST, request.FILES, instance=live)
            if form.is_valid():
                return self._restore_and_respond(request, form, record)
        else:
            form = form_class(instance=live)
            # The version's values, many-to-many fields included (the form would show today's links).
            form.initial.update(model_to_dict(record.instance, fields=list(form.fields)))
            form.initial.update(
                {name: ids for name, ids in version_many_to_many(record).items() if name in form.fields}
            )
        context = self._history_form_context(request, live, form, revert_disabled)
        return self.render_history_view(
            request, self.object_history_form_template, {**context, **(extra_context or {})}
        )

    def _live_record_and_version(self, object_id, version_id):
        """The current record and the history entry to show; 404 when either does not exist."""
        # Unscoped lookup: another town's record answers 403 (as the history list does), not 404.
        try:
            live = self.model._default_manager.filter(pk=self.opts.pk.to_python(object_id)).first()
            version_id = self.model.history.model._meta.pk.to_python(version_id)
        except ValidationError:
            raise Http404 from None
        if live is None:
            raise Http404
        record = get_object_or_404(
            self.model.history.model, **{self.opts.pk.attname: live.pk, "history_id": version_id}
        )
        return live, record

    def _restore_and_respond(self, request, form, record):
        obj = self.restore_version(request, form, record)
        restored_at = date_format(localtime(record.history_date), "DATETIME_FORMAT")
        self.log_change(request, obj, gettext("Version vom {date} wiederhergestellt.").format(date=restored_at))
        return self.response_change(request, obj)

    def _history_form_context(self, request, live, form, revert_disabled: bool) -> dict:
        """What django-simple-history's form template expects, for the current record ``live``."""
        admin_form = helpers.AdminForm(
            form,
            list(self.get_fieldsets(request, live)),
            {},
            self.get_readonly_fields(request, live),
            model_admin=self,
        )
        info = self.admin_site.name, self.opts.app_label, self.opts.model_name
        title = (
            gettext("Version ansehen: {object}") if revert_disabled else gettext("Version wiederherstellen: {object}")
        )
        return {
            **self.admin_site.each_context(request),
            "title": title.format(object=live),
            "adminform": admin_form,
            "object_id": live.pk,
            "original": live,
            "is_popup": False,
            "media": mark_safe(self.media + admin_form.media),
            "errors": helpers.AdminErrorList(form, []),
            "app_label": self.opts.app_label,
            "original_opts": self.opts,
            "changelist_url": reverse("{}:{}_{}_changelist".format(*info)),
            "change_url": reverse("{}:{}_{}_change".format(*info), args=(live.pk,)),
            "history_url": reverse("{}:{}_{}_history".format(*info), args=(live.pk,)),
            "change_history": False,
            "revert_disabled": revert_disabled,
            "add": False,
            "change": True,
            "has_add_permission": False,
            "has_view_permission": True,
            "has_change_permission": not revert_disabled,
            "has_delete_permission": False,
            "has_file_field": True,
            "has_absolute_url": False,
            "form_url": "",
            "opts": self.model.history.model._meta,
            "content_type_id": None,
            "save_as": False,
            "save_on_top": self.save_on_top,
            "root_path": getattr(self.admin_site, "root_path", None),
        }


class HistoryAdminMixin(HistoryDisplayAdminMixin, OneVersionPerSaveAdminMixin):
    """For SimpleHistoryAdmin subclasses of tracked models with many-to-many fields."""
