from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from accounts.outbox import absolute_url, mail_queue_to_address

from .access import barrier_reports_for
from .models import BarrierReport, LegalPage


def barrier_answer_due_on(*, received_at: datetime, statement: LegalPage) -> date:
    """The day the answer is due: the period the accessibility statement promises, from the day it came in."""
    return timezone.localdate(received_at) + timedelta(weeks=statement.response_weeks)


@transaction.atomic
def barrier_report_submit(*, description: str, page_url: str = "", name: str = "", email: str = "") -> BarrierReport:
    """Store a reported barrier; confirm it to the sender (if an address was given) and tell the Redaktion.

    Both mails go through the outbox in this transaction: the report and its mails exist together.
    """
    statement = LegalPage.objects.get(kind=LegalPage.Kind.ACCESSIBILITY)
    received_at = timezone.now()
    report = BarrierReport(
        description=description.strip(),
        page_url=page_url.strip(),
        name=name.strip(),
        email=email.strip(),
        received_at=received_at,
        answer_due_on=barrier_answer_due_on(received_at=received_at, statement=statement),
    )
    report.full_clean()
    report.save()
    context = {
        "report": report,
        "statement_url": absolute_url(reverse("pages:accessibility")),
        "admin_url": absolute_url(reverse("admin:pages_barrierreport_change", args=[report.pk])),
    }
    if report.email:
        mail_queue_to_address(address=report.email, template="barrier_report_received", context=context)
    # The statement's feedback address is the Redaktion's (a database constraint keeps it filled in).
    mail_queue_to_address(address=statement.contact_email, template="barrier_report_new", context=context)
    return report


@transaction.atomic
def barrier_reports_mark_answered(*, reports: QuerySet[BarrierReport], by) -> int:
    """Mark the open reports among ``reports`` that ``by`` may see as answered; returns how many."""
    return (
        barrier_reports_for(by)
        .filter(pk__in=reports.values("pk"), status=BarrierReport.Status.OPEN)
        .update(status=BarrierReport.Status.ANSWERED)
    )
