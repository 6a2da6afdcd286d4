"""Who may see which registrations and who may register for Fachtage (used by the admin and the views)."""

from django.db.models import Q, QuerySet

from accounts.access import coordinated_municipalities, is_coordinator, is_reviewer

from .models import EventRegistration


def event_registrations_for(user) -> QuerySet[EventRegistration]:
    """Reviewers see every registration; a Koordinator those of their municipalities and their own."""
    if is_reviewer(user):
        return EventRegistration.objects.all()
    if is_coordinator(user):
        return EventRegistration.objects.filter(
            Q(municipality__in=coordinated_municipalities(user)) | Q(user_id=user.pk)
        )
    return EventRegistration.objects.none()


def can_register_for_events(user) -> bool:
    return is_reviewer(user) or is_coordinator(user)
