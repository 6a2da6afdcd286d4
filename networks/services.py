"""Workflow steps for networks, reviewed like projects: a new network is a draft until a reviewer
publishes it; a Koordinator's edit of a published network waits for review in ``pending_changes``.

Each step checks who may take it, changes the network atomically, records the step in the history (with
the acting user) and queues mails in the same transaction (sent by the worker, see ``accounts.outbox``).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import is_reviewer
from accounts.history_records import history_paused, record_version
from projects.access import organisations_for
from projects.reviewing import (
    archive,
    edits_are_proposals,
    mail_reviewers,
    mail_submitter,
    request_archiving,
    require_reviewer,
    return_to_submitter,
    save_with_history,
)
from transferboerse.text import normalise_text

from .access import networks_for
from .models import Network


def _require_access(network: Network, user) -> None:
    if not networks_for(user).filter(pk=network.pk).exists():
        raise PermissionDenied


def _edited_values(cleaned_data: dict) -> dict:
    unknown = set(cleaned_data) - set(Network.REVIEWED_FIELDS)
    if unknown:
        raise ValidationError(
            _("Diese Felder lassen sich nicht bearbeiten: {names}").format(names=", ".join(sorted(unknown)))
        )
    values = {}
    for name, value in cleaned_data.items():
        if name in Network.MANY_TO_MANY_REVIEWED_FIELDS:
            values[name] = sorted(item.pk for item in value)
        elif name == "coordinating_organisation":
            values[name] = value.pk if value is not None else None
        else:
            # Texts in one form (LF, no trailing spaces): a browser's CRLF is no change.
            values[name] = normalise_text(value)
    return values


def _require_own_organisation(values: dict, by) -> None:
    """A Koordinator's network is coordinated by one of their own organisations."""
    organisation = values.get("coordinating_organisation")
    if organisation is not None and not organisations_for(by).filter(pk=organisation).exists():
        raise PermissionDenied


def _edit_directly(live: Network, values: dict, by) -> Network:
    creating = live.pk is None
    many_to_many = {name: ids for name, ids in values.items() if name in Network.MANY_TO_MANY_REVIEWED_FIELDS}
    for name, value in values.items():
        if name == "coordinating_organisation":
            live.coordinating_organisation_id = value
        elif name not in many_to_many:
            setattr(live, name, value)
    live.full_clean(exclude=["slug"])
    with history_paused(live):
        live.save()
        for name, ids in many_to_many.items():
            getattr(live, name).set(ids)
    _require_access(live, by)
    record_version(live, by=by, created=creating)
    return live


@transaction.atomic
def network_save(*, network: Network, cleaned_data: dict, by) -> Network:
    """Save an edit from the back office and return the stored network.

    Only the reviewed fields are taken from ``cleaned_data`` (many-to-many as querysets, the
    coordinating organisation as a record). A new network starts as a draft; an existing one keeps its
    status. A Koordinator's edit of a published network becomes a change for review; any other edit is
    saved at once, with one history entry.
    """
    values = _edited_values(cleaned_data)
    if not is_reviewer(by):
        _require_own_organisation(values, by)
    if network.pk is None:
        return _edit_directly(Network(), values, by)
    _require_access(network, by)
    live = Network.objects.select_for_update().get(pk=network.pk)
    if edits_are_proposals(live, by):
        return network_propose_changes(network=live, changes=values, by=by)
    return _edit_directly(live, values, by)


@transaction.atomic
def network_restore(*, network: Network, cleaned_data: dict, by) -> Network:
    """Restore the content of an old version (the admin's history page).

    As with projects (``projects.services.project_restore``): a published network is never changed
    directly, not even by a reviewer; the old content becomes a change for review. The status never
    comes back from the old version, so an archived network stays archived and a draft stays a draft.
    """
    values = _edited_values(cleaned_data)
    if not is_reviewer(by):
        _require_own_organisation(values, by)
    _require_access(network, by)
    live = Network.objects.select_for_update().get(pk=network.pk)
    if live.is_published:
        return network_propose_changes(network=live, changes=values, by=by)
    return _edit_directly(live, values, by)


@transaction.atomic
def network_propose_changes(*, network: Network, changes: dict, by) -> Network:
    """Keep edits of a published network aside until a reviewer approves them.

    ``changes`` maps reviewed field names to their new values (many-to-many fields as lists of ids, the
    coordinating organisation as its id). Values equal to the published ones are dropped.
    """
    _require_access(network, by)
    if network.status != Network.Status.PUBLISHED:
        raise ValidationError(_("Nur veröffentlichte Netzwerke haben ausstehende Änderungen."))
    unknown = set(changes) - set(Network.REVIEWED_FIELDS)
    if unknown:
        raise ValidationError(_("Unbekannte Felder: {names}").format(names=", ".join(sorted(unknown))))
    live = network.reviewed_values()
    normalised = {
        name: sorted(value) if name in Network.MANY_TO_MANY_REVIEWED_FIELDS else normalise_text(value)
        for name, value in changes.items()
    }
    network.pending_changes = {name: value for name, value in normalised.items() if value != normalise_text(live[name])}
    network.review_comment = ""
    if network.pending_changes:
        network.submitted_at = timezone.now()
        network.submitted_by = by
    # The published version did not change: no new history entry until the changes are approved.
    save_with_history(network, by=by, reason="", record_history=False)
    if network.pending_changes:
        mail_reviewers("network_changes_submitted", network, by=by)
    return network


