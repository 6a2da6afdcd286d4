"""What every loader shares: the report, the catalogue of loaded records, the data files and the upsert."""

from __future__ import annotations

import functools
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models

from accounts.models import User
from networks.models import Network
from projects.models import (
    ActionField,
    LifePhase,
    Municipality,
    Organisation,
    Project,
    SocialArea,
    TargetGroup,
    Transition,
)
from transferboerse.slugs import unique_slug
from transfers.models import TransferOffer

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# Keys of the report, in the order the command prints them, with their German labels.
LABELS: dict[str, str] = {
    "phases": "Lebensphasen",
    "transitions": "Übergänge",
    "action_fields": "Handlungsfelder",
    "target_groups": "Zielgruppen",
    "municipalities": "Kommunen",
    "social_areas": "Sozialräume",
    "organisations": "Organisationen",
    "users": "Demo-Konten",
    "projects": "Projekte",
    "indicators": "Kennzahlen",
    "networks": "Netzwerke",
    "offers": "Transfer-Angebote",
    "services": "Leistungen",
    "requests": "Transfer-Gesuche",
    "interests": "Transferinteressen",
    "self_checks": "Good-Practice-Selbstchecks",
    "assessments": "Netzwerk-Selbstbewertungen",
    "goals": "Ziele",
    "measurements": "Messungen",
    "events": "Fachtage",
    "registrations": "Anmeldungen zu Fachtagen",
}


@dataclass
class LoadReport:
    """How many demo records there are per kind, and how many of them this run created or changed."""

    total: Counter = field(default_factory=Counter)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    def add(self, key: str, status: str) -> None:
        self.total[key] += 1
        if status == CREATED:
            self.created[key] += 1
        elif status == UPDATED:
            self.updated[key] += 1

    @property
    def changed_anything(self) -> bool:
        return bool(+self.created or +self.updated)


@dataclass
class Catalog:
    """The loaded records by the names the data modules use to refer to them."""

    phases: dict[str, LifePhase] = field(default_factory=dict)  # by short name
    transitions: dict[str, Transition] = field(default_factory=dict)  # by short name
    action_fields: dict[str, ActionField] = field(default_factory=dict)
    target_groups: dict[str, TargetGroup] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    social_areas: dict[tuple[str, str], SocialArea] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)  # by title
    offers: dict[str, TransferOffer] = field(default_factory=dict)  # by project title
    networks: dict[str, Network] = field(default_factory=dict)  # by name


@functools.cache
def read(name: str) -> dict[str, Any]:
    """The content of ``data/<name>.toml``; read once per process. Callers must not change it."""
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def demo_password() -> str:
    """The one password of every demo account (public: ``load_demo`` prints it)."""
    return read("accounts")["password"]


# --- generic helpers -------------------------------------------------------------------------------


def _validate(instance: models.Model) -> None:
    """``full_clean`` without the checks that query the database.

    Uniqueness and constraints are enforced by the database anyway, and related records come from the
    catalog, so they exist; skipping those queries keeps the first load well under the time budget.
    """
    relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
    instance.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)


def _comparable(instance: models.Model, name: str) -> Any:
    model_field = instance._meta.get_field(name)
    return getattr(instance, model_field.attname if model_field.is_relation else name)


def _plain(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) else value


def _upsert[M: models.Model](
    model: type[M],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any] | None = None,
    on_create: dict[str, Any] | None = None,
) -> tuple[M, str]:
    """Find ``model`` by ``lookup``; create it with ``values`` and ``on_create``, or bring ``values`` up to date.

    Saves only the fields that differ (plus ``auto_now`` fields), and nothing when all are equal.
    """
    values = values or {}
    instance = model._default_manager.filter(**lookup).order_by("pk").first()
    if instance is None:
        instance = model(**lookup, **values, **(on_create or {}))
        _validate(instance)
        instance.save()
        return instance, CREATED
    changed = [name for name, value in values.items() if _comparable(instance, name) != _plain(value)]
    if not changed:
        return instance, UNCHANGED
    for name in changed:
        setattr(instance, name, values[name])
    _validate(instance)
    auto_now = [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
    instance.save(update_fields=changed + auto_now)
    return instance, UPDATED


def _sync_many(instance: models.Model, name: str, targets: Iterable[models.Model], *, is_new: bool) -> bool:
    """Make the many-to-many relation ``name`` hold exactly ``targets``; return whether it changed."""
    targets = list(targets)
    manager = getattr(instance, name)
    if is_new:  # nothing to compare with
        if targets:
            manager.add(*targets)
        return bool(targets)
    if set(manager.values_list("pk", flat=True)) == {target.pk for target in targets}:
        return False
    manager.set(targets)
    return True


def _sync_relations(instance: models.Model, status: str, relations: dict[str, Iterable[models.Model]]) -> str:
    is_new = status == CREATED
    changed = [_sync_many(instance, name, targets, is_new=is_new) for name, targets in relations.items()]
    return UPDATED if status == UNCHANGED and any(changed) else status


def _slug(model: type[models.Model], text: str) -> str:
    # "Fröndenberg/Ruhr" → "froendenberg-ruhr" rather than "froendenbergruhr"
    return unique_slug(model(), text.replace("/", " ").replace("–", " "))


def _phases(catalog: Catalog, data: dict) -> list[LifePhase]:
    """The phases a project names where its document describes it by life phase; else those its transitions
    bridge (as migration 0014 derived them)."""
    if "phases" in data:
        return [catalog.phases[name] for name in data["phases"]]
    transitions = [catalog.transitions[name] for name in data["transitions"]]
    bridged = {pk for transition in transitions for pk in transition.phase_ids}
    return [phase for phase in catalog.phases.values() if phase.pk in bridged]
