"""Which networks a user may see and edit in the back office (used by the admin and by views)."""

from django.db.models import QuerySet

from accounts.access import coordinated_municipalities, is_coordinator, is_reviewer

from .models import Network


def networks_for(user) -> QuerySet[Network]:
    """Koordinatoren edit the networks whose coordinating organisation belongs to their municipality."""
    if is_reviewer(user):
        return Network.objects.all()
    if is_coordinator(user):
        return Network.objects.filter(coordinating_organisation__municipality__in=coordinated_municipalities(user))
    return Network.objects.none()
