"""The steps every reviewed record takes alike (projects and networks, see ``models/review.py``):
who reviews, saving with one history entry, mailing the reviewers and the submitter, and when an
edit becomes a proposal. Each app's services add what is its own (access, fields, the review page).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import is_reviewer, reviewers
from accounts.history_records import history_paused, record_version
from accounts.outbox import absolute_url, mails_queue

from .models.review import ReviewStatus


def require_reviewer(user) -> None:
    if not is_reviewer(user):
        raise PermissionDenied


def save_with_history(record, *, by, reason: str, record_history: bool = True) -> None:
    """Save without django-simple-history's automatic entry, then record one naming the user and why."""
    with history_paused(record):
        record.save()
    if record_history:
        record_version(record, by=by, reason=reason)


def review_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_review", args=[record.pk])


def mail_reviewers(template: str, record, *, by) -> None:
    mails_queue(
        recipients=reviewers(),
        template=template,
        context={record._meta.model_name: record, "actor": by, "url": absolute_url(review_url(record))},
    )


def mail_submitter(template: str, record, *, url: str, **context) -> None:
    if record.submitted_by_id:
        mails_queue(
            recipients=[record.submitted_by],
            template=template,
            context={record._meta.model_name: record, "url": absolute_url(url), **context},
        )


def edits_are_proposals(record, by) -> bool:
    """A Koordinator's edit of a published record waits for review; a reviewer's edit is direct."""
    return record.pk is not None and record.is_published and not is_reviewer(by)


def request_archiving(record, *, by, template: str) -> None:
    """Record a Koordinator's request to take a published record off the portal and tell the reviewers.
    The record stays public until a reviewer archives it (:func:`archive`) or returns the request."""
    now = timezone.now()
    record.archive_requested_at = now
    record.submitted_at = now
    record.submitted_by = by
    record.review_comment = ""
    save_with_history(record, by=by, reason=_("Archivierung beantragt"))
    mail_reviewers(template, record, by=by)


def archive(record, *, by, template: str, url: str) -> None:
    """A reviewer takes a published record off the portal, on request or on their own; pending changes
    are dropped, and whoever asked for the archiving is told (``template``, with a link to ``url``)."""
    requested = record.has_archive_request
    record.status = ReviewStatus.ARCHIVED
    record.archive_requested_at = None
    record.pending_changes = {}
    record.review_comment = ""
    record.reviewed_at = timezone.now()
    record.reviewed_by = by
    save_with_history(record, by=by, reason=_("Archiviert"))
    if requested:
        mail_submitter(template, record, url=url)


def return_to_submitter(record, *, by, comment: str, template: str, nothing_to_return: str) -> None:
    """A reviewer sends a submission, submitted changes or an archiving request back with a comment.

    A submitted draft becomes a draft again; a published record stays public as it is, so a returned
    archiving request is declined. ``nothing_to_return`` is the message when none of these is waiting.
    """
    require_reviewer(by)
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Bitte schreiben Sie, was noch geändert werden soll.")})
    if record.status == ReviewStatus.IN_REVIEW:
        record.status = ReviewStatus.DRAFT
    elif not (record.status == ReviewStatus.PUBLISHED and (record.has_pending_changes or record.has_archive_request)):
        raise ValidationError(nothing_to_return)
    record.archive_requested_at = None
    record.review_comment = comment
    record.reviewed_at = timezone.now()
    record.reviewed_by = by
    save_with_history(
        record,
        by=by,
        reason=_("Mit Kommentar zurückgegeben"),
        record_history=record.status != ReviewStatus.PUBLISHED,
    )
    meta = record._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
    mail_submitter(template, record, url=url, comment=comment)
