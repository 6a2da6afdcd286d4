"""Which transfer records a user may see and edit in the back office (used by the admin and by views)."""

from django.db.models import Q, QuerySet

from accounts.access import coordinated_municipalities, is_coordinator, is_reviewer

from .models import TransferInterest, TransferOffer, TransferRequest, TransferService


def transfer_offers_for(user) -> QuerySet[TransferOffer]:
    if is_reviewer(user):
        return TransferOffer.objects.all()
    if is_coordinator(user):
        return TransferOffer.objects.filter(project__municipality__in=coordinated_municipalities(user))
    return TransferOffer.objects.none()


def transfer_services_for(user) -> QuerySet[TransferService]:
    return TransferService.objects.filter(offer__in=transfer_offers_for(user))


def transfer_requests_for(user) -> QuerySet[TransferRequest]:
    if is_reviewer(user):
        return TransferRequest.objects.all()
    if is_coordinator(user):
        return TransferRequest.objects.filter(municipality__in=coordinated_municipalities(user))
    return TransferRequest.objects.none()


def transfer_interests_for(user) -> QuerySet[TransferInterest]:
    """Interests where the user's municipality is a party: as interested town or as offering town."""
    if is_reviewer(user):
        return TransferInterest.objects.all()
    if is_coordinator(user):
        own = coordinated_municipalities(user)
        return TransferInterest.objects.filter(Q(municipality__in=own) | Q(offer__project__municipality__in=own))
    return TransferInterest.objects.none()


def interest_offer_choices_for(user) -> QuerySet[TransferOffer]:
    """Offers a Koordinator may register interest in: any other municipality's offer."""
    if is_reviewer(user):
        return TransferOffer.objects.all()
    if is_coordinator(user):
        return TransferOffer.objects.exclude(project__municipality__in=coordinated_municipalities(user))
    return TransferOffer.objects.none()
