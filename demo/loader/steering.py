"""Demo self-checks of good practice, network assessments, goals and their measurements."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

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

from .base import (
    UNCHANGED,
    UPDATED,
    Catalog,
    LoadReport,
    _upsert,
    read,
)


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
