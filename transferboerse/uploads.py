"""Limits for uploaded files. The only uploads are CSV/XLSX imports in the back office."""

import os

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from import_export.forms import ConfirmImportForm, ImportForm


class LimitedImportForm(ImportForm):
    """The import form of django-import-export with a size limit (the type is limited by the formats)."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.MAX_IMPORT_FILE_SIZE:
            raise forms.ValidationError(
                _("Die Datei ist zu groß ({size}); erlaubt sind höchstens {limit}.").format(
                    size=filesizeformat(upload.size), limit=filesizeformat(settings.MAX_IMPORT_FILE_SIZE)
                )
            )
        return upload


IMPORT_FILES_SESSION_KEY = "import_files"


class CheckedConfirmImportForm(ConfirmImportForm):
    """The confirm step of an import names the uploaded temporary file, the format and the resource.
    django-import-export trusts these hidden fields: any file in the temporary directory would be read
    and a wrong index fails with a server error. Only the files this session uploaded are accepted."""

    def __init__(self, *args, allowed_files=(), format_count: int = 0, resource_count: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_files = set(allowed_files)
        self.format_count = format_count
        self.resource_count = resource_count

    def clean_import_file_name(self):
        name = super().clean_import_file_name()
        if name not in self.allowed_files:
            raise forms.ValidationError(
                _("Die hochgeladene Datei ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.")
            )
        return name

    @staticmethod
    def _index(value: str, count: int) -> bool:
        return value in {str(index) for index in range(count)}

    def clean_format(self):
        value = self.cleaned_data["format"]
        if not self._index(value, self.format_count):
            raise forms.ValidationError(_("Bitte wählen Sie ein gültiges Dateiformat."))
        return value

    def clean_resource(self):
        value = self.cleaned_data["resource"]
        if value and not self._index(value, self.resource_count):
            raise forms.ValidationError(_("Bitte wählen Sie eine gültige Importart."))
        return value


class CheckedImportMixin:
    """For ModelAdmins with django-import-export's ImportMixin: size limit on upload, and a confirm step
    that accepts only what the upload step of the same session produced."""

    import_form_class = LimitedImportForm
    confirm_form_class = CheckedConfirmImportForm

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "allowed_files": request.session.get(IMPORT_FILES_SESSION_KEY, []),
            "format_count": len(self.get_import_formats()),
            "resource_count": len(self.get_import_resource_classes(request)),
        }

    def add_data_read_fail_error_to_form(self, form, e):
        # The library's message names the Python exception and addresses the user with "du".
        form.add_error(
            "import_file",
            _(
                "Die Datei konnte nicht gelesen werden. Bitte prüfen Sie, ob das gewählte Dateiformat passt: "
                "CSV (UTF-8, durch Komma getrennt) oder Excel (.xlsx)."
            ),
        )

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if initial.get("import_file_name"):
            recent = request.session.get(IMPORT_FILES_SESSION_KEY, [])[-9:]
            # The confirm form keeps only the base name of the temporary file.
            request.session[IMPORT_FILES_SESSION_KEY] = [*recent, os.path.basename(initial["import_file_name"])]
        return initial
