"""Who may see what in the Transferbörse: one helper per model, used by views, feeds and admin."""

from django.db.models import QuerySet

from .models import TransferEvent, TransferInterest


def interests_for(user) -> QuerySet[TransferInterest]:
    """Transfers the user may look at: those of the municipalities they coordinate; the
    Steuerungsgruppe sees all of them (read-only: acting is decided by ``TransferInterest.sides_of``)."""
    interests = TransferInterest.objects.select_related("offer__project__municipality", "municipality")
    if not user.is_authenticated:
        return interests.none()
    if user.is_steering_group:
        return interests
    return interests.involving(user.coordinated_municipality_ids())


def events_for(user, interest: TransferInterest) -> QuerySet[TransferEvent]:
    """The timeline of a transfer as the user may see it: never another municipality's private notes."""
    ids = user.coordinated_municipality_ids() if user.is_authenticated else set()
    return interest.events.visible_to(ids).select_related("actor", "actor_municipality")


def can_view_ledger(user) -> bool:
    return user.is_authenticated and user.is_steering_group
