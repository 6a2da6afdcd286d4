"""Imports of CSV/XLSX files in the background, for every admin with an import (projects, networks).

The upload request only checks the file against the limits (transferboerse/uploads.py) and stores it
as an :class:`ImportJob`; the worker (``manage.py worker``) parses it and runs the dry run, the
Koordinator sees the result on the job's page and confirms, and the worker imports. No web request
ever parses a file, so a large or hostile upload cannot make the portal wait.

Each step moves the job from one status to the next under a row lock, once: a task that finds the job
in another status (enqueued twice, or a second confirm) does nothing.
"""

import logging

import tablib
from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from import_export.results import Result, RowResult

from transferboerse.background import enqueue_on_commit
from transferboerse.uploads import ImportFileError, Table, read_import_file

from .models import ImportJob
from .resources import ScopedResource

logger = logging.getLogger(__name__)

Status = ImportJob.Status


def _enqueue(job: ImportJob) -> None:
    from .tasks import run_import_job

    enqueue_on_commit(run_import_job, job.pk)


@transaction.atomic
def import_job_create(
    *,
    by,
    model: type[models.Model],
    resource: type[ScopedResource],
    file_name: str,
    file_format: str,
    data: bytes,
) -> ImportJob:
    """Store a checked upload as a job and enqueue its dry run."""
    job = ImportJob(
        content_type=ContentType.objects.get_for_model(model),
        resource=f"{resource.__module__}.{resource.__qualname__}",
        created_by=by,
        file_name=file_name[:255],
        file_format=file_format,
        data=data,
    )
    job.full_clean()
    job.save()
    _enqueue(job)
    return job


@transaction.atomic
def import_job_confirm(*, job: ImportJob, by) -> bool:
    """Confirm a job after its dry run and enqueue the import.

    Returns False, changing nothing, if the job was confirmed before (a double click, a second tab);
    raises ValidationError if it cannot be confirmed (errors in the dry run, or not checked yet).
    """
    job = ImportJob.objects.select_for_update().defer("data").get(pk=job.pk)
    if job.created_by_id != by.pk:
        raise ValidationError(_("Nur wer die Datei hochgeladen hat, kann den Import bestätigen."))
    if job.confirmed_at is not None:
        return False
    if not job.can_be_confirmed:
        if job.status == Status.CHECKED:
            raise ValidationError(
                _("Der Probelauf hat Fehler gefunden. Bitte korrigieren Sie die Datei und laden Sie sie erneut hoch.")
            )
        raise ValidationError(_("Der Probelauf ist noch nicht abgeschlossen. Bitte warten Sie einen Moment."))
    job.status = Status.CONFIRMED
    job.confirmed_at = timezone.now()
    job.save(update_fields=["status", "confirmed_at", "updated_at"])
    _enqueue(job)
    return True


def import_job_run(*, job_id: int) -> None:
    """The worker's step for a job: the dry run of a queued job, the import of a confirmed one."""
    with override(settings.LANGUAGE_CODE):
        job = _claim(job_id)
        if job is None:
            return
        try:
            if job.status == Status.CHECKING:
                _dry_run(job)
            else:
                _import(job)
        except ImportFileError as error:
            _fail(job, [{"line": None, "messages": [error.message]}])
        except Exception:
            logger.exception("Import job %s failed", job.pk)
            _fail(
                job,
                [{"line": None, "messages": [_("Beim Import ist ein unerwarteter Fehler aufgetreten.")]}],
            )


@transaction.atomic
def _claim(job_id: int) -> ImportJob | None:
    job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
    following = {Status.QUEUED: Status.CHECKING, Status.CONFIRMED: Status.IMPORTING}
    if job is None or job.status not in following:
        return None
    job.status = following[job.status]
    job.save(update_fields=["status", "updated_at"])
    return job


def _fail(job: ImportJob, errors: list[dict]) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=Status.FAILED,
        errors=errors,
        error_count=len(errors),
        data=b"",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _prepare(job: ImportJob) -> tuple[ScopedResource, Table, tablib.Dataset, list[dict]]:
    resource_class = import_string(job.resource)
    if not issubclass(resource_class, ScopedResource):
        raise TypeError(f"{job.resource} is not a ScopedResource")
    if not job.created_by.is_active:
        raise ImportFileError(_("Das Benutzerkonto, das die Datei hochgeladen hat, ist gesperrt."))
    resource = resource_class(user=job.created_by)
    table = read_import_file(bytes(job.data), job.file_format)
    table.headers, unknown = resource.normalise_headers(table.headers)
    missing = [
        resource.fields[name].column_name
        for name in resource.get_import_id_fields()
        if resource.fields[name].column_name not in table.headers
    ]
    if missing:
        raise ImportFileError(
            _(
                "In der ersten Zeile fehlt die Spalte {names}. Bitte verwenden Sie die Spaltennamen "
                "wie in einer exportierten Datei."
            ).format(names=", ".join(f"„{name}“" for name in missing))
        )
    header_errors = [
        {
            "line": 1,
            "messages": [
                _(
                    "Die Spalte „{name}“ gibt es nicht. Bitte verwenden Sie die Spaltennamen der Vorlage "
                    "oder löschen Sie die Spalte."
                ).format(name=name)
            ],
        }
        for name in unknown
    ]
    return resource, table, tablib.Dataset(*table.rows, headers=table.headers), header_errors


