"""The back-office dashboard on the admin index: what needs the signed-in user's attention."""

from django import template
from django.utils.translation import gettext as _

from accounts.access import is_reviewer
from projects.access import projects_for
from projects.models import Municipality

register = template.Library()

LIMIT = 8


def _panel(queryset, title: str, empty: str, filter_value: str) -> dict:
    items = list(queryset.select_related("municipality").order_by("-updated_at")[: LIMIT + 1])
    return {
        "title": title,
        "items": items[:LIMIT],
        "more": len(items) > LIMIT,
        "empty": empty,
        "filter": filter_value,
    }


@register.simple_tag(takes_context=True)
def backoffice_dashboard(context) -> list[dict]:
    user = context["request"].user
    projects = projects_for(user)
    reviewer = is_reviewer(user)
    return [
        _panel(
            projects.awaiting_review(),
            _("Zur Prüfung eingereicht") if reviewer else _("In Prüfung"),
            _("Nichts wartet auf eine Prüfung.") if reviewer else _("Keine Ihrer Einträge sind in Prüfung."),
            "in-pruefung",
        ),
        _panel(
            projects.returned(),
            _("Mit Kommentar zurückgegeben"),
            _("Keine zurückgegebenen Einträge."),
            "zurueckgegeben",
        ),
        _panel(projects.drafts(), _("Entwürfe"), _("Keine Entwürfe."), "entwurf"),
        _panel(
            projects.needs_confirmation(),
            _("Seit 12 Monaten nicht als aktuell bestätigt"),
            _("Alle veröffentlichten Projekte sind bestätigt."),
            "bestaetigung-faellig",
        ),
    ]


@register.simple_tag(takes_context=True)
def profiles_awaiting_review(context) -> list:
    """For reviewers: the Kommunen whose profile changes wait for their review."""
    if not is_reviewer(context["request"].user):
        return []
    return list(Municipality.objects.profiles_awaiting_review().order_by("changes_submitted_at", "name"))
