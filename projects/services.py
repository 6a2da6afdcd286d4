"""Workflow steps for projects: saving an edit, review before publishing, archiving, and confirming
that a project is current; and the import of population figures by age band.

Each step checks who may take it, changes the project atomically, records the step in the project's
history (with the acting user) and queues mails to the people concerned in the same transaction (the
background worker sends them, see ``accounts.outbox``).
"""

from collections.abc import Iterable
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import is_reviewer, reviewers
from accounts.history_records import history_paused, record_version
from accounts.models import Coordinator
from accounts.outbox import absolute_url, mails_queue
from transferboerse.text import normalise_text

from .access import municipalities_for, projects_for
from .models import AgeBand, Municipality, MunicipalityContact, PopulationFigure, Project
from .reviewing import (
    archive,
    edits_are_proposals,
    mail_reviewers,
    mail_submitter,
    request_archiving,
    require_reviewer,
    return_to_submitter,
    save_with_history,
)

# What an edit in the back office may set; everything else (status, review, timestamps) is the workflow's.
EDITABLE_FIELDS = ("municipality", *Project.REVIEWED_FIELDS)


def _require_access(project: Project, user) -> None:
    if not projects_for(user).filter(pk=project.pk).exists():
        raise PermissionDenied


def _edited_values(cleaned_data: dict) -> dict:
    unknown = set(cleaned_data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Diese Felder lassen sich nicht bearbeiten: {names}").format(names=", ".join(sorted(unknown)))
        )
    # Texts in one form (LF, no trailing spaces): a browser's CRLF is no change.
    return {
        name: sorted(item.pk for item in value)
        if name in Project.MANY_TO_MANY_REVIEWED_FIELDS
        else normalise_text(value)
        for name, value in cleaned_data.items()
    }


def _locked(project: Project) -> Project:
    return Project.objects.select_for_update().get(pk=project.pk)


def _propose(live: Project, values: dict, by, related: dict | None = None) -> Project:
    if "municipality" in values and values.pop("municipality") != live.municipality:
        raise PermissionDenied
    # Kennzahlen or links proposed earlier and not edited this time stay proposed.
    for name in Project.RELATED_REVIEWED:
        if name in (related or {}):
            values[name] = related[name]
        elif name in live.pending_changes:
            values[name] = live.pending_changes[name]
    return project_propose_changes(project=live, changes=values, by=by)


def _edit_directly(live: Project, values: dict, by) -> Project:
    """Write the edited fields into the stored record; status and review fields keep their values."""
    creating = live.pk is None
    municipality = values.get("municipality", live.municipality if not creating else None)
    if municipality is None or not municipalities_for(by).filter(pk=municipality.pk).exists():
        raise PermissionDenied
    if not creating and municipality != live.municipality and not is_reviewer(by):
        raise PermissionDenied
    many_to_many = {name: ids for name, ids in values.items() if name in Project.MANY_TO_MANY_REVIEWED_FIELDS}
    for name, value in values.items():
        if name not in many_to_many:
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
def project_save(*, project: Project, cleaned_data: dict, by, related: dict | None = None) -> Project:
    """Save an edit from the back office and return the stored project.

    ``cleaned_data`` holds the edited fields (municipality and the reviewed fields, many-to-many as
    querysets). Only they are taken from the edit: a new project starts as a draft, an existing one keeps
    its status and review fields, whatever ``project`` holds in memory. A Koordinator's edit of a
    published project becomes a change for review (:func:`project_propose_changes`), together with
    ``related``, the Kennzahlen and links edited with it (``Project.RELATED_REVIEWED``); any other edit
    is saved at once, with one history entry (and ``related`` is saved by the caller's inlines).
    """
    values = _edited_values(cleaned_data)
    if project.pk is None:
        return _edit_directly(Project(), values, by)
    _require_access(project, by)
    live = _locked(project)
    if edits_are_proposals(live, by):
        return _propose(live, values, by, related)
    return _edit_directly(live, values, by)


@transaction.atomic
def project_restore(*, project: Project, cleaned_data: dict, by) -> Project:
    """Restore the content of an old version (the admin's history page).

    Like an edit, but a published project is never changed directly, not even by a reviewer: the old
    content becomes a change for review. The status never comes back from the old version, so an
    archived project stays archived and a draft stays a draft.
    """
    values = _edited_values(cleaned_data)
    _require_access(project, by)
    live = _locked(project)
    if live.is_published:
        return _propose(live, values, by)
    return _edit_directly(live, values, by)


