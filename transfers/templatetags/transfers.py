from django import template
from django.db.models import Count, Q

from accounts.access import coordinated_municipalities, is_coordinator
from projects.models import Municipality, Project

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
def own_figures(user) -> list[reciprocity.Balance]:
    """For a Koordinator's start page: per own Kommune its transfer balance, with its published projects
    and drafts counted on the municipality (``published_count``, ``draft_count``)."""
    if not is_coordinator(user):
        return []
    municipalities = Municipality.objects.filter(pk__in=coordinated_municipalities(user)).annotate(
        published_count=Count("projects", filter=Q(projects__status=Project.Status.PUBLISHED)),
        draft_count=Count("projects", filter=Q(projects__status=Project.Status.DRAFT)),
    )
    return reciprocity.balances(municipalities)


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
