"""Settings for the benchmark: the embedded server, but its own database so dev data stays untouched."""

from transferboerse.settings.local import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES["default"]["NAME"] = "transferboerse_bench"  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405
STORAGES = {  # the pages only need URLs of static files, not a manifest
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
