"""Who may see and edit which steering records (used by the admin and by the views)."""

from django.db.models import QuerySet

from accounts.access import is_coordinator, is_reviewer, scoped
from networks.access import networks_for
from projects.access import projects_for

from .models import Goal, NetworkAssessment, ProjectSelfCheck


def can_view_dashboard(user) -> bool:
    """The dashboard (/steuerung/) is for the Steuerungsgruppe, the Redaktion and superusers."""
    return is_reviewer(user)


def self_checks_for(user) -> QuerySet[ProjectSelfCheck]:
    return ProjectSelfCheck.objects.filter(project__in=projects_for(user))


def network_assessments_for(user) -> QuerySet[NetworkAssessment]:
    return NetworkAssessment.objects.filter(network__in=networks_for(user))


def goals_for(user) -> QuerySet[Goal]:
    return scoped(user, Goal.objects.all())


def can_view_goals_of(user, municipality) -> bool:
    return is_reviewer(user) or (is_coordinator(user) and municipality.pk in user.coordinated_municipality_ids())
