"""The admin pages of other projects' apps (TOTP devices, task results) with German texts.

Their ModelAdmins are registered again as subclasses that only change texts: help texts (part of a
field's migration state, so set on the form, not on the field), fieldset titles, search hints and the
names of computed columns. Model and field names come from ``accounts/third_party_apps.py``.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

TOTP_HELP_TEXTS = {
    "user": _("Das Benutzerkonto, dem die Authenticator-App gehört."),
    "name": _("Ein Name, an dem die Person ihr Gerät erkennt."),
    "confirmed": _("Ist die App eingerichtet und bestätigt?"),
    "key": _("Der geheime Schlüssel, hexadezimal, höchstens 40 Bytes."),
    "step": _("Wie viele Sekunden ein Code gilt."),
    "t0": _("Die Unix-Zeit, ab der die Zeitschritte gezählt werden."),
    "digits": _("Wie viele Stellen ein Code hat."),
    "tolerance": _("Wie viele Zeitschritte ein Code vor oder nach der Zeit gelten darf."),
    "drift": _("Um wie viele Zeitschritte die Uhr des Geräts von der des Servers abweicht."),
    "throttling_failure_timestamp": _("Wann ein Code zuletzt falsch war; leer, wenn der letzte stimmte."),
    "throttling_failure_count": _("Wie oft in Folge ein falscher Code eingegeben wurde."),
}
TOTP_FIELDSET_TITLES = {
    "Identity": _("Person und Gerät"),
    "Timestamps": _("Zeitpunkte"),
    "Configuration": _("Einstellungen"),
    "State": _("Zustand"),
    "Throttling": _("Sperre nach Fehlversuchen"),
}


# Read-only fields show the model field's help text; these columns show the same values without it.
TOTP_READONLY = {"created_at": "created", "last_used_at": "last_used"}


class GermanTOTPDeviceAdmin(TOTPDeviceAdmin):
    search_help_text = _("Suche nach Benutzername oder E-Mail-Adresse")
    readonly_fields = ["created", "last_used", "qrcode_link"]

    def get_fieldsets(self, request, obj=None):
        return [
            (
                TOTP_FIELDSET_TITLES.get(title, title),
                {**options, "fields": [TOTP_READONLY.get(name, name) for name in options["fields"]]},
            )
            for title, options in super().get_fieldsets(request, obj)
        ]

    @admin.display(description=_("angelegt"))
    def created(self, device):
        return device.created_at or self.get_empty_value_display()

    @admin.display(description=_("zuletzt benutzt"))
    def last_used(self, device):
        return device.last_used_at or self.get_empty_value_display()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in TOTP_HELP_TEXTS:
            field.help_text = TOTP_HELP_TEXTS[db_field.name]
        return field

    @admin.display(description=_("QR-Code"))
    def qrcode_link(self, device):
        return super().qrcode_link(device)


class GermanDBTaskResultAdmin(DBTaskResultAdmin):
    @admin.display(description=_("Fehlerverlauf"))
    def formatted_traceback(self, obj):
        return super().formatted_traceback(obj)

    @admin.display(description=_("frühestens um"))
    def display_run_after(self, obj):
        return super().display_run_after(obj)


for model, model_admin in [(TOTPDevice, GermanTOTPDeviceAdmin), (DBTaskResult, GermanDBTaskResultAdmin)]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
