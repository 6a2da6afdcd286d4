from django import template

from accounts.services import can_invite as _can_invite

register = template.Library()


@register.filter
def can_invite(user) -> bool:
    """Whether the user sees "Koordinator/in einladen" (operator and Redaktion)."""
    return _can_invite(user)