@transaction.atomic
def project_submit(*, project: Project, by) -> Project:
    """A Koordinator hands a draft to the Steuerungsgruppe for review."""
    _require_access(project, by)
    if project.status != Project.Status.DRAFT:
        raise ValidationError(_("Nur Entwürfe können zur Prüfung eingereicht werden."))
    project.full_clean()
    project.status = Project.Status.IN_REVIEW
    project.submitted_at = timezone.now()
    project.submitted_by = by
    project.review_comment = ""
    save_with_history(project, by=by, reason=_("Zur Prüfung eingereicht"))
    mail_reviewers("project_submitted", project, by=by)
    return project


def _normalised(name: str, value):
    if name in Project.MANY_TO_MANY_REVIEWED_FIELDS:
        return sorted(value)
    if name in Project.RELATED_REVIEWED:
        return [{column: normalise_text(row.get(column)) for column in Project.RELATED_REVIEWED[name]} for row in value]
    return normalise_text(value)


@transaction.atomic
def project_propose_changes(*, project: Project, changes: dict, by) -> Project:
    """Keep edits of a published project aside until a reviewer approves them.

    ``changes`` maps reviewed field names to their new values (many-to-many fields: lists of ids;
    ``indicators`` and ``links``: the whole new list of rows, see ``Project.RELATED_REVIEWED``).
    Values equal to the published ones are dropped; if nothing differs, nothing is pending.
    """
    _require_access(project, by)
    if project.status != Project.Status.PUBLISHED:
        raise ValidationError(_("Nur veröffentlichte Projekte haben ausstehende Änderungen."))
    unknown = set(changes) - set(Project.REVIEWED_FIELDS) - set(Project.RELATED_REVIEWED)
    if unknown:
        raise ValidationError(_("Unbekannte Felder: {names}").format(names=", ".join(sorted(unknown))))
    live = {**project.reviewed_values(), **project.related_values()}
    normalised = {name: _normalised(name, value) for name, value in changes.items()}
    # Stored texts from before normalising (or from the demo data) compare in the same form.
    project.pending_changes = {name: value for name, value in normalised.items() if value != normalise_text(live[name])}
    project.review_comment = ""
    if project.pending_changes:
        project.submitted_at = timezone.now()
        project.submitted_by = by
    # The published version did not change: no new history entry until the changes are approved.
    save_with_history(project, by=by, reason="", record_history=False)
    if project.pending_changes:
        mail_reviewers("project_changes_submitted", project, by=by)
    return project


@transaction.atomic
def project_publish(*, project: Project, by) -> Project:
    """A reviewer publishes a submitted project (or a draft of their own)."""
    require_reviewer(by)
    if project.status not in {Project.Status.IN_REVIEW, Project.Status.DRAFT}:
        raise ValidationError(_("Dieses Projekt ist bereits veröffentlicht oder archiviert."))
    project.full_clean()
    now = timezone.now()
    project.status = Project.Status.PUBLISHED
    project.reviewed_at = now
    project.reviewed_by = by
    project.review_comment = ""
    project.confirmed_at = now
    save_with_history(project, by=by, reason=_("Veröffentlicht"))
    mail_submitter("project_published", project, url=project.get_absolute_url())
    return project


@transaction.atomic
def project_return(*, project: Project, by, comment: str) -> Project:
    """A reviewer sends a submission, submitted changes or an archiving request back with a comment."""
    return_to_submitter(
        project,
        by=by,
        comment=comment,
        template="project_returned",
        nothing_to_return=_("Zurückgeben lassen sich nur eingereichte Projekte und eingereichte Änderungen."),
    )
    return project


@transaction.atomic
def project_approve_changes(*, project: Project, by) -> Project:
    """A reviewer takes the pending changes of a published project into the published version."""
    require_reviewer(by)
    if not (project.status == Project.Status.PUBLISHED and project.has_pending_changes):
        raise ValidationError(_("Für dieses Projekt liegen keine Änderungen zur Prüfung vor."))
    many_to_many, related = {}, {}
    for name, value in project.pending_changes.items():
        if name in Project.MANY_TO_MANY_REVIEWED_FIELDS:
            many_to_many[name] = value
        elif name in Project.RELATED_REVIEWED:
            related[name] = value
        else:
            setattr(project, name, value)
    project.pending_changes = {}
    project.review_comment = ""
    project.reviewed_at = timezone.now()
    project.reviewed_by = by
    project.full_clean()
    # Save the many-to-many fields first so that the new history entry records them.
    with history_paused(project):
        for name, ids in many_to_many.items():
            getattr(project, name).set(ids)
    for name, rows in related.items():
        _replace_related(project, name, rows)
    save_with_history(project, by=by, reason=_("Änderungen übernommen"))
    mail_submitter("project_changes_published", project, url=project.get_absolute_url())
    return project


