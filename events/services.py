"""Registration for Fachtage: capacity, waiting list, moving up when a place becomes free."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .access import can_register_for_events
from .models import Event, EventRegistration


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=EventRegistration.Status.CONFIRMED).count()


@transaction.atomic
def registration_register(*, event: Event, user) -> EventRegistration:
    """Register ``user``: a place if one is free, otherwise a place on the waiting list."""
    if not can_register_for_events(user):
        raise PermissionDenied
    # Lock the event row so that two registrations for the last place cannot both get it.
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.is_published or event.is_past or not event.registration_open:
        raise ValidationError(_("Für diesen Fachtag ist keine Anmeldung (mehr) möglich."))
    if event.registrations.filter(user=user).exclude(status=EventRegistration.Status.CANCELLED).exists():
        raise ValidationError(_("Sie sind für diesen Fachtag bereits angemeldet."))
    municipality_ids = sorted(user.coordinated_municipality_ids())
    status = (
        EventRegistration.Status.CONFIRMED
        if _confirmed_count(event) < event.capacity
        else EventRegistration.Status.WAITING
    )
    registration = EventRegistration(
        event=event, user=user, municipality_id=municipality_ids[0] if municipality_ids else None, status=status
    )
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def registration_cancel(*, registration: EventRegistration, by) -> EventRegistration | None:
    """Cancel a registration; the first person on the waiting list moves up. Returns who moved up."""
    if registration.user_id != by.pk:
        raise PermissionDenied
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    was_confirmed = registration.status == EventRegistration.Status.CONFIRMED
    registration.status = EventRegistration.Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if not was_confirmed or _confirmed_count(event) >= event.capacity:
        return None
    waiting = event.registrations.filter(status=EventRegistration.Status.WAITING).order_by("created_at", "pk").first()
    if waiting is not None:
        waiting.status = EventRegistration.Status.CONFIRMED
        waiting.save(update_fields=["status", "updated_at"])
    return waiting
