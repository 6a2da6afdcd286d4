"""The models of the transfers app, one module per concept; every name is importable from ``transfers.models``."""

from .interests import (
    NEXT_STEP_LABELS,
    STEPS,
    Action,
    Side,
    Step,
    TransferEvent,
    TransferEventQuerySet,
    TransferInterest,
    TransferInterestQuerySet,
)
from .notifications import Notification, NotificationPreference, NotificationQuerySet
from .offers import TransferOffer, TransferOfferQuerySet, TransferService, TransferServiceQuerySet
from .plans import PlanMilestone, TransferPlan
from .requests import TransferRequest, TransferRequestQuerySet

# ``_new_token`` stays reachable here: migration 0006 names it as the token's default.
from .subscriptions import Follow, SavedSearch, _new_token

__all__ = [
    "NEXT_STEP_LABELS",
    "STEPS",
    "Action",
    "Follow",
    "Notification",
    "NotificationPreference",
    "NotificationQuerySet",
    "PlanMilestone",
    "SavedSearch",
    "Side",
    "Step",
    "TransferEvent",
    "TransferEventQuerySet",
    "TransferInterest",
    "TransferInterestQuerySet",
    "TransferOffer",
    "TransferOfferQuerySet",
    "TransferPlan",
    "TransferRequest",
    "TransferRequestQuerySet",
    "TransferService",
    "TransferServiceQuerySet",
    "_new_token",
]