def _replace_related(project: Project, name: str, rows: list[dict]) -> None:
    """The approved Kennzahlen or links replace the published ones."""
    manager = getattr(project, name)
    manager.all().delete()
    for row in rows:
        child = manager.model(project=project, **row)
        child.full_clean()
        child.save()


@transaction.atomic
def project_request_archiving(*, project: Project, by) -> Project:
    """A Koordinator asks to take a published project off the portal; a reviewer decides.

    Until then the project stays public. (Deleting is not offered: the transfers, reports and ledger
    entries that refer to it must keep their project.)
    """
    _require_access(project, by)
    if project.status != Project.Status.PUBLISHED:
        raise ValidationError(_("Archiviert werden können nur veröffentlichte Projekte."))
    if project.has_archive_request:
        raise ValidationError(_("Die Archivierung ist bereits beantragt."))
    request_archiving(project, by=by, template="project_archive_requested")
    return project


@transaction.atomic
def project_archive(*, project: Project, by) -> Project:
    """A reviewer takes a published project off the portal (on request or on their own)."""
    require_reviewer(by)
    if project.status != Project.Status.PUBLISHED:
        raise ValidationError(_("Archiviert werden können nur veröffentlichte Projekte."))
    archive(
        project, by=by, template="project_archived", url=reverse("admin:projects_project_change", args=[project.pk])
    )
    return project


@transaction.atomic
def project_confirm(*, project: Project, by) -> Project:
    """ "Als aktuell bestätigen": the Koordinator vouches that the description is still current."""
    _require_access(project, by)
    project.confirmed_at = timezone.now()
    project.confirmation_reminder_sent_at = None
    save_with_history(project, by=by, reason=_("Als aktuell bestätigt"))
    return project


REMINDER_INTERVAL = timedelta(days=30)


def _confirmation_note(project: Project) -> str:
    if project.confirmed_at is None:
        return _("noch nie bestätigt")
    return _("zuletzt bestätigt am {date}").format(date=timezone.localtime(project.confirmed_at).strftime("%d.%m.%Y"))


