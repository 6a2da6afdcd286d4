"""Write the demo data of ``demo/data/*.toml`` into the database, idempotently.

Every record is found by its natural key (a name, a title per municipality, a username …). A record
is created when missing and otherwise only written when its content differs from the data, so a
second run changes nothing – not even ``updated_at``. Records that are not in the data are never
touched or deleted.

Workflow state is set only when a record is created, so that re-running the loader after a live demo
does not undo what was clicked: a project's status and confirmation date, an offer's active flag, a
request's status, whole transfer interests, and passwords.

One module per kind of content; every name is importable from ``demo.loader``.
"""

from django.db import transaction

from .base import CREATED, DATA_DIR, LABELS, UNCHANGED, UPDATED, Catalog, LoadReport, demo_password, read
from .events import load_events
from .foundations import load_accounts, load_municipalities, load_organisations, load_taxonomies
from .projects import load_networks, load_projects
from .steering import load_steering
from .transfers import load_transfers


@transaction.atomic
def load_demo() -> LoadReport:
    """Load all demo content in one transaction and report what was created or changed."""
    catalog, report = Catalog(), LoadReport()
    load_taxonomies(catalog, report)
    load_municipalities(catalog, report)
    load_organisations(catalog, report)
    load_accounts(catalog, report)
    load_projects(catalog, report)
    load_networks(catalog, report)
    load_transfers(catalog, report)
    load_steering(catalog, report)
    load_events(catalog, report)
    return report


__all__ = [
    "CREATED",
    "DATA_DIR",
    "LABELS",
    "UNCHANGED",
    "UPDATED",
    "Catalog",
    "LoadReport",
    "demo_password",
    "load_accounts",
    "load_demo",
    "load_events",
    "load_municipalities",
    "load_networks",
    "load_organisations",
    "load_projects",
    "load_steering",
    "load_taxonomies",
    "load_transfers",
    "read",
]
