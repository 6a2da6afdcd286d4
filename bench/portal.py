"""What the load test and the fault run share: a portal database with coordinator accounts, manage.py
in a given environment, and waiting for gunicorn."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "last-test-2026"

SETUP = """
import json
from django.contrib.auth.models import Group
from accounts.models import Coordinator, User
from networks.models import Network
from projects.models import Municipality, Project, Transition
from transfers.models import TransferEvent, TransferInterest, TransferOffer

group = Group.objects.get(name="Koordinator")
coordinators = []
for municipality in Municipality.objects.order_by("pk"):
    user, created = User.objects.get_or_create(
        username=f"last-{municipality.slug}",
        defaults={"is_staff": True, "email": f"last-{municipality.slug}@example.org", "first_name": "Last"},
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(group)
        Coordinator.objects.create(user=user, municipality=municipality)
    coordinators.append({"username": user.username, "municipality": municipality.pk})
print(json.dumps({
    "coordinators": coordinators,
    "offers": [
        {"id": offer.pk, "municipality": offer.project.municipality_id}
        for offer in TransferOffer.objects.active().select_related("project")
    ],
    "projects": list(Project.objects.published().values_list("slug", flat=True)[:200]),
    "networks": list(Network.objects.values_list("slug", flat=True)[:100]),
    "municipalities": list(Municipality.objects.values_list("slug", flat=True)),
    "transitions": list(Transition.objects.values_list("slug", flat=True)),
    "interests": TransferInterest.objects.count(),
    "events": TransferEvent.objects.count(),
}))
"""


def database_env(settings: str, database_url: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    # The search index is derived from one database: a bench database gets its own, not the demo's.
    index = PROJECT_DIR / "var" / ("search-" + database_url.rsplit("/", 1)[-1])
    env.update(DJANGO_SETTINGS_MODULE=settings, DATABASE_URL=database_url, SEARCH_INDEX_DIR=str(index), **extra)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} schlug fehl:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def shell_json(env: dict[str, str], code: str) -> dict:
    out = manage(env, "shell", "-c", code.replace("PASSWORD", repr(PASSWORD)))
    return json.loads(out.strip().splitlines()[-1])


def wait_for_server(port: int, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            sys.exit("gunicorn ist nicht gestartet.")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("gunicorn antwortet nicht.")
