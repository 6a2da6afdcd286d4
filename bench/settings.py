"""Settings for the benchmark: the embedded server, but its own database so dev data stays untouched."""

import os

from transferboerse.settings.local import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# One database per N (bench/run.py sets BENCH_N), so each size is generated once and reused.
DATABASES["default"]["NAME"] = "transferboerse_bench_" + os.environ.get("BENCH_N", "100")  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405
STORAGES = {  # the pages only need URLs of static files, not a manifest
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
# Each benchmark database has its own search index.
SEARCH_INDEX_DIR = BASE_DIR / "var" / ("search-bench-" + os.environ.get("BENCH_N", "100"))  # noqa: F405
