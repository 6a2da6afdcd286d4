from django import template

from ..models import Event

register = template.Library()


@register.simple_tag
def upcoming_events(limit=3):
    return list(Event.objects.upcoming().with_counts()[:limit])
