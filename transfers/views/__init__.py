"""The pages of the Transferbörse, one module per concept; ``transfers.urls`` finds every view here."""

from .interests import InterestDetailView, InterestStepView, MyTransfersView
from .ledger import LedgerCsvView, LedgerView
from .notifications import NotificationListView
from .offers import InterestCreateView, OfferDetailView, OfferListView
from .plans import MilestoneDoneView, PlanPrintView, PlanView
from .requests import OfferAskView, RequestCloseView, RequestCreateView, RequestDetailView, RequestListView
from .subscriptions import FOLLOW_TARGETS, FollowToggleView, SavedSearchListView, SavedSearchUnsubscribeView

__all__ = [
    "FOLLOW_TARGETS",
    "FollowToggleView",
    "InterestCreateView",
    "InterestDetailView",
    "InterestStepView",
    "LedgerCsvView",
    "LedgerView",
    "MilestoneDoneView",
    "MyTransfersView",
    "NotificationListView",
    "OfferAskView",
    "OfferDetailView",
    "OfferListView",
    "PlanPrintView",
    "PlanView",
    "RequestCloseView",
    "RequestCreateView",
    "RequestDetailView",
    "RequestListView",
    "SavedSearchListView",
    "SavedSearchUnsubscribeView",
]
