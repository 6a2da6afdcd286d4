"""An import of a CSV/XLSX file in the back office, run by the background worker (see projects/imports.py).

Re-exported by ``projects.models`` (the package), so that Django finds the model.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A step that has not finished after this long was lost (a worker killed mid-step); the page says so.
STALLED_AFTER = timedelta(minutes=30)


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", _("Wartet auf die Prüfung")
    CHECKING = "checking", _("Wird geprüft")
    CHECKED = "checked", _("Probelauf abgeschlossen")
    CONFIRMED = "confirmed", _("Bestätigt, wartet auf den Import")
    IMPORTING = "importing", _("Wird importiert")
    IMPORTED = "imported", _("Importiert")
    FAILED = "failed", _("Fehlgeschlagen")


class ImportJob(models.Model):
    """One uploaded file on its way from the dry run to the import.

    The file itself is kept in the database, not on disk: workers on other machines must read it, and
    it is at most ``MAX_IMPORT_FILE_SIZE``. It is dropped once the job has ended.
    """

    Status = ImportJobStatus

    class FileFormat(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (.xlsx)"

    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="import_jobs", verbose_name=_("Datenart")
    )
    # The dotted path of the django-import-export resource; set by the admin, never from user input.
    resource = models.CharField(_("Importart"), max_length=200)
    # A job is its uploader's own record (only they see and confirm it), so it goes with the account.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs", verbose_name=_("von")
    )
    file_name = models.CharField(_("Dateiname"), max_length=255)
    file_format = models.CharField(_("Dateiformat"), max_length=4, choices=FileFormat)
    data = models.BinaryField(_("Datei"), blank=True, editable=False)
    status = models.CharField(_("Stand"), max_length=10, choices=Status, default=Status.QUEUED)
    row_count = models.PositiveIntegerField(_("Zeilen"), null=True, blank=True)
    new_count = models.PositiveIntegerField(_("neu"), default=0)
    update_count = models.PositiveIntegerField(_("geändert"), default=0)
    skip_count = models.PositiveIntegerField(_("unverändert"), default=0)
    error_count = models.PositiveIntegerField(_("fehlerhaft"), default=0)
    # [{"line": 3, "messages": ["…"]}]; "line" is None for a problem of the whole file.
    errors = models.JSONField(_("Fehler"), default=list, blank=True)
    # [{"line": 2, "action": "new" | "update" | "skip", "name": "…"}], for the dry-run result.
    rows = models.JSONField(_("Zeilen des Probelaufs"), default=list, blank=True)
    created_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)
    checked_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    finished_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ImportJobStatus.values), name="importjob_status_valid"),
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=True)
                | Q(
                    status__in=[
                        ImportJobStatus.CONFIRMED,
                        ImportJobStatus.IMPORTING,
                        ImportJobStatus.IMPORTED,
                        ImportJobStatus.FAILED,
                    ]
                ),
                name="importjob_confirmed_only_after_dry_run",
            ),
        ]
        indexes = [models.Index(fields=["created_by", "-created_at"], name="importjob_by_user")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        """Whether the worker still has to do something; the status page reloads itself meanwhile."""
        return self.status in {self.Status.QUEUED, self.Status.CHECKING, self.Status.CONFIRMED, self.Status.IMPORTING}

    @property
    def is_stalled(self) -> bool:
        return self.is_running and self.updated_at < timezone.now() - STALLED_AFTER

    @property
    def can_be_confirmed(self) -> bool:
        return self.status == self.Status.CHECKED and self.error_count == 0 and bool(self.row_count)
