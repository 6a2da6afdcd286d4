from django import template

from .. import reciprocity
from ..models import TransferInterest

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
