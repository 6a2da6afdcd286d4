from django import template

from .. import reciprocity
from ..models import Follow, TransferInterest, TransferPlan

register = template.Library()


@register.simple_tag
def project_experiences(project):
    """The experience reports of municipalities that adopted the project, newest first."""
    return list(
        TransferInterest.objects.rated()
        .filter(offer__project=project)
        .select_related("municipality")
        .order_by("-rated_at", "-pk")
    )


@register.simple_tag
def transfer_balance(municipality):
    return reciprocity.balance_for(municipality)


@register.simple_tag
def follows_project(user, project) -> bool:
    """Whether the signed-in user follows the project (for the follow button on its page)."""
    return bool(user.is_authenticated) and Follow.objects.filter(user=user, project=project).exists()


@register.simple_tag
def project_transfer_lessons(project):
    """Closed transfer plans of the project: what both sides learned, newest first."""
    return list(
        TransferPlan.objects.filter(interest__offer__project=project, closed_at__isnull=False)
        .select_related("interest__municipality")
        .order_by("-closed_at", "-pk")
    )
