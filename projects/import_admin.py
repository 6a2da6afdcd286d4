"""The import pages of the admin, for every ModelAdmin with django-import-export's ImportMixin.

Upload (checked against the limits, stored as a job) → the job's page, which reloads itself while the
worker runs the dry run → the Koordinator confirms → the worker imports. The pages only call the
services of projects/imports.py; which jobs a user sees is decided by ``import_jobs_for``.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from import_export.forms import SelectableFieldsExportForm

from transferboerse import spreadsheets
from transferboerse.uploads import LimitedImportForm

from . import imports
from .access import import_jobs_for
from .models import ImportJob

ACTION_LABELS = {
    "new": gettext_lazy("neu"),
    "update": gettext_lazy("geändert"),
    "skip": gettext_lazy("unverändert"),
    "delete": gettext_lazy("gelöscht"),
}
RECENT_JOBS = 10


def import_notes() -> list[str]:
    """How a file is written, for the upload page and the template's explanation sheet."""
    return [
        _("In der ersten Zeile stehen die Spaltennamen, darunter eine Zeile je Eintrag."),
        _(
            "Mehrere Einträge in einer Zelle (z. B. mehrere Übergänge) trennen Sie mit Semikolon (;), "
            "die Namen genau wie im Portal."
        ),
        _(
            "CSV-Dateien: Deutsches Excel speichert „CSV (Trennzeichen-getrennt)“ mit Semikolon als "
            "Listentrennzeichen und in Windows-1252; beides wird erkannt, ebenso Komma und UTF-8."
        ),
        _("Zahlen mit Komma (1,5), Datumsangaben als TT.MM.JJJJ (31.12.2025), Ja/Nein-Felder mit „Ja“ oder „Nein“."),
        _("Die Beispielzeile ersetzen oder löschen Sie vor dem Import."),
    ]


class GermanExportForm(SelectableFieldsExportForm):
    """The export's field chooser, labelled with the German column names instead of the field names."""

    def _get_field_label(self, resource, field_name: str) -> str:
        field = resource.fields.get(field_name)
        return field.column_name if field else field_name


class BackgroundImportMixin:
    """Put before ``ImportExportMixin``: replaces its synchronous import and confirm views, offers the
    import template and labels the export chooser in German."""

    import_form_class = LimitedImportForm
    export_form_class = GermanExportForm
    import_template_name = "admin/import_jobs/upload.html"
    import_job_template_name = "admin/import_jobs/job.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        replaced = {"{}_{}_import".format(*info), "{}_{}_process_import".format(*info)}
        return [
            path("import/", self.admin_site.admin_view(self.import_action), name="{}_{}_import".format(*info)),
            path(
                "import/<int:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name="{}_{}_import_job".format(*info),
            ),
            path(
                "import/<int:job_id>/bestaetigen/",
                self.admin_site.admin_view(require_POST(self.import_job_confirm_view)),
                name="{}_{}_import_confirm".format(*info),
            ),
            path(
                "import/vorlage.<str:file_format>",
                self.admin_site.admin_view(self.import_template_view),
                name="{}_{}_import_template".format(*info),
            ),
            *[url for url in super().get_urls() if getattr(url, "name", None) not in replaced],
        ]

    def _import_jobs(self, request):
        content_type = ContentType.objects.get_for_model(self.model)
        return import_jobs_for(request.user).filter(content_type=content_type).defer("data")

    def _import_job_url(self, job: ImportJob) -> str:
        info = self.opts.app_label, self.opts.model_name
        return reverse("admin:{}_{}_import_job".format(*info), args=[job.pk], current_app=self.admin_site.name)

    def _import_context(self, request, **kwargs) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "max_rows": settings.MAX_IMPORT_ROWS,
            "import_notes": import_notes(),
            **kwargs,
        }

    def import_action(self, request, **kwargs):
        """The upload: the file is checked here (cheaply, before any parser sees it) and handed to the worker."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        if request.method == "POST" and form.is_valid():
            job = imports.import_job_create(
                by=request.user,
                model=self.model,
                resource=self.choose_import_resource_class(form, request),
                file_name=form.cleaned_data["import_file"].name,
                file_format=form.file_format,
                data=form.file_data,
            )
            messages.info(request, _("Die Datei wird im Hintergrund geprüft. Das Ergebnis erscheint auf dieser Seite."))
            return HttpResponseRedirect(self._import_job_url(job))
        resources = [
            resource_class(**self.get_import_resource_kwargs(request=request, form=form, **kwargs))
            for resource_class in self.get_import_resource_classes(request)
        ]
        context = self._import_context(
            request,
            title=_("Import"),
            form=form,
            media=self.media + form.media,
            fields_list=[
                (resource.get_display_name(), [field.column_name for field in resource.get_user_visible_fields()])
                for resource in resources
            ],
            jobs=self._import_jobs(request)[:RECENT_JOBS],
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    def import_job_view(self, request, job_id: int):
        """The job's page: status, counts, the dry run's rows and errors, and the confirm button."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = get_object_or_404(self._import_jobs(request), pk=job_id)
        rows = [{**row, "label": ACTION_LABELS.get(row.get("action"), "")} for row in job.rows]
        context = self._import_context(
            request,
            title=_("Import von „{file}“").format(file=job.file_name),
            job=job,
            rows=rows,
            confirm_url=reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_import_confirm",
                args=[job.pk],
                current_app=self.admin_site.name,
            ),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_job_template_name], context)

    def import_job_confirm_view(self, request, job_id: int):
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = get_object_or_404(self._import_jobs(request), pk=job_id)
        try:
            confirmed = imports.import_job_confirm(job=job, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if confirmed:
                messages.success(request, _("Der Import ist bestätigt und läuft im Hintergrund."))
            else:
                messages.info(request, _("Dieser Import wurde bereits bestätigt."))
        return HttpResponseRedirect(self._import_job_url(job))

    def import_template_view(self, request, file_format: str):
        """The empty import file: the columns and one example row (CSV), plus an explanation sheet (XLSX)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if file_format not in spreadsheets.TEMPLATE_CONTENT_TYPES:
            raise Http404
        resource_class = self.get_import_resource_classes(request)[0]
        resource = resource_class(**self.get_import_resource_kwargs(request=request))
        headers = [field.column_name for field in resource.template_fields()]
        example = resource.template_example()
        name = str(self.opts.verbose_name_plural)
        if file_format == "csv":
            content = spreadsheets.template_csv(headers, example)
        else:
            content = spreadsheets.template_xlsx(
                title=name,
                headers=headers,
                example=example,
                explanations=resource.column_explanations(),
                notes=import_notes(),
            )
        response = HttpResponse(content, content_type=spreadsheets.TEMPLATE_CONTENT_TYPES[file_format])
        response["Content-Disposition"] = 'attachment; filename="{}"'.format(
            _("Vorlage-{name}.{extension}").format(name=name, extension=file_format)
        )
        return response
