from django import template

from accounts.outbox import absolute_url
from pages.text import render_text

register = template.Library()


@register.filter
def legal_text(value: str):
    return render_text(value)


@register.filter
def site_url(path: str) -> str:
    """The portal's public address (``SITE_URL``) in front of a path, without asking the request for its host.

    Used where even the error page for a request with an unknown host renders (base.html's print line).
    """
    return absolute_url(path)


@register.filter
def filters_in_use(form) -> int:
    """How many of a list's filters have a value, besides its search words (``q``): the "Filter (n)" count."""
    return sum(1 for name in form.changed_data if name != "q")
