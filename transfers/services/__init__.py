"""Writes of the Transferbörse: each step is atomic, leaves a timeline entry and queues its notifications.

One module per concept; every name is importable from ``transfers.services``.
"""

from .interests import StepNotAllowed, interest_advance, interest_register
from .notifications import (
    coordinators_of,
    digests_send,
    mail_instant_notifications,
    notification_preference_set,
    notifications_mark_read,
    notify,
)
from .plans import (
    REMINDER_HOUR,
    milestone_add,
    milestone_done,
    milestone_remind,
    plan_close,
    plan_midpoint_record,
    plan_save,
)
from .requests import offer_ask, request_close, request_publish
from .subscriptions import (
    ANNOUNCE_INTERVAL,
    follow_toggle,
    followers_of,
    offer_announce,
    saved_search_create,
    saved_search_unsubscribe,
    saved_searches_check,
)

__all__ = [
    "ANNOUNCE_INTERVAL",
    "REMINDER_HOUR",
    "StepNotAllowed",
    "coordinators_of",
    "digests_send",
    "follow_toggle",
    "followers_of",
    "interest_advance",
    "interest_register",
    "mail_instant_notifications",
    "milestone_add",
    "milestone_done",
    "milestone_remind",
    "notification_preference_set",
    "notifications_mark_read",
    "notify",
    "offer_announce",
    "offer_ask",
    "plan_close",
    "plan_midpoint_record",
    "plan_save",
    "request_close",
    "request_publish",
    "saved_search_create",
    "saved_search_unsubscribe",
    "saved_searches_check",
]
