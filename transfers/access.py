"""Which transfer records a user may see: one helper per model, used by the admin, views and feeds alike.

Acting on a transfer is decided separately, by ``TransferInterest.sides_of``.
"""

from django.db.models import QuerySet

from accounts.access import coordinated_municipalities, is_coordinator, is_reviewer, scoped

from .models import TransferEvent, TransferInterest, TransferOffer, TransferRequest, TransferService


def transfer_offers_for(user) -> QuerySet[TransferOffer]:
    return scoped(user, TransferOffer.objects.all(), municipality="project__municipality")


def transfer_services_for(user) -> QuerySet[TransferService]:
    return TransferService.objects.filter(offer__in=transfer_offers_for(user))


def transfer_requests_for(user) -> QuerySet[TransferRequest]:
    return scoped(user, TransferRequest.objects.all())


def transfer_interests_for(user) -> QuerySet[TransferInterest]:
    """Transfers where the user's municipality is a party, as interested or as offering town;
    the Steuerungsgruppe sees all of them (read-only in the public pages)."""
    if is_reviewer(user):
        return TransferInterest.objects.all()
    if is_coordinator(user):
        return TransferInterest.objects.involving(user.coordinated_municipality_ids())
    return TransferInterest.objects.none()


def interest_offer_choices_for(user) -> QuerySet[TransferOffer]:
    """Offers a Koordinator may register interest in: the public (active, published) offers of the
    other municipalities. Another town's draft is never offered, searched or named."""
    if is_coordinator(user) and not is_reviewer(user):
        return TransferOffer.objects.active().exclude(project__municipality__in=coordinated_municipalities(user))
    if is_reviewer(user):
        return TransferOffer.objects.active()
    return TransferOffer.objects.none()


def offer_is_public(offer: TransferOffer) -> bool:
    """Whether the offer's public page exists (the same rule as the public offer list)."""
    return TransferOffer.objects.active().filter(pk=offer.pk).exists()


def events_for(user, interest: TransferInterest) -> QuerySet[TransferEvent]:
    """The timeline of a transfer as the user may see it: never another municipality's private notes."""
    ids = user.coordinated_municipality_ids() if user.is_authenticated else set()
    return interest.events.visible_to(ids).select_related("actor", "actor_municipality")


def can_view_ledger(user) -> bool:
    """The ledger is reciprocal: reviewers and every Kommune's coordinators see all Kommunen's figures."""
    return is_reviewer(user) or is_coordinator(user)