@transaction.atomic
def network_submit(*, network: Network, by) -> Network:
    """A Koordinator hands a draft network to the Steuerungsgruppe for review."""
    _require_access(network, by)
    if network.status != Network.Status.DRAFT:
        raise ValidationError(_("Nur Entwürfe können zur Prüfung eingereicht werden."))
    network.full_clean()
    network.status = Network.Status.IN_REVIEW
    network.submitted_at = timezone.now()
    network.submitted_by = by
    network.review_comment = ""
    save_with_history(network, by=by, reason=_("Zur Prüfung eingereicht"))
    mail_reviewers("network_submitted", network, by=by)
    return network


@transaction.atomic
def network_publish(*, network: Network, by) -> Network:
    """A reviewer publishes a submitted network (or a draft of their own)."""
    require_reviewer(by)
    if network.status not in {Network.Status.IN_REVIEW, Network.Status.DRAFT}:
        raise ValidationError(_("Dieses Netzwerk ist bereits veröffentlicht oder archiviert."))
    network.full_clean()
    network.status = Network.Status.PUBLISHED
    network.reviewed_at = timezone.now()
    network.reviewed_by = by
    network.review_comment = ""
    save_with_history(network, by=by, reason=_("Veröffentlicht"))
    mail_submitter("network_published", network, url=network.get_absolute_url())
    return network


@transaction.atomic
def network_return(*, network: Network, by, comment: str) -> Network:
    """A reviewer sends a submission, submitted changes or an archiving request back with a comment."""
    require_reviewer(by)
    network = Network.objects.select_for_update().get(pk=network.pk)
    network.archive_reason = ""
    return_to_submitter(
        network,
        by=by,
        comment=comment,
        template="network_returned",
        nothing_to_return=_(
            "Zurückgeben lassen sich nur eingereichte Netzwerke, eingereichte Änderungen und beantragte Archivierungen."
        ),
    )
    return network


@transaction.atomic
def network_approve_changes(*, network: Network, by) -> Network:
    """A reviewer takes the pending changes of a published network into the published version."""
    require_reviewer(by)
    if not (network.status == Network.Status.PUBLISHED and network.has_pending_changes):
        raise ValidationError(_("Für dieses Netzwerk liegen keine Änderungen zur Prüfung vor."))
    many_to_many = {}
    for name, value in network.pending_changes.items():
        if name in Network.MANY_TO_MANY_REVIEWED_FIELDS:
            many_to_many[name] = value
        elif name == "coordinating_organisation":
            network.coordinating_organisation_id = value
        else:
            setattr(network, name, value)
    network.pending_changes = {}
    network.review_comment = ""
    network.reviewed_at = timezone.now()
    network.reviewed_by = by
    network.full_clean()
    # Save the many-to-many fields first so that the new history entry records them.
    with history_paused(network):
        for name, ids in many_to_many.items():
            getattr(network, name).set(ids)
    save_with_history(network, by=by, reason=_("Änderungen übernommen"))
    mail_submitter("network_changes_published", network, url=network.get_absolute_url())
    return network


@transaction.atomic
def network_request_archiving(*, network: Network, by, reason: str) -> Network:
    """ "Archivierung beantragen": a Koordinator asks, with a reason, to take their published network off
    the portal, as for projects (``project_request_archiving``); it stays public until a reviewer decides."""
    _require_access(network, by)
    network = Network.objects.select_for_update().get(pk=network.pk)
    reason = normalise_text(reason)
    if network.status != Network.Status.PUBLISHED:
        raise ValidationError(_("Archiviert werden können nur veröffentlichte Netzwerke."))
    if network.has_archive_request:
        raise ValidationError(_("Die Archivierung ist bereits beantragt."))
    if not reason:
        raise ValidationError({"reason": _("Bitte schreiben Sie, warum das Netzwerk archiviert werden soll.")})
    network.archive_reason = reason
    request_archiving(network, by=by, template="network_archive_requested")
    return network


@transaction.atomic
def network_archive(*, network: Network, by) -> Network:
    """A reviewer takes a published network off the portal (on request or on their own), as with projects:
    pending changes are dropped, the network leaves the public lists, the search and the API, and its
    page says that it is archived."""
    require_reviewer(by)
    network = Network.objects.select_for_update().get(pk=network.pk)
    if network.status != Network.Status.PUBLISHED:
        raise ValidationError(_("Archiviert werden können nur veröffentlichte Netzwerke."))
    network.archive_reason = ""
    archive(
        network, by=by, template="network_archived", url=reverse("admin:networks_network_change", args=[network.pk])
    )
    return network


@transaction.atomic
def network_unarchive(*, network: Network, by) -> Network:
    """A reviewer puts an archived network back on the portal; only reviewers publish, so it is
    published again at once with the content it had when it was archived."""
    require_reviewer(by)
    network = Network.objects.select_for_update().get(pk=network.pk)
    if network.status != Network.Status.ARCHIVED:
        raise ValidationError(_("Nur archivierte Netzwerke lassen sich wieder veröffentlichen."))
    network.full_clean()
    network.status = Network.Status.PUBLISHED
    network.reviewed_at = timezone.now()
    network.reviewed_by = by
    save_with_history(network, by=by, reason=_("Aus dem Archiv wieder veröffentlicht"))
    return network
