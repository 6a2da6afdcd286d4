"""Who sees the reported barriers: the Redaktion (and Steuerungsgruppe, superusers), nobody else.

A report may carry a visitor's name and address; Koordinatoren of a Kommune have no need for them.
"""

from django.db.models import QuerySet

from accounts.access import is_reviewer

from .models import BarrierReport


def barrier_reports_for(user) -> QuerySet[BarrierReport]:
    return BarrierReport.objects.all() if is_reviewer(user) else BarrierReport.objects.none()
