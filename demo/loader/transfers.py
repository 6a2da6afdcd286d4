"""Demo transfer offers with their services, requests and transfer interests."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from transfers.models import TransferInterest, TransferOffer, TransferRequest, TransferService

from .base import (
    UNCHANGED,
    Catalog,
    LoadReport,
    _slug,
    _sync_relations,
    _upsert,
    read,
)


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
