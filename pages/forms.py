from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BarrierReport, SignLanguageVideo
from .video import VideoFileError, read_video_facts


class BarrierReportForm(forms.ModelForm):
    """What the visitor reports; only the description is required, an address only if an answer is wanted."""

    class Meta:
        model = BarrierReport
        fields = ["description", "page_url", "name", "email"]
        labels = {
            "description": _("Was funktioniert nicht?"),
            "page_url": _("Auf welcher Seite? (Adresse)"),
            "name": _("Ihr Name (freiwillig)"),
            "email": _("Ihre E-Mail-Adresse (freiwillig)"),
        }
        help_texts = {
            "description": _("Beschreiben Sie bitte, was Sie tun wollten und was nicht ging."),
            "page_url": _("Wir haben die Seite eingetragen, von der Sie kamen. Sie können die Adresse ändern."),
            "email": _("Nur wenn Sie eine Antwort möchten. Sie erhalten dann auch eine Bestätigung."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "page_url": forms.TextInput(attrs={"autocomplete": "url"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "description": {
                "required": _("Bitte beschreiben Sie die Barriere."),
                "max_length": _("Bitte fassen Sie sich kürzer (höchstens 5000 Zeichen)."),
            },
            "email": {"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.")},
        }


class SignLanguageVideoForm(forms.ModelForm):
    """The upload in the admin: format, size and duration are read from the file, not typed in."""

    class Meta:
        model = SignLanguageVideo
        fields = ["topic", "file", "description"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                self.video_facts = read_video_facts(upload, upload.size)
            except VideoFileError as error:
                raise forms.ValidationError(error.message) from error
            upload.seek(0)
        return upload

    def save(self, commit=True):
        facts = getattr(self, "video_facts", None)
        if facts is not None:
            self.instance.content_type = facts.content_type
            self.instance.size = facts.size
            self.instance.duration_seconds = facts.duration_seconds
        return super().save(commit=commit)
