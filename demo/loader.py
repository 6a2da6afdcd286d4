"""Write the demo data of ``demo/data/*.toml`` into the database, idempotently.

Every record is found by its natural key (a name, a title per municipality, a username …). A record
is created when missing and otherwise only written when its content differs from the data, so a
second run changes nothing – not even ``updated_at``. Records that are not in the data are never
touched or deleted.

Workflow state is set only when a record is created, so that re-running the loader after a live demo
does not undo what was clicked: a project's status and confirmation date, an offer's active flag, a
request's status, whole transfer interests, and passwords.
"""

from __future__ import annotations

import datetime
import functools
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import timezone

from accounts.models import Coordinator, User
from events.models import Event, EventRegistration
from networks.models import Network
from projects.models import (
    ActionField,
    Indicator,
    LifePhase,
    Municipality,
    MunicipalityContact,
    Organisation,
    Project,
    SocialArea,
    TargetGroup,
    Transition,
)
from steering.models import (
    Criterion,
    CriterionRating,
    Goal,
    IndicatorRating,
    Measurement,
    NetworkAssessment,
    ProjectSelfCheck,
    QualityIndicator,
)
from transferboerse.slugs import unique_slug
from transfers.models import TransferInterest, TransferOffer, TransferRequest, TransferService

DATA_DIR = Path(__file__).resolve().parent / "data"

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


# --- loaders ---------------------------------------------------------------------------------------


@transaction.atomic
def load_taxonomies(catalog: Catalog, report: LoadReport) -> None:
    taxonomies = read("taxonomies")
    for position, data in enumerate(taxonomies["phases"], start=1):
        short_name = data["short_name"]
        phase, status = _upsert(
            LifePhase,
            lookup={"name": data["name"]},
            values={"short_name": short_name, "position": position, "age_band": data["age_band"]},
            on_create={"slug": data["slug"]},
        )
        catalog.phases[short_name] = phase
        report.add("phases", status)
    for position, data in enumerate(taxonomies["transitions"], start=1):
        short_name = data["short_name"]
        transition, status = _upsert(
            Transition,
            lookup={"name": data["name"]},
            values={
                "short_name": short_name,
                "position": position,
                "age_band": data.get("age_band", ""),
                "phase_before": catalog.phases[data["from"]],
                "phase_after": catalog.phases[data["to"]],
            },
            on_create={"slug": _slug(Transition, short_name)},
        )
        catalog.transitions[short_name] = transition
        report.add("transitions", status)
    for key, model, registry in [
        ("action_fields", ActionField, catalog.action_fields),
        ("target_groups", TargetGroup, catalog.target_groups),
    ]:
        names = taxonomies[key]
        for position, name in enumerate(names, start=1):
            instance, status = _upsert(
                model, lookup={"name": name}, values={"position": position}, on_create={"slug": _slug(model, name)}
            )
            registry[name] = instance
            report.add(key, status)


def _profile(data: dict) -> dict:
    """The Kommune profile of a municipality's ``[municipalities.profile]`` table (only the keys given)."""
    profile = data.get("profile", {})
    unknown = set(profile) - set(Municipality.PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"{data['name']}: unbekannte Profilfelder {sorted(unknown)}")
    return profile


@transaction.atomic
def load_municipalities(catalog: Catalog, report: LoadReport) -> None:
    content = read("municipalities")
    for data in content["municipalities"]:
        population = data.get("population")
        municipality, status = _upsert(
            Municipality,
            lookup={"name": data["name"]},
            values={
                "kind": data["kind"],
                "parent": catalog.municipalities[data["parent"]] if data.get("parent") else None,
                "has_own_youth_office": data["has_own_youth_office"],
                "is_model_municipality": data.get("is_model_municipality", False),
                "population": population,
                "population_year": content["population_year"] if population else None,
                "population_source": content["population_source"] if population else "",
                "address": data.get("address", ""),
                "website": data.get("website", ""),
                **_profile(data),
            },
            on_create={"slug": _slug(Municipality, data["name"])},
        )
        catalog.municipalities[municipality.name] = municipality
        report.add("municipalities", status)
        for position, contact in enumerate(data.get("contacts", []), start=1):
            _contact, status = _upsert(
                MunicipalityContact,
                lookup={"municipality": municipality, "name": contact["name"]},
                values={
                    "role": contact.get("role", ""),
                    "email": contact.get("email", ""),
                    "phone": contact.get("phone", ""),
                    "is_public": contact["is_public"],
                    "consent_given_on": contact.get("consent_given_on"),
                    "position": position,
                },
            )
            report.add("municipality_contacts", status)
    for data in content["social_areas"]:
        municipality_name, name = data["municipality"], data["name"]
        municipality = catalog.municipalities[municipality_name]
        area, status = _upsert(
            SocialArea,
            lookup={"municipality": municipality, "name": name},
            on_create={"slug": _slug(SocialArea, f"{municipality.slug} {name}")},
        )
        catalog.social_areas[(municipality_name, name)] = area
        report.add("social_areas", status)


