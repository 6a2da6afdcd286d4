"""Demo projects with their indicators, and the networks they belong to."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from networks.models import Network
from projects.models import (
    Indicator,
    Project,
)

from .base import (
    Catalog,
    LoadReport,
    _phases,
    _slug,
    _sync_relations,
    _upsert,
    read,
)


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
