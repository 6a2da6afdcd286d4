"""Which networks a user may see and edit in the back office (used by the admin and by views)."""

from django.db.models import QuerySet

from accounts.access import scoped

from .models import Network


def networks_for(user) -> QuerySet[Network]:
    """Koordinatoren edit the networks whose coordinating organisation belongs to their municipality."""
    return scoped(user, Network.objects.all(), municipality="coordinating_organisation__municipality")