@transaction.atomic
def load_organisations(catalog: Catalog, report: LoadReport) -> None:
    for data in read("organisations")["organisations"]:
        # Without a municipality, an organisation works beyond one municipality.
        municipality = catalog.municipalities[data["municipality"]] if "municipality" in data else None
        organisation, status = _upsert(
            Organisation,
            lookup={"name": data["name"], "municipality": municipality},
            values={
                "kind": data["kind"],
                "department": data.get("department", ""),
                "website": data.get("website", ""),
            },
        )
        catalog.organisations[organisation.name] = organisation
        report.add("organisations", status)


@transaction.atomic
def load_accounts(catalog: Catalog, report: LoadReport) -> None:
    # PBKDF2 is slow by design: hash the public demo password once, and only if an account is new.
    password_hash = None
    for data in read("accounts")["users"]:
        user = User.objects.filter(username=data["username"]).first()
        values = {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data["email"],
            "is_staff": True,
            "is_superuser": data["is_superuser"],
        }
        if user is None:
            password_hash = password_hash or make_password(demo_password())
            user = User(username=data["username"], password=password_hash, **values)
            _validate(user)
            user.save()
            status = CREATED
        else:
            # The password is left as it is: it may have been changed on purpose.
            user, status = _upsert(User, lookup={"pk": user.pk}, values=values)
        groups = [Group.objects.get(name=group_name) for group_name in data["groups"]]
        status = _sync_relations(user, status, {"groups": groups})
        for municipality_name in data["municipalities"]:
            _, created = Coordinator.objects.get_or_create(
                user=user, municipality=catalog.municipalities[municipality_name]
            )
            if created and status == UNCHANGED:
                status = UPDATED
        catalog.users[user.username] = user
        report.add("users", status)


@transaction.atomic
def load_projects(catalog: Catalog, report: LoadReport) -> None:
    now = timezone.now()
    for data in read("projects")["projects"]:
        municipality = catalog.municipalities[data["municipality"]]
        days_ago = data.get("confirmed_days_ago")
        project, status = _upsert(
            Project,
            lookup={"municipality": municipality, "title": data["title"]},
            values={
                **{
                    name: data[name]
                    for name in [
                        "summary",
                        "situation",
                        "goals",
                        "achievements",
                        "success_factors",
                        "pitfalls",
                        "contact_name",
                        "contact_role",
                        "contact_email",
                        "contact_is_public",
                    ]
                },
                "start_year": data.get("start_year"),
            },
            on_create={
                "slug": _slug(Project, data["title"]),
                "status": data["status"],
                "confirmed_at": None if days_ago is None else now - datetime.timedelta(days=days_ago),
            },
        )
        status = _sync_relations(
            project,
            status,
            {
                "phases": _phases(catalog, data),
                "transitions": [catalog.transitions[name] for name in data["transitions"]],
                "action_fields": [catalog.action_fields[name] for name in data["action_fields"]],
                "target_groups": [catalog.target_groups[name] for name in data["target_groups"]],
                "organisations": [catalog.organisations[name] for name in data["organisations"]],
                "social_areas": [
                    catalog.social_areas[(data["municipality"], name)] for name in data.get("social_areas", [])
                ],
                "served_municipalities": [catalog.municipalities[name] for name in data.get("served", [])],
            },
        )
        catalog.projects[project.title] = project
        report.add("projects", status)
        for position, indicator in enumerate(data["indicators"], start=1):
            _, indicator_status = _upsert(
                Indicator,
                lookup={"project": project, "label": indicator["label"]},
                values={"value": indicator["value"], "year": indicator.get("year"), "position": position},
            )
            report.add("indicators", indicator_status)


