"""The networks' panel of the back-office dashboard (networks sit above projects, whose tag library
draws the projects' panels and cannot import this app)."""

from django import template

from accounts.access import is_reviewer
from networks.access import networks_for

register = template.Library()

LIMIT = 8


@register.simple_tag(takes_context=True)
def networks_awaiting_review(context) -> dict:
    """Submitted networks and submitted changes of published ones: for reviewers all of them, for a
    Koordinator their own."""
    user = context["request"].user
    queryset = networks_for(user).awaiting_review().order_by("-updated_at")
    items = list(queryset[: LIMIT + 1])
    return {
        "items": items[:LIMIT],
        "more": len(items) > LIMIT,
        "count": queryset.count(),
        "reviewer": is_reviewer(user),
    }
