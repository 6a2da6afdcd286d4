"""The mail outbox: every e-mail of the portal goes through here.

A step that mails someone writes an ``OutgoingMail`` row per recipient in its own transaction
(``mails_queue``), so the mail exists exactly when the step does. After commit a task is enqueued, and
only the background worker (``manage.py worker``) talks to the mail server (``outgoing_mail_send``):

- it claims the row under a row lock (``SKIP LOCKED``: two workers never send the same mail) and marks
  it "sending" before it connects, and "sent" afterwards;
- a failed attempt is retried with exponential backoff (5, 10, 20, 40 minutes); after ``MAX_ATTEMPTS``
  the row is "failed" and the Redaktion sees it in the admin, where "erneut versuchen" queues it again;
- ``outbox_sweep`` (worker start, ``manage.py send_outbox``, and every few minutes as a task of its own)
  re-enqueues what a lost task or a killed worker left behind, so no queued mail is lost. A mail whose
  worker died while the server had already accepted it may go out twice; that is the price of never
  losing one.
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from transferboerse.background import enqueue_on_commit

from . import tasks
from .access import is_reviewer
from .models import OutgoingMail, User

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def _timing(name: str) -> timedelta:
    """One of the outbox's intervals (settings.OUTBOX_TIMINGS, in seconds; the fault run shortens them):

    FIRST_RETRY_AFTER  wait after the first failure, then doubled (5, 10, 20, 40 minutes by default);
    STUCK_AFTER        a mail "sending" for longer lost its worker (the SMTP timeout is seconds);
    OVERDUE_AFTER      a queued mail overdue for this long has no task that will send it (the enqueue
                       after commit or the task itself was lost); younger ones are left to a busy worker;
    SWEEP_EVERY        how often the sweep runs as a task of its own.
    """
    return timedelta(seconds=settings.OUTBOX_TIMINGS[name])


# Web servers, workers and the database may disagree on the time by a little; a task is not made to
# skip the attempt it was woken for because its machine's clock is a few seconds behind.
CLOCK_SKEW = timedelta(seconds=30)
# Sent mails hold personal data and are kept only as long as someone may ask whether a mail went out.
KEEP_SENT_FOR = timedelta(days=90)

Status = OutgoingMail.Status


# --- queueing (inside the step's transaction) ---------------------------------------------------


def absolute_url(path: str) -> str:
    """The portal's public address in front of a path from ``reverse()`` or ``get_absolute_url()``."""
    return settings.SITE_URL.rstrip("/") + path if path else ""


def render_mail(*, template: str, context: dict) -> tuple[str, str]:
    """Subject and body from ``templates/mail/<template>_subject.txt`` and ``templates/mail/<template>.txt``.

    The templates add a greeting and the footer with the link to the notification settings
    (``mail/base.txt``); ``site_url`` is in the context for absolute links.
    """
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    subject = " ".join(render_to_string(f"mail/{template}_subject.txt", context).split())
    body = render_to_string(f"mail/{template}.txt", context)
    # Template tags leave blank lines behind; keep at most one empty line between paragraphs.
    lines: list[str] = []
    for line in body.strip().splitlines():
        if line.strip() or (lines and lines[-1]):
            lines.append(line if line.strip() else "")
    return subject, "\n".join(lines) + "\n"


@transaction.atomic
def mails_queue(*, recipients: Iterable[User], template: str, context: dict | None = None) -> list[OutgoingMail]:
    """Write one mail per recipient (rendered with ``recipient`` in the context) into the outbox.

    Recipients without an address are skipped, each address gets at most one mail. Runs inside the
    caller's transaction: if the step rolls back, no mail is left behind; if it commits, the mails are
    sent by the worker.
    """
    mails = []
    addresses: set[str] = set()
    for user in recipients:
        address = (user.email or "").strip()
        if not address or address.lower() in addresses:
            continue
        addresses.add(address.lower())
        subject, body = render_mail(template=template, context={**(context or {}), "recipient": user})
        mails.append(OutgoingMail(to=address, subject=subject[:300], body=body, template=template))
    mails = OutgoingMail.objects.bulk_create(mails)
    for mail in mails:
        enqueue_on_commit(tasks.outgoing_mail_send, mail.pk)
    return mails


@transaction.atomic
def mail_queue_to_address(*, address: str, template: str, context: dict | None = None) -> OutgoingMail:
    """Write one mail to someone without an account (a visitor who left an address) into the outbox.

    Like ``mails_queue``, inside the caller's transaction; the template has no ``recipient``.
    """
    subject, body = render_mail(template=template, context=context or {})
    mail = OutgoingMail.objects.create(to=address.strip(), subject=subject[:300], body=body, template=template)
    enqueue_on_commit(tasks.outgoing_mail_send, mail.pk)
    return mail


# --- sending (only in the worker) ---------------------------------------------------------------


def _retry_delay(attempts: int) -> timedelta:
    return _timing("FIRST_RETRY_AFTER") * 2 ** (attempts - 1)