@transaction.atomic
def load_networks(catalog: Catalog, report: LoadReport) -> None:
    organisations = catalog.organisations
    for data in read("networks")["networks"]:
        coordinator = data.get("coordinator")
        network, status = _upsert(
            Network,
            lookup={"name": data["name"]},
            values={
                "kind": data["kind"],
                "description": data["description"],
                "coordinating_organisation": organisations[coordinator] if coordinator else None,
                "meetings_per_year": data.get("meetings_per_year"),
                "meeting_note": data.get("meeting_note", ""),
                "founded_year": data.get("founded_year"),
                "has_cooperation_agreement": data.get("has_cooperation_agreement", False),
            },
            # Demo networks are shown as reviewed and public; a later reload does not undo a status.
            on_create={"slug": _slug(Network, data["name"]), "status": Network.Status.PUBLISHED},
        )
        status = _sync_relations(
            network,
            status,
            {
                "members": [organisations[name] for name in data.get("members", [])],
                "municipalities": [catalog.municipalities[name] for name in data["municipalities"]],
                "action_fields": [catalog.action_fields[name] for name in data["action_fields"]],
                "transitions": [catalog.transitions[name] for name in data["transitions"]],
                "projects": [catalog.projects[title] for title in data.get("projects", [])],
            },
        )
        catalog.networks[network.name] = network
        report.add("networks", status)


@transaction.atomic
def load_transfers(catalog: Catalog, report: LoadReport) -> None:
    transfers = read("transfers")
    for data in transfers["offers"]:
        offer, status = _upsert(
            TransferOffer,
            lookup={"project": catalog.projects[data["project"]]},
            values={
                "description": data["description"],
                "contact_name": data["contact_name"],
                "contact_email": data["contact_email"],
                "contact_is_public": data["contact_is_public"],
                "success_criteria": data["success_criteria"],
                "adopter_effort": data["adopter_effort"],
                "adopter_costs": data.get("adopter_costs", ""),
                "difficulty": data["difficulty"],
                **{name: data[name] for name in TransferOffer.READINESS_CHECKS},
            },
            on_create={"is_active": data["is_active"]},
        )
        catalog.offers[data["project"]] = offer
        report.add("offers", status)
        for service in data["services"]:
            _, service_status = _upsert(
                TransferService,
                lookup={"offer": offer, "kind": service["kind"]},
                values={
                    "mode": service.get("mode", TransferService.DEFAULT_MODES[service["kind"]]),
                    "format": service["format"],
                    "effort_hours": Decimal(service["effort_hours"]),
                    "capacity": service["capacity"],
                },
            )
            report.add("services", service_status)

    for data in transfers["requests"]:
        request, status = _upsert(
            TransferRequest,
            lookup={"municipality": catalog.municipalities[data["municipality"]], "title": data["title"]},
            values={"need": data["need"]},
            on_create={
                "slug": _slug(TransferRequest, data["title"]),
                "status": data["status"],
                "created_by": catalog.users.get(data.get("created_by")),
            },
        )
        status = _sync_relations(
            request,
            status,
            {
                "transitions": [catalog.transitions[name] for name in data["transitions"]],
                "action_fields": [catalog.action_fields[name] for name in data["action_fields"]],
                "target_groups": [catalog.target_groups[name] for name in data["target_groups"]],
            },
        )
        report.add("requests", status)

    for data in transfers["interests"]:
        offer = catalog.offers[data["offer"]]
        lookup = {"offer": offer, "municipality": catalog.municipalities[data["municipality"]]}
        # Interests move on during a live demo; any existing one for this pair is left alone.
        if TransferInterest.objects.filter(**lookup).exists():
            report.add("interests", UNCHANGED)
            continue
        interest, status = _upsert(
            TransferInterest,
            lookup=lookup,
            on_create={
                "stage": data["stage"],
                "message": data["message"],
                "preferred_period": data["preferred_period"],
                "contact_name": data["contact_name"],
                "contact_email": data["contact_email"],
                "registered_by": catalog.users.get(data.get("registered_by")),
                "request": (
                    TransferRequest.objects.get(municipality=lookup["municipality"], title=data["request"])
                    if "request" in data
                    else None
                ),
                **_experience(data),
            },
        )
        interest.services.set(offer.services.filter(kind__in=data["services"]))
        report.add("interests", status)


