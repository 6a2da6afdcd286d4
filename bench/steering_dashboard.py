"""Time the steering dashboard, its print view and the PDF export on the loaded demo data.

DJANGO_SETTINGS_MODULE=transferboerse.settings.local .venv/bin/python bench/steering_dashboard.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "transferboerse.settings.local")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from accounts.models import User  # noqa: E402


def main() -> None:
    client = Client()
    client.force_login(User.objects.get(username="steuerungsgruppe"))
    with override_settings(DEBUG=True, ALLOWED_HOSTS=["testserver"]):
        for path, runs in [("/steuerung/", 20), ("/steuerung/druck/", 20), ("/steuerung/bericht.pdf", 5)]:
            timings, queries = [], 0
            for _ in range(runs):
                reset_queries()
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                queries = len(connection.queries)
                assert response.status_code == 200, (path, response.status_code)
            print(
                f"{path:28} median {statistics.median(timings):7.1f} ms  max {max(timings):7.1f} ms  "
                f"{queries} queries  {len(response.content) // 1024} KiB"
            )


if __name__ == "__main__":
    main()