def _run(job: ImportJob, resource: ScopedResource, dataset: tablib.Dataset, *, dry_run: bool) -> Result:
    return resource.import_data(
        dataset,
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        retain_instance_in_row_result=not dry_run,
        file_name=job.file_name,
        user=job.created_by,
    )


def _dry_run(job: ImportJob) -> None:
    resource, table, dataset, header_errors = _prepare(job)
    ImportJob.objects.filter(pk=job.pk).update(row_count=len(table.rows), updated_at=timezone.now())
    result = _run(job, resource, dataset, dry_run=True)
    summary = _summary(result, resource, table, header_errors)
    if summary["error_count"]:
        summary["data"] = b""  # the file can never be confirmed; a corrected one is uploaded anew
    ImportJob.objects.filter(pk=job.pk).update(
        status=Status.CHECKED, checked_at=timezone.now(), updated_at=timezone.now(), **summary
    )


def _import(job: ImportJob) -> None:
    resource, table, dataset, header_errors = _prepare(job)
    with transaction.atomic():
        result = _run(job, resource, dataset, dry_run=False)  # rolls its own savepoint back on any error
        summary = _summary(result, resource, table, header_errors)
        if summary["error_count"]:
            # The data changed since the dry run (a project was published meanwhile, …): nothing was saved.
            status = Status.FAILED
        else:
            status = Status.IMPORTED
            _log(job, result)
        ImportJob.objects.filter(pk=job.pk).update(
            status=status, data=b"", finished_at=timezone.now(), updated_at=timezone.now(), **summary
        )


def _log(job: ImportJob, result: Result) -> None:
    """Admin log entries like those of django-import-export's synchronous import."""
    message = _("Importiert aus „{file}“").format(file=job.file_name)
    for import_type, flag in [(RowResult.IMPORT_TYPE_NEW, ADDITION), (RowResult.IMPORT_TYPE_UPDATE, CHANGE)]:
        instances = [row.instance for row in result.rows if row.import_type == import_type and row.instance]
        if instances:
            LogEntry.objects.log_actions(
                job.created_by_id, instances, flag, change_message=message, single_object=len(instances) == 1
            )


def _summary(result: Result, resource: ScopedResource, table: Table, header_errors: list[dict]) -> dict:
    """Counts, German error messages per file line, and the rows of the result, for the job."""

    def line(number: int) -> int | None:  # the library counts data rows from 1
        return table.lines[number - 1] if 0 < number <= len(table.lines) else None

    errors = list(header_errors)
    errors += [{"line": None, "messages": [_error_text(error.error)]} for error in result.base_errors]
    errors += [
        {"line": line(row.number), "messages": [_error_text(error.error) for error in row.errors]}
        for row in result.error_rows
    ]
    errors += [
        {"line": line(row.number), "messages": _validation_messages(row.error_dict, resource)}
        for row in result.invalid_rows
    ]
    errors.sort(key=lambda error: error["line"] or 0)
    rows = []
    if len(result.rows) == len(table.lines):  # one result per row (report_skipped)
        rows = [
            {"line": number, "action": row.import_type, "name": row.object_repr or ""}
            for number, row in zip(table.lines, result.rows, strict=True)
            if row.import_type in RowResult.valid_import_types
        ]
    return {
        "row_count": len(table.rows),
        "new_count": result.totals[RowResult.IMPORT_TYPE_NEW],
        "update_count": result.totals[RowResult.IMPORT_TYPE_UPDATE],
        "skip_count": result.totals[RowResult.IMPORT_TYPE_SKIP],
        "error_count": len(errors),
        "errors": errors,
        "rows": rows,
    }


def _validation_messages(error_dict: dict, resource: ScopedResource) -> list[str]:
    columns = {field.attribute: field.column_name for field in resource.fields.values() if field.attribute}
    model = resource._meta.model
    messages = []
    for name, field_messages in error_dict.items():
        if name == NON_FIELD_ERRORS:
            messages += [str(message) for message in field_messages]
            continue
        column = columns.get(name)
        if column is None:
            try:
                column = str(model._meta.get_field(name).verbose_name)
            except Exception:
                column = name
        messages += [
            _("Spalte „{column}“: {message}").format(column=column, message=message) for message in field_messages
        ]
    return messages


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(str(message) for message in error.messages)
    if isinstance(error, ValueError):
        return str(error)
    logger.error("Unexpected error in an import row", exc_info=error)
    return _("Die Zeile konnte nicht verarbeitet werden.")