def _experience(data: dict) -> dict:
    """The adopting town's report of a rated demo transfer, dated at the first load."""
    if "experience" not in data:
        return {}
    return {**data["experience"], "rated_at": timezone.now()}


def _sync_ratings(parent, status: str, model, parent_field: str, item_field: str, items, levels, notes) -> str:
    """Bring the ratings of a self-check or self-assessment up to date; report the parent as changed."""
    for item, level in zip(items, levels, strict=True):
        _, rating_status = _upsert(
            model,
            lookup={parent_field: parent, item_field: item},
            values={"level": level, "justification": notes.get(getattr(item, "slug", item.name), "")},
        )
        if rating_status != UNCHANGED and status == UNCHANGED:
            status = UPDATED
    return status


@transaction.atomic
def load_steering(catalog: Catalog, report: LoadReport) -> None:
    criteria_by_slug = {criterion.slug: criterion for criterion in Criterion.objects.all()}
    steering = read("steering")
    criteria = [criteria_by_slug[slug] for slug in steering["criteria"]]
    for data in steering["self_checks"]:
        self_check, status = _upsert(ProjectSelfCheck, lookup={"project": catalog.projects[data["project"]]})
        levels, notes = data["levels"], data.get("notes", {})
        status = _sync_ratings(self_check, status, CriterionRating, "self_check", "criterion", criteria, levels, notes)
        report.add("self_checks", status)

    indicators_by_name = {indicator.name: indicator for indicator in QualityIndicator.objects.all()}
    indicators = [indicators_by_name[name] for name in steering["quality_indicators"]]
    for data in steering["assessments"]:
        assessment, status = _upsert(
            NetworkAssessment, lookup={"network": catalog.networks[data["network"]], "year": data["year"]}
        )
        status = _sync_ratings(
            assessment, status, IndicatorRating, "assessment", "indicator", indicators, data["levels"], {}
        )
        report.add("assessments", status)

    for data in steering["goals"]:
        goal, status = _upsert(
            Goal,
            lookup={"municipality": catalog.municipalities[data["municipality"]], "title": data["title"]},
            values={
                "dimension": data["dimension"],
                "indicator": data["indicator"],
                "unit": data["unit"],
                "baseline": Decimal(data["baseline"]),
                "baseline_date": data["baseline_date"],
                "target_value": Decimal(data["target_value"]),
                "deadline": data["deadline"],
                "responsible": data["responsible"],
            },
        )
        report.add("goals", status)
        for measurement in data["measurements"]:
            _, measurement_status = _upsert(
                Measurement,
                lookup={"goal": goal, "measured_on": measurement["measured_on"]},
                values={"value": Decimal(measurement["value"])},
            )
            report.add("measurements", measurement_status)


@transaction.atomic
def load_events(catalog: Catalog, report: LoadReport) -> None:
    events = read("events")
    today = timezone.localdate()
    for data in events["events"]:
        day = today + datetime.timedelta(days=data["days_from_today"])

        def at(clock: datetime.time, day=day) -> datetime.datetime:
            return timezone.make_aware(datetime.datetime.combine(day, clock))

        event, status = _upsert(
            Event,
            lookup={"title": data["title"]},
            values={name: data[name] for name in ["place", "address", "description", "programme", "capacity"]},
            # The date is set once: a second load on another day keeps the Fachtag where it is.
            on_create={"slug": _slug(Event, data["title"]), "starts_at": at(data["start"]), "ends_at": at(data["end"])},
        )
        status = _sync_relations(
            event,
            status,
            {
                "transitions": [catalog.transitions[name] for name in data["transitions"]],
                "action_fields": [catalog.action_fields[name] for name in data["action_fields"]],
            },
        )
        report.add("events", status)

    for data in events["registrations"]:
        event, user = Event.objects.get(title=data["event"]), catalog.users[data["user"]]
        # Registrations are workflow state: any existing one (even cancelled) is left alone.
        if EventRegistration.objects.filter(event=event, user=user).exists():
            report.add("registrations", UNCHANGED)
            continue
        EventRegistration.objects.create(
            event=event, user=user, municipality=user.coordinator_roles.first().municipality
        )
        report.add("registrations", CREATED)


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
