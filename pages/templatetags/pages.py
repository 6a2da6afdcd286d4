from django import template

from pages.text import render_text

register = template.Library()


@register.filter
def legal_text(value: str):
    return render_text(value)
