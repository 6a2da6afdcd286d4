from django import template
from django.core.exceptions import ObjectDoesNotExist

from ..models import NetworkAssessment, QualityIndicator

register = template.Library()


@register.simple_tag
def project_profile(project):
    """The project's good-practice profile (see ``ProjectSelfCheck.profile``); [] if nothing is rated."""
    try:
        self_check = project.self_check
    except ObjectDoesNotExist:
        return []
    profile = self_check.profile()
    return profile if any(criterion.level for criterion in profile) else []


@register.simple_tag
def network_quality(network):
    """The latest self-assessment of a network, per indicator with the change since the one before."""
    assessments = NetworkAssessment.objects.latest_two(network)
    if not assessments:
        return None
    latest = assessments[0]
    previous = assessments[1] if len(assessments) > 1 else None
    latest_ratings = {rating.indicator_id: rating for rating in latest.ratings.all()}
    previous_levels = previous.levels() if previous else {}
    rows = []
    for indicator in QualityIndicator.objects.all():
        rating = latest_ratings.get(indicator.pk)
        before = previous_levels.get(indicator.pk)
        change = rating.level - before if rating and before else None
        rows.append({"indicator": indicator, "rating": rating, "previous": before, "change": change})
    return {"latest": latest, "previous": previous, "rows": rows}


@register.filter
def level_range(level):
    """``[True, True, False, False]`` for level 2: filled and empty steps of the four."""
    level = level or 0
    return [step <= level for step in range(1, 5)]
