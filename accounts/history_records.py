"""One history entry per save, many-to-many fields included.

django-simple-history writes an entry on every ``save()`` and on every many-to-many change, so one
admin save of a project with three changed many-to-many fields would leave four entries, three of
them half-done. The admin and the services therefore save quietly and then record one entry of the
finished state with :func:`record_version`.
"""

from contextlib import contextmanager
from datetime import datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from simple_history.models import HistoricalRecords
from simple_history.template_utils import HistoricalRecordContextHelper


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


class HistoryAdminMixin(OneVersionPerSaveAdminMixin):
    """For SimpleHistoryAdmin subclasses: one entry per save, readable "Änderungen" column."""

    object_history_list_template = "admin/history/object_history_list.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return GermanHistoryContextHelper(self.model, historical_record)
