"""German names for the apps of other projects that show up in the back office (``INSTALLED_APPS`` names
these configs instead of the apps' own).

Their app names ("Axes", "Otp_Totp", "Tasks Database Backend") are plain English, and the model and field
names of django-otp and django-tasks-db are English (django-otp's not even marked for translation), so
they are set here. Only what the admin shows is changed: ``_meta.verbose_name`` and a field's
``verbose_name`` are display names, the migrations read ``Meta`` as declared and a field's own
``_verbose_name``, so no migration of those apps changes. Help texts are part of a field's migration
state; the admin sets them on its forms (``accounts/admin_third_party.py``).
"""

from axes.apps import AppConfig as BaseAxesConfig
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as BaseTOTPConfig
from django_tasks_db.apps import TasksAppConfig as BaseTasksConfig


class AxesConfig(BaseAxesConfig):
    verbose_name = _("Anmeldeschutz")

    def ready(self):
        super().ready()
        # The records' names are English f-strings of axes; the admin shows them as titles.
        self.get_model("AccessAttempt").__str__ = _access_attempt
        self.get_model("AccessLog").__str__ = _access_log
        self.get_model("AccessFailureLog").__str__ = _access_failure


def _when(moment) -> str:
    return formats.localize(timezone.localtime(moment)) if moment else "–"


def _access_attempt(attempt) -> str:
    return gettext("Zugriffsversuch am {when}").format(when=_when(attempt.attempt_time))


def _access_log(log) -> str:
    return gettext("Zugriff von {username} am {when}").format(username=log.username, when=_when(log.attempt_time))


def _access_failure(failure) -> str:
    text = gettext("Fehlgeschlagener Zugriff von {username} am {when} von {address}")
    text = text.format(username=failure.username, when=_when(failure.attempt_time), address=failure.ip_address)
    return gettext("{text} (gesperrt)").format(text=text) if failure.locked_out else text


def _rename(model, singular, plural, fields: dict) -> None:
    model._meta.verbose_name = singular
    model._meta.verbose_name_plural = plural
    for name, label in fields.items():
        model._meta.get_field(name).verbose_name = label


# TOTP device fields: django-otp's English names, in German.
TOTP_FIELD_NAMES = {
    "user": _("Benutzerkonto"),
    "name": _("Bezeichnung"),
    "confirmed": _("bestätigt"),
    "throttling_failure_timestamp": _("letzter Fehlversuch"),
    "throttling_failure_count": _("Fehlversuche in Folge"),
    "created_at": _("angelegt"),
    "last_used_at": _("zuletzt benutzt"),
    "key": _("Geheimer Schlüssel"),
    "step": _("Zeitschritt"),
    "t0": _("Startzeit (t0)"),
    "digits": _("Stellen"),
    "tolerance": _("Toleranz"),
    "drift": _("Abweichung"),
    "last_t": _("letzter Zeitschritt"),
}


class TOTPConfig(BaseTOTPConfig):
    verbose_name = _("Zweiter Faktor (Authenticator-App)")

    def ready(self):
        super().ready()
        _rename(self.get_model("TOTPDevice"), _("Authenticator-App"), _("Authenticator-Apps"), TOTP_FIELD_NAMES)


# Task results: django-tasks-db's English field names, in German.
TASK_FIELD_NAMES = {
    "id": _("Kennung"),
    "status": _("Status"),
    "enqueued_at": _("eingereiht"),
    "started_at": _("begonnen"),
    "finished_at": _("beendet"),
    "args_kwargs": _("Argumente"),
    "priority": _("Priorität"),
    "task_path": _("Aufgabe (Python-Pfad)"),
    "worker_ids": _("Worker"),
    "queue_name": _("Warteschlange"),
    "backend_name": _("Backend"),
    "run_after": _("frühestens um"),
    "return_value": _("Rückgabewert"),
    "exception_class_path": _("Fehlerklasse"),
    "traceback": _("Fehlerverlauf"),
}


class TasksConfig(BaseTasksConfig):
    verbose_name = _("Hintergrundaufgaben")

    def ready(self):
        super().ready()
        _rename(self.get_model("DBTaskResult"), _("Aufgabe"), _("Aufgaben"), TASK_FIELD_NAMES)
