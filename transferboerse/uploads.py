"""Limits for uploaded files. The only uploads are CSV/XLSX imports in the back office."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from import_export.forms import ImportForm


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