def _claim(mail_id: int, now: datetime) -> OutgoingMail | None:
    """Mark the mail "sending" if it is due and no other worker holds it; ``None`` otherwise."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=Status.QUEUED, next_attempt_at__lte=now + CLOCK_SKEW)
            .first()
        )
        if mail is None:
            return None
        mail.status = Status.SENDING
        mail.claimed_at = now
        # Counted before the attempt: a mail that kills its worker every time still ends as failed.
        mail.attempts += 1
        mail.save(update_fields=["status", "claimed_at", "attempts"])
    return mail


def outgoing_mail_send(*, mail_id: int) -> str:
    """One attempt to send the mail; returns what happened ("sent", "retry", "failed", "skipped").

    Called by the task ``accounts.tasks.outgoing_mail_send``. "skipped": sent already, held by another
    worker, or a later attempt is scheduled (a task enqueued twice does no harm).
    """
    mail = _claim(mail_id, timezone.now())
    if mail is None:
        return "skipped"
    # Outside any transaction: a slow mail server holds no lock and no database connection state.
    try:
        EmailMessage(subject=mail.subject, body=mail.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[mail.to]).send()
    except Exception as error:  # every backend failure counts as one failed attempt
        return _attempt_failed(mail, error)
    OutgoingMail.objects.filter(pk=mail.pk, status=Status.SENDING, claimed_at=mail.claimed_at).update(
        status=Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return "sent"


@transaction.atomic
def _attempt_failed(mail: OutgoingMail, error: Exception) -> str:
    now = timezone.now()
    updated = OutgoingMail.objects.filter(pk=mail.pk, status=Status.SENDING, claimed_at=mail.claimed_at)
    last_error = f"{timezone.localtime(now):%d.%m.%Y %H:%M:%S} – {type(error).__name__}: {error}"[:2000]
    if mail.attempts >= MAX_ATTEMPTS:
        updated.update(status=Status.FAILED, last_error=last_error)
        logger.error("E-Mail %s an %s endgültig nicht versandt: %s", mail.pk, mail.to, last_error)
        return "failed"
    # Counted from the start of the attempt, so the pauses are exact whatever the server's timeout.
    next_attempt_at = mail.claimed_at + _retry_delay(mail.attempts)
    if updated.update(status=Status.QUEUED, next_attempt_at=next_attempt_at, last_error=last_error):
        enqueue_on_commit(tasks.outgoing_mail_send.using(run_after=next_attempt_at), mail.pk)
    logger.warning("E-Mail %s an %s nicht versandt (Versuch %s): %s", mail.pk, mail.to, mail.attempts, last_error)
    return "retry"


# --- recovery -----------------------------------------------------------------------------------


def _mail_ids_with_waiting_task() -> set[int]:
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status="READY", task_path=tasks.outgoing_mail_send.module_path).values_list(
        "args_kwargs__args__0", flat=True
    )
    return {int(mail_id) for mail_id in waiting if mail_id is not None}


@transaction.atomic
def outbox_sweep(*, now: datetime | None = None) -> int:
    """Re-enqueue unfinished mails that no task will send any more; returns how many.

    A row "sending" for longer than ``STUCK_AFTER`` lost its worker: it is queued again (or failed,
    if that was its last attempt). A queued row overdue by ``OVERDUE_AFTER`` without a waiting task
    lost its task. Also deletes sent mails older than ``KEEP_SENT_FOR``.
    """
    now = now or timezone.now()
    stuck = list(
        OutgoingMail.objects.select_for_update(skip_locked=True).filter(
            status=Status.SENDING, claimed_at__lt=now - _timing("STUCK_AFTER")
        )
    )
    note = _("{time:%d.%m.%Y %H:%M:%S} – Versand abgebrochen (Worker beendet?)")
    for mail in stuck:
        mail.last_error = note.format(time=timezone.localtime(now))
        mail.status = Status.FAILED if mail.attempts >= MAX_ATTEMPTS else Status.QUEUED
        mail.next_attempt_at = now
        mail.save(update_fields=["status", "next_attempt_at", "last_error"])
    waiting = _mail_ids_with_waiting_task()
    # No row lock here: a worker claiming one of these rows must not be made to skip it, and a
    # second task for a mail that is sent meanwhile only finds it sent.
    overdue = OutgoingMail.objects.filter(status=Status.QUEUED, next_attempt_at__lte=now - _timing("OVERDUE_AFTER"))
    lost = [pk for pk in overdue.values_list("pk", flat=True) if pk not in waiting]
    lost += [mail.pk for mail in stuck if mail.status == Status.QUEUED]
    for pk in lost:
        enqueue_on_commit(tasks.outgoing_mail_send, pk)
    OutgoingMail.objects.filter(status=Status.SENT, sent_at__lt=now - KEEP_SENT_FOR).delete()
    return len(lost)


def outbox_sweep_schedule() -> bool:
    """Make sure one periodic sweep is waiting in the queue; returns whether it enqueued one."""
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(status="READY", task_path=tasks.outbox_sweep.module_path).exists():
        return False
    enqueue_on_commit(tasks.outbox_sweep.using(run_after=timezone.now() + _timing("SWEEP_EVERY")))
    return True


# --- the Redaktion's view -----------------------------------------------------------------------


def outbox_visible_to(user) -> bool:
    """The outbox is the Redaktion's (and the Steuerungsgruppe's): it shows every recipient's mail."""
    return is_reviewer(user)


def outgoing_mails_for(user) -> QuerySet[OutgoingMail]:
    return OutgoingMail.objects.all() if outbox_visible_to(user) else OutgoingMail.objects.none()


@transaction.atomic
def outgoing_mails_retry(*, mails: QuerySet[OutgoingMail], by: User) -> int:
    """Queue failed (or waiting) mails for an immediate new round of ``MAX_ATTEMPTS`` attempts."""
    ids = list(
        outgoing_mails_for(by)
        .filter(pk__in=mails.values("pk"))
        .filter(Q(status=Status.FAILED) | Q(status=Status.QUEUED))
        .select_for_update(skip_locked=True)
        .values_list("pk", flat=True)
    )
    OutgoingMail.objects.filter(pk__in=ids).update(
        status=Status.QUEUED,
        next_attempt_at=timezone.now(),
        attempts=0,
    )
    for pk in ids:
        enqueue_on_commit(tasks.outgoing_mail_send, pk)
    return len(ids)
