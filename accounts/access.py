"""Who may see what: the building blocks of the per-model access helpers (``projects.access`` …).

Three kinds of signed-in staff exist: reviewers (Steuerungsgruppe, Redaktion, superusers) see
everything; Koordinatoren see the records of the municipalities they coordinate; everyone else
(anonymous visitors, inactive accounts, staff without a role) sees nothing in the back office.
"""

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet

from .models import Coordinator, Role


def is_reviewer(user) -> bool:
    """Steuerungsgruppe, Redaktion or superuser: sees all records and reviews projects."""
    return bool(user.is_authenticated and user.is_active and user.is_steering_group)


def reviewers() -> QuerySet:
    """The active users who review submissions and get the review mails, by address."""
    users = get_user_model().objects.filter(
        Q(groups__name__in=[Role.STEERING_GROUP, Role.EDITORIAL]) | Q(is_superuser=True), is_active=True
    )
    return users.distinct().order_by("email")


def is_coordinator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_role(Role.COORDINATOR))


def coordinated_municipalities(user) -> QuerySet:
    """The municipality ids the user coordinates, as a lazy subquery (no query of its own)."""
    if not (user.is_authenticated and user.is_active):
        return Coordinator.objects.none().values("municipality")
    return Coordinator.objects.filter(user_id=user.pk).values("municipality")


def scoped[M: Model](user, records: QuerySet[M], *, municipality: str = "municipality") -> QuerySet[M]:
    """The shape of most access helpers: all ``records`` for reviewers; for Koordinatoren those whose
    ``municipality`` (a lookup path, e.g. ``"project__municipality"``) they coordinate; else none."""
    if is_reviewer(user):
        return records
    if is_coordinator(user):
        return records.filter(**{f"{municipality}__in": coordinated_municipalities(user)})
    return records.none()