@transaction.atomic
def projects_remind_stale(*, now=None) -> int:
    """Mail each Koordinator the published projects of their municipalities that nobody confirmed as
    current for a year. A project is mentioned again at most every 30 days. Returns the number of mails.

    The mails are queued in the transaction that records the reminder: a run that fails halfway
    leaves neither mails nor a reminder date behind.
    """
    now = now or timezone.now()
    due = (
        Project.objects.needs_confirmation(now)
        .filter(
            Q(confirmation_reminder_sent_at__isnull=True) | Q(confirmation_reminder_sent_at__lt=now - REMINDER_INTERVAL)
        )
        .select_related("municipality")
        .order_by("municipality__name", "title")
        .select_for_update(of=("self",), skip_locked=True)
    )
    by_municipality: dict[int, list[Project]] = {}
    for project in due:
        by_municipality.setdefault(project.municipality_id, []).append(project)
    if not by_municipality:
        return 0
    coordinators = (
        Coordinator.objects.filter(municipality_id__in=by_municipality, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )
    projects_per_user: dict[int, tuple] = {}
    for coordinator in coordinators:
        user, projects = projects_per_user.setdefault(coordinator.user_id, (coordinator.user, []))
        projects.extend(by_municipality[coordinator.municipality_id])
    mails = 0
    for user, projects in projects_per_user.values():
        items = [
            {"project": project, "url": absolute_url(reverse("admin:projects_project_change", args=[project.pk]))}
            for project in projects
        ]
        mails += len(mails_queue(recipients=[user], template="projects_stale", context={"items": items}))
    Project.objects.filter(pk__in=[project.pk for projects in by_municipality.values() for project in projects]).update(
        confirmation_reminder_sent_at=now
    )
    return mails


# The Kommune profile ------------------------------------------------------------------------------


def _require_municipality_access(municipality: Municipality, user) -> None:
    if not municipalities_for(user).filter(pk=municipality.pk).exists():
        raise PermissionDenied


def _mail_reviewers_about_profile(municipality: Municipality, *, by) -> None:
    mails_queue(
        recipients=reviewers(),
        template="municipality_changes_submitted",
        context={
            "municipality": municipality,
            "actor": by,
            "url": absolute_url(reverse("admin:projects_municipality_review", args=[municipality.pk])),
        },
    )


@transaction.atomic
def municipality_profile_save(
    *, municipality: Municipality, cleaned_data: dict, by, contacts: list[dict] | None = None
) -> Municipality:
    """Save an edit of a Kommune's profile (the fields of ``Municipality.PROFILE_FIELDS`` and, unless
    ``contacts`` is None, the whole new list of its contacts, see ``MunicipalityContact.REVIEWED_COLUMNS``).

    A reviewer's edit is saved at once. A coordinator's edit becomes a change for review: the values
    that differ from the public ones wait in ``pending_changes`` and the reviewers get a mail with the
    link to the review page; an edit that changes nothing leaves nothing pending. Contacts proposed
    earlier and not edited this time stay proposed.
    """
    unknown = set(cleaned_data) - set(Municipality.PROFILE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Diese Felder lassen sich nicht bearbeiten: {names}").format(names=", ".join(sorted(unknown)))
        )
    _require_municipality_access(municipality, by)
    # Browsers send CRLF, stored texts have LF: unchanged text must not count as a change.
    cleaned_data = {name: normalise_text(value) for name, value in cleaned_data.items()}
    live = Municipality.objects.select_for_update().get(pk=municipality.pk)
    proposed = Municipality.objects.get(pk=municipality.pk)
    for name, value in cleaned_data.items():
        setattr(proposed, name, value)
    proposed.clean_profile()
    contacts = None if contacts is None else _checked_contacts(live, contacts)
    if is_reviewer(by):
        for name, value in cleaned_data.items():
            setattr(live, name, value)
        live.full_clean()
        live.save()
        if contacts is not None:
            _replace_contacts(live, contacts)
        return live
    approved = live.profile_values()
    encoded = Municipality._meta.get_field("pending_changes").encoder()
    changes = {name: _jsonable(encoded, value) for name, value in cleaned_data.items() if value != approved[name]}
    if contacts is None:
        contacts = live.pending_changes.get("contacts")
    if contacts is not None and contacts != live.contact_rows():
        changes["contacts"] = contacts
    live.pending_changes = changes
    live.changes_submitted_at = timezone.now() if changes else None
    live.changes_submitted_by = by if changes else None
    live.review_comment = ""
    live.save(update_fields=["pending_changes", "changes_submitted_at", "changes_submitted_by", "review_comment"])
    if changes:
        _mail_reviewers_about_profile(live, by=by)
    return live


def _checked_contacts(municipality: Municipality, rows: list[dict]) -> list[dict]:
    """The contacts of an edit checked by the model's rules and in their order, as ``pending_changes``
    stores them (consent given today where no date was entered)."""
    checked, errors = [], []
    columns = MunicipalityContact.REVIEWED_COLUMNS
    for number, row in enumerate(rows, start=1):
        values = {column: normalise_text(row.get(column)) for column in columns}
        values["position"] = values["position"] if values["position"] is not None else number
        contact = MunicipalityContact(municipality=municipality, **values)
        try:
            contact.full_clean()
        except ValidationError as error:
            for message in error.messages:
                errors.append(_("Ansprechperson {number}: {message}").format(number=number, message=message))
            continue
        day = contact.consent_given_on
        checked.append({**{c: getattr(contact, c) for c in columns}, "consent_given_on": day and day.isoformat()})
    if errors:
        raise ValidationError(errors)
    return sorted(checked, key=lambda row: row["position"])


def _replace_contacts(municipality: Municipality, rows: list[dict]) -> None:
    """Approved contacts replace the published ones."""
    municipality.contacts.all().delete()
    for row in rows:
        contact = MunicipalityContact(municipality=municipality, **row)
        contact.full_clean()
        contact.save()


def _jsonable(encoder, value):
    """Dates and amounts as the JSON field stores them (ISO date, decimal string); the rest unchanged."""
    if value is None or isinstance(value, bool | int | str):
        return value
    return encoder.default(value)


@transaction.atomic
def municipality_profile_approve(*, municipality: Municipality, by) -> Municipality:
    """A reviewer takes the pending profile changes onto the public Kommune page."""
    require_reviewer(by)
    live = Municipality.objects.select_for_update().get(pk=municipality.pk)
    if not live.has_pending_changes:
        raise ValidationError(_("Für diese Kommune liegen keine Änderungen zur Prüfung vor."))
    submitter = live.changes_submitted_by
    contacts = live.pending_changes.get("contacts")
    for name, value in live.pending_changes.items():
        if name != "contacts":
            setattr(live, name, live._meta.get_field(name).to_python(value))
    live.pending_changes = {}
    live.changes_submitted_at = None
    live.changes_submitted_by = None
    live.review_comment = ""
    live.full_clean()
    live.save()
    if contacts is not None:
        _replace_contacts(live, contacts)
    if submitter is not None:
        mails_queue(
            recipients=[submitter],
            template="municipality_changes_published",
            context={"municipality": live, "url": absolute_url(live.get_absolute_url())},
        )
    return live


@transaction.atomic
def municipality_profile_return(*, municipality: Municipality, by, comment: str) -> Municipality:
    """A reviewer sends the pending profile changes back with a comment. The public profile stays; the
    coordinator sees the comment and their proposed values, and their next save submits them again."""
    require_reviewer(by)
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Bitte schreiben Sie, was noch geändert werden soll.")})
    live = Municipality.objects.select_for_update().get(pk=municipality.pk)
    if not live.has_pending_changes:
        raise ValidationError(_("Für diese Kommune liegen keine Änderungen zur Prüfung vor."))
    live.review_comment = comment
    live.save(update_fields=["review_comment"])
    if live.changes_submitted_by is not None:
        mails_queue(
            recipients=[live.changes_submitted_by],
            template="municipality_changes_returned",
            context={
                "municipality": live,
                "comment": comment,
                "url": absolute_url(reverse("admin:projects_municipality_change", args=[live.pk])),
            },
        )
    return live


# Population by age band --------------------------------------------------------------------------------

POPULATION_COLUMNS = ("regionalschluessel", "jahr", "altersgruppe", "anzahl", "quelle")


def _age_band(text: str) -> str | None:
    value = text.replace("–", "-").removesuffix("Jahre").replace(" ", "")
    return value if value in AgeBand.values else None


@transaction.atomic
def population_import(*, rows: Iterable[dict[str, str]]) -> int:
    """Store children per age band from rows keyed by the Amtlicher Regionalschlüssel (a CSV of the
    statistics office); a row for a band and year already stored replaces it. All or nothing: any
    faulty row raises a ValidationError naming every faulty line, and nothing is stored."""
    rows = list(rows)
    keys = {(row.get("regionalschluessel") or "").strip() for row in rows}
    municipalities = {m.regional_key: m for m in Municipality.objects.filter(regional_key__in=keys - {""})}
    errors, figures = [], []
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        key = (row.get("regionalschluessel") or "").strip()
        municipality = municipalities.get(key)
        band = _age_band(row.get("altersgruppe") or "")
        year, count = (row.get("jahr") or "").strip(), (row.get("anzahl") or "").replace(".", "").strip()
        source = (row.get("quelle") or "").strip()
        if municipality is None:
            message = _("Zeile {line}: keine Kommune mit dem Regionalschlüssel „{key}“.")
            errors.append(message.format(line=line, key=key))
        elif band is None:
            errors.append(
                _("Zeile {line}: Altersgruppe „{band}“ unbekannt (erlaubt: {allowed}).").format(
                    line=line, band=row.get("altersgruppe", ""), allowed=", ".join(AgeBand.values)
                )
            )
        elif not (year.isdigit() and count.isdigit() and source):
            errors.append(_("Zeile {line}: Jahr, Anzahl (ganze Zahlen) und Quelle sind Pflicht.").format(line=line))
        else:
            figure = PopulationFigure(
                municipality=municipality, year=int(year), age_band=band, count=int(count), source=source
            )
            try:
                figure.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                errors.append(_("Zeile {line}: {message}").format(line=line, message=" ".join(error.messages)))
            figures.append(figure)
    if errors:
        raise ValidationError(errors)
    for figure in figures:
        PopulationFigure.objects.update_or_create(
            municipality=figure.municipality,
            year=figure.year,
            age_band=figure.age_band,
            defaults={"count": figure.count, "source": figure.source},
        )
    return len(figures)
