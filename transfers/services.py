"""Writes of the Transferbörse: each step is atomic, leaves a timeline entry and queues its notifications."""

from collections.abc import Iterable
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.outbox import absolute_url, mails_queue
from networks.models import Network
from projects.models import ActionField, Municipality, Project, TargetGroup, Transition
from projects.services import project_propose_changes
from transferboerse.background import enqueue_on_commit

from . import matching, saved_searches, tasks
from .models import (
    STEPS,
    Action,
    Follow,
    Notification,
    NotificationPreference,
    PlanMilestone,
    SavedSearch,
    Side,
    TransferEvent,
    TransferInterest,
    TransferOffer,
    TransferPlan,
    TransferRequest,
    TransferService,
)


class StepNotAllowed(ValidationError):
    """A step the user may not take now; the message says why, in German."""


# --- notifications ------------------------------------------------------------------------------


def coordinators_of(municipality_ids: Iterable[int]):
    return User.objects.filter(coordinator_roles__municipality_id__in=list(municipality_ids), is_active=True).distinct()


def notify(
    recipients: Iterable[User],
    *,
    subject: str,
    body: str,
    url: str = "",
    kind: str = Notification.Kind.TRANSFER,
    interest=None,
    exclude: User | None = None,
    unsubscribe_url: str = "",
) -> list[Notification]:
    """Store an in-app notification per recipient and queue the mail for those who want it at once.

    The mails go into the outbox in the caller's transaction and are sent by the background worker:
    a slow or broken mail server never blocks or undoes the step that caused the notification.
    """
    users = {user.pk: user for user in recipients if exclude is None or user.pk != exclude.pk}
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind=kind,
                subject=subject,
                body=body,
                url=url,
                interest=interest,
                unsubscribe_url=unsubscribe_url,
            )
            for user in users.values()
        ]
    )
    mail_instant_notifications(notifications)
    return notifications


def mail_instant_notifications(notifications: list[Notification]) -> int:
    """Queue a mail for each notification whose recipient wants them at once; returns how many.

    The notification counts as mailed once its mail is in the outbox (the worker sends it, retries
    it and shows the Redaktion if it finally fails); digests collect only the others.
    """
    preferences = {
        preference.user_id: preference
        for preference in NotificationPreference.objects.filter(user__in=[n.recipient_id for n in notifications])
    }
    mailed = []
    for notification in notifications:
        user = notification.recipient
        preference = preferences.get(user.pk)
        wanted = preference.frequency_for(notification.kind) if preference else NotificationPreference.Frequency.INSTANT
        if not user.email or wanted != NotificationPreference.Frequency.INSTANT:
            continue
        mails_queue(
            recipients=[user],
            template="notification",
            context={
                "notification": notification,
                "url": absolute_url(notification.url),
                "unsubscribe_url": absolute_url(notification.unsubscribe_url) if notification.unsubscribe_url else "",
            },
        )
        mailed.append(notification.pk)
    if mailed:
        Notification.objects.filter(pk__in=mailed).update(mailed_at=timezone.now())
    return len(mailed)


def digests_send(*, frequency: str, now: datetime | None = None) -> int:
    """Queue for every user with the given frequency one summary of their unmailed notifications of
    the kinds they want at that frequency.

    One transaction per user: the digest mail, the notifications marked as mailed and
    ``last_digest_at`` are written together, and a second run at the same time skips users the first
    one is working on (their preference row is locked) and finds nothing left for the others.
    """
    now = now or timezone.now()
    queued = 0
    user_ids = NotificationPreference.objects.filter(NotificationPreference.with_any(frequency)).values_list(
        "user_id", flat=True
    )
    for user_id in list(user_ids):
        with transaction.atomic():
            preference = (
                NotificationPreference.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user")
                .filter(NotificationPreference.with_any(frequency), user_id=user_id)
                .first()
            )
            if preference is None or not preference.user.email:
                continue
            user = preference.user
            pending = list(
                user.transfer_notifications.unmailed()
                .filter(kind__in=preference.kinds_with(frequency))
                .order_by("created_at", "pk")
            )
            if not pending:
                continue
            mails_queue(recipients=[user], template="digest", context={"notifications": pending})
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(mailed_at=now)
            preference.last_digest_at = now
            preference.save(update_fields=["last_digest_at"])
            queued += 1
    return queued


def notification_preference_set(*, user: User, **frequencies: str) -> NotificationPreference:
    """Set the user's mail frequency for the kinds given by field name (``frequency``,
    ``followed_frequency`` …); kinds not given keep their setting."""
    unknown = set(frequencies) - set(NotificationPreference.FIELDS.values())
    if unknown:
        raise ValueError(f"unknown notification settings: {sorted(unknown)}")
    preference, _created = NotificationPreference.objects.update_or_create(user=user, defaults=frequencies)
    return preference


def notifications_mark_read(*, user: User) -> int:
    return user.transfer_notifications.unread().update(read_at=timezone.now())


# --- follows ------------------------------------------------------------------------------------


def follow_toggle(*, user: User, target) -> bool:
    """Follow or unfollow an offer, request or project; returns whether the user follows it now."""
    field = {TransferOffer: "offer", TransferRequest: "request"}.get(type(target), "project")
    deleted, _rows = Follow.objects.filter(user=user, **{field: target}).delete()
    if deleted:
        return False
    Follow.objects.get_or_create(user=user, **{field: target})
    return True


def followers_of(*targets) -> list[User]:
    users: dict[int, User] = {}
    for target in targets:
        if target is None:
            continue
        field = {TransferOffer: "offer", TransferRequest: "request"}.get(type(target), "project")
        for follow in Follow.objects.filter(**{field: target}).select_related("user"):
            users[follow.user.pk] = follow.user
    return list(users.values())


def offer_announce(*, offer: TransferOffer, was_public: bool, by: User) -> list[Notification]:
    """Tell the followers of a project that it has a transfer offer now, once the offer is public.

    Called after every save of an offer with whether it was public before, so only the save that
    makes it public (new, reactivated) announces it."""
    if was_public or not TransferOffer.objects.active().filter(pk=offer.pk).exists():
        return []
    project = offer.project
    return notify(
        followers_of(project),
        kind=Notification.Kind.FOLLOWED,
        subject=_("Neues Transfer-Angebot zu „{project}“").format(project=project),
        body=_("{municipality} bietet den Transfer von „{project}“ an: {description}").format(
            municipality=project.municipality, project=project, description=offer.description
        ),
        url=offer.get_absolute_url(),
        exclude=by,
    )


# --- saved searches -----------------------------------------------------------------------------


@transaction.atomic
def saved_search_create(*, user: User, list_name: str, query: str, frequency: str) -> SavedSearch:
    """Save the list's current filters and search; what it shows now counts as seen."""
    if list_name not in saved_searches.LISTS:
        raise ValidationError(_("Für diese Liste lassen sich keine Suchaufträge speichern."))
    query = QueryDict(query).copy()
    for page in ("page", "seite"):  # the page of the list is no part of the search
        query.pop(page, None)
    query = query.urlencode()
    existing = SavedSearch.objects.filter(user=user, list_name=list_name, query=query).first()
    if existing is not None:
        existing.frequency = frequency
        existing.save(update_fields=["frequency"])
        return existing
    searchable = saved_searches.LISTS[list_name]
    saved = SavedSearch(
        user=user,
        list_name=list_name,
        query=query,
        frequency=frequency,
        description=_("{list}: {query}").format(
            list=searchable.label, query=saved_searches.describe(list_name, query) or _("alle")
        )[:300],
        seen_ids=saved_searches.result_ids(list_name, query),
        last_checked_at=timezone.now(),
    )
    saved.full_clean()
    saved.save()
    return saved


@transaction.atomic
def saved_search_unsubscribe(*, token: str) -> SavedSearch | None:
    """Delete the saved search of the link; ``None`` if it is gone already."""
    saved = SavedSearch.objects.filter(token=token).first()
    if saved is not None:
        saved.delete()
    return saved


def saved_searches_check(*, frequency: str) -> int:
    """Notify each saved search of this frequency of the results that are new since its last check.

    One transaction per saved search; the notification goes out like every other (at once or in the
    user's digest) and names the link to stop the search. Returns how many searches found something.
    """
    found = 0
    for saved_id in list(SavedSearch.objects.filter(frequency=frequency).values_list("pk", flat=True)):
        with transaction.atomic():
            saved = (
                SavedSearch.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user")
                .filter(pk=saved_id)
                .first()
            )
            if saved is None or saved.list_name not in saved_searches.LISTS:
                continue
            ids = saved_searches.result_ids(saved.list_name, saved.query)
            new = sorted(set(ids) - set(saved.seen_ids))
            saved.seen_ids = ids
            saved.last_checked_at = timezone.now()
            saved.save(update_fields=["seen_ids", "last_checked_at"])
            if not new or not saved.user.is_active:
                continue
            items = saved_searches.results(saved.list_name, new)
            searchable = saved_searches.LISTS[saved.list_name]
            notifications = notify(
                [saved.user],
                kind=Notification.Kind.SAVED_SEARCH,
                subject=_("Neu in Ihrem Suchauftrag „{search}“: {items}").format(
                    search=saved.description, items=", ".join(str(item) for item in items)
                )[:200],
                body=_("Neu zu Ihrem Suchauftrag „{search}“:\n\n{items}").format(
                    search=saved.description, items="\n".join(f"- {item}" for item in items)
                ),
                url=reverse(searchable.url_name) + (f"?{saved.query}" if saved.query else ""),
                unsubscribe_url=saved.get_unsubscribe_url(),
            )
            found += bool(notifications)
    return found


# --- interests ----------------------------------------------------------------------------------

# LOCKING: a registration locks the offer's row, a step (withdrawal included) the interest's row, each
# with ``of=("self",)`` and ``no_key=True`` and nothing else, in this order (offer before interest)
# wherever both are needed. Rows of projects, Kommunen and users are never locked: every new interest,
# event and notification takes a key-share lock on them for its foreign keys, and FOR UPDATE on such a
# row made two cross-registering Kommunen wait for each other (tests/transfers/test_deadlock.py).
# FOR NO KEY UPDATE still serialises two writers of the same offer or interest.


@transaction.atomic
def interest_register(
    *,
    offer: TransferOffer,
    municipality: Municipality,
    user: User,
    services: Iterable[TransferService] = (),
    message: str = "",
    preferred_period: str = "",
    contact_name: str = "",
    contact_email: str = "",
    request: TransferRequest | None = None,
) -> TransferInterest:
    """Register a municipality's interest in an offer; refused for its own offer, for a second open
    interest and for services without free capacity (rows locked so two towns cannot take the last place).

    ``request`` is the municipality's Gesuch the interest answers; accepting the interest marks it
    "vermittelt"."""
    if municipality.pk not in user.coordinated_municipality_ids():
        raise ValidationError(_("Sie koordinieren diese Kommune nicht."))
    # Lock the offer row only (see LOCKING): a lock on the offering Kommune's row, as a plain
    # select_for_update() with select_related took, deadlocked against the other Kommune's registration.
    offer = (
        TransferOffer.objects.select_for_update(of=("self",), no_key=True)
        .select_related("project__municipality")
        .get(pk=offer.pk)
    )
    if not offer.is_active or not offer.project.is_published:
        raise ValidationError(_("Dieses Angebot ist nicht mehr aktiv."))
    if offer.project.municipality_id == municipality.pk:
        raise ValidationError(_("Eine Kommune kann kein Transferinteresse am eigenen Angebot anmelden."))
    if offer.interests.open().filter(municipality=municipality).exists():
        raise ValidationError(
            _("{municipality} hat für dieses Angebot bereits ein offenes Transferinteresse.").format(
                municipality=municipality
            )
        )
    wanted = list(
        TransferService.objects.with_booked().filter(offer=offer, pk__in=[service.pk for service in services])
    )
    full = [service for service in wanted if service.free_capacity < 1]
    if full:
        raise ValidationError(
            {
                "services": _("Für diese Leistung ist keine Kapazität mehr frei: {services}.").format(
                    services=", ".join(str(service) for service in full)
                )
            }
        )
    if request is not None and request.status != TransferRequest.Status.OPEN:
        raise ValidationError({"request": _("Das Gesuch „{title}“ ist nicht mehr offen.").format(title=request.title)})
    interest = TransferInterest(
        offer=offer,
        municipality=municipality,
        request=request,
        message=message,
        preferred_period=preferred_period,
        contact_name=contact_name,
        contact_email=contact_email,
        registered_by=user,
    )
    interest.full_clean()
    interest.save()
    interest.services.set(wanted)
    TransferEvent.objects.create(
        interest=interest,
        action=Action.REGISTER,
        to_stage=interest.stage,
        side=Side.ADOPTING,
        actor=user,
        actor_municipality=municipality,
        comment=message,
    )
    url = interest.get_absolute_url()
    notify(
        coordinators_of([offer.project.municipality_id]),
        subject=_("Neues Transferinteresse: {municipality} an „{project}“").format(
            municipality=municipality, project=offer.project
        ),
        body=_(
            "{municipality} hat Interesse an Ihrem Transfer-Angebot „{project}“ angemeldet.\n\n"
            "Nachricht: {message}\nGewünschte Leistungen: {services}\nZeitraum: {period}\n\n"
            "Bitte nehmen Sie das Interesse an oder lehnen Sie es ab."
        ).format(
            municipality=municipality,
            project=offer.project,
            message=message or "–",
            services=", ".join(str(service) for service in wanted) or "–",
            period=preferred_period or "–",
        ),
        url=url,
        interest=interest,
        exclude=user,
    )
    followers = [u for u in followers_of(offer) if u.pk not in {c.pk for c in coordinators_of([municipality.pk])}]
    notify(
        followers,
        kind=Notification.Kind.FOLLOWED,
        subject=_("Neues Interesse am Angebot „{project}“").format(project=offer.project),
        body=_("Eine weitere Kommune interessiert sich für das Transfer-Angebot „{project}“.").format(
            project=offer.project
        ),
        url=offer.get_absolute_url(),
        exclude=user,
    )
    return interest


@transaction.atomic
def interest_advance(
    *,
    interest: TransferInterest,
    action: str,
    user: User,
    comment: str = "",
    is_private: bool = False,
    experience: dict | None = None,
) -> TransferInterest:
    """Take one step of the workflow (or add a note), with a row lock: two coordinators acting at
    the same moment are serialised, and the second one sees the new stage and gets a clear error."""
    interest = (
        TransferInterest.objects.select_for_update(of=("self",), no_key=True)
        .select_related("offer__project__municipality", "municipality")
        .get(pk=interest.pk)
    )
    error = interest.step_error(action, user)
    if error:
        raise StepNotAllowed(error)
    step = STEPS[action]
    sides = interest.sides_of(user)
    side = step.side or (Side.ADOPTING if Side.ADOPTING in sides else Side.OFFERING)
    acting_municipality_id = interest.municipality_id if side == Side.ADOPTING else interest.offering_municipality_id
    if is_private and action != Action.NOTE:
        raise StepNotAllowed(_("Nur Notizen können intern bleiben."))
    if action == Action.NOTE and not comment.strip():
        raise ValidationError({"comment": _("Bitte schreiben Sie eine Notiz.")})

    from_stage = interest.stage
    if step.target is not None:
        interest.stage = step.target
    if action == Action.RATE:
        experience = experience or {}
        interest.experience_worked = experience.get("experience_worked", "")
        interest.experience_adapted = experience.get("experience_adapted", "")
        interest.experience_warnings = experience.get("experience_warnings", "")
        interest.rating = experience.get("rating")
        interest.rated_at = timezone.now()
        if not interest.experience_worked.strip():
            raise ValidationError({"experience_worked": _("Bitte beschreiben Sie, was funktioniert hat.")})
    interest.full_clean()
    interest.save()
    if action == Action.ACCEPT:
        TransferPlan.objects.get_or_create(interest=interest)
        if interest.request_id:
            _request_mark_matched(interest, by=user)
    TransferEvent.objects.create(
        interest=interest,
        action=action,
        from_stage=from_stage,
        to_stage=interest.stage if step.target is not None else "",
        side=side,
        actor=user,
        actor_municipality_id=acting_municipality_id,
        comment=comment,
        is_private=is_private,
    )
    if not is_private:
        other_id = interest.offering_municipality_id if side == Side.ADOPTING else interest.municipality_id
        acting = interest.municipality if side == Side.ADOPTING else interest.offer.project.municipality
        notify(
            coordinators_of([other_id]),
            subject=_("{municipality}: {action} – „{project}“").format(
                municipality=acting, action=Action(action).label, project=interest.offer.project
            ),
            body=_(
                "{municipality} hat beim Transfer „{project}“ den Schritt „{action}“ festgehalten.{stage}{comment}"
            ).format(
                municipality=acting,
                project=interest.offer.project,
                action=Action(action).label,
                stage=(
                    "\n" + _("Neuer Stand: {stage}").format(stage=interest.get_stage_display()) if step.target else ""
                ),
                comment=("\n\n" + comment) if comment else "",
            ),
            url=interest.get_absolute_url(),
            interest=interest,
            exclude=user,
        )
    if action == Action.RATE:
        involved = {u.pk for u in coordinators_of([interest.municipality_id, interest.offering_municipality_id])}
        notify(
            [u for u in followers_of(interest.offer, interest.offer.project) if u.pk not in involved],
            kind=Notification.Kind.FOLLOWED,
            subject=_("Neuer Erfahrungsbericht zu „{project}“").format(project=interest.offer.project),
            body=_("{municipality} berichtet, wie die Übernahme von „{project}“ gelaufen ist.").format(
                municipality=interest.municipality, project=interest.offer.project
            ),
            url=interest.offer.project.get_absolute_url(),
        )
    return interest


# --- the transfer plan --------------------------------------------------------------------------

REMINDER_HOUR = 8  # due milestones are reminded in the morning of their date (local time)


def _plan_side(interest: TransferInterest, user: User, *, side: str | None = None) -> str:
    """The side the user writes the plan for; refused before the Erstgespräch or for others."""
    sides = interest.sides_of(user)
    if not sides:
        raise StepNotAllowed(_("Sie koordinieren keine der beiden Kommunen dieses Transfers."))
    if interest.stage not in TransferInterest.PLAN_STAGES:
        raise StepNotAllowed(_("Einen Transferplan gibt es erst nach dem Erstgespräch."))
    if side is not None and side not in sides:
        raise StepNotAllowed(_("Sie koordinieren diese Seite des Transfers nicht."))
    return side or (Side.ADOPTING if Side.ADOPTING in sides else Side.OFFERING)


def _open_plan(interest: TransferInterest) -> TransferPlan:
    plan, _created = TransferPlan.objects.select_for_update(of=("self",), no_key=True).get_or_create(interest=interest)
    if plan.is_closed:
        raise StepNotAllowed(_("Der Transferplan ist abgeschlossen."))
    return plan


def _side_municipality_id(interest: TransferInterest, side: str) -> int:
    return interest.municipality_id if side == Side.ADOPTING else interest.offering_municipality_id


def _notify_other_side(interest: TransferInterest, side: str, *, subject: str, body: str, by: User) -> None:
    other = Side.OFFERING if side == Side.ADOPTING else Side.ADOPTING
    notify(
        coordinators_of([_side_municipality_id(interest, other)]),
        subject=subject,
        body=body,
        url=reverse("transfers:plan", kwargs={"pk": interest.pk}),
        interest=interest,
        exclude=by,
    )


@transaction.atomic
def plan_save(
    *, interest: TransferInterest, user: User, goals: str, support_group: str, midpoint_on: date | None
) -> TransferPlan:
    """Write the goals, the local Begleitgruppe and the date of the mid-point check."""
    _plan_side(interest, user)
    plan = _open_plan(interest)
    plan.goals, plan.support_group, plan.midpoint_on = goals, support_group, midpoint_on
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def milestone_add(
    *, interest: TransferInterest, user: User, title: str, due_on: date, side: str, owner: User
) -> PlanMilestone:
    """Add a milestone for one side; its owner coordinates that side and is reminded on the due date."""
    _plan_side(interest, user)
    if owner.pk not in {u.pk for u in coordinators_of([_side_municipality_id(interest, side)])}:
        raise ValidationError(
            {"owner": _("Verantwortlich kann nur eine Koordinatorin oder ein Koordinator dieser Seite sein.")}
        )
    plan = _open_plan(interest)
    milestone = PlanMilestone(plan=plan, title=title, due_on=due_on, side=side, owner=owner)
    milestone.full_clean()
    milestone.save()
    remind_at = timezone.make_aware(datetime.combine(due_on, time(REMINDER_HOUR)))
    enqueue_on_commit(tasks.milestone_remind.using(run_after=max(remind_at, timezone.now())), milestone.pk)
    return milestone


@transaction.atomic
def milestone_done(*, milestone: PlanMilestone, user: User) -> PlanMilestone:
    interest = milestone.plan.interest
    _plan_side(interest, user)
    _open_plan(interest)
    milestone.done_at = timezone.now()
    milestone.save(update_fields=["done_at"])
    return milestone


@transaction.atomic
def milestone_remind(*, milestone_id: int, today: date | None = None) -> bool:
    """Remind the owner of a due, open milestone once; returns whether a reminder went out."""
    milestone = (
        PlanMilestone.objects.select_for_update(of=("self",), no_key=True)
        .select_related("plan__interest__offer__project", "owner")
        .filter(pk=milestone_id)
        .first()
    )
    today = today or timezone.localdate()
    if milestone is None or milestone.is_done or milestone.reminded_at or milestone.due_on > today:
        return False
    if milestone.plan.is_closed or not milestone.owner.is_active:
        return False
    interest = milestone.plan.interest
    notify(
        [milestone.owner],
        kind=Notification.Kind.REMINDER,
        subject=_("Meilenstein fällig: „{title}“").format(title=milestone.title),
        body=_("Im Transferplan „{project}“ ist der Meilenstein „{title}“ am {date} fällig.").format(
            project=interest.offer.project, title=milestone.title, date=f"{milestone.due_on:%d.%m.%Y}"
        ),
        url=reverse("transfers:plan", kwargs={"pk": interest.pk}),
        interest=interest,
    )
    milestone.reminded_at = timezone.now()
    milestone.save(update_fields=["reminded_at"])
    return True


@transaction.atomic
def plan_midpoint_record(*, interest: TransferInterest, user: User, review: str) -> TransferPlan:
    """Hold the mid-point check: where the adoption stands against its goals and milestones."""
    side = _plan_side(interest, user)
    if not review.strip():
        raise ValidationError({"midpoint_review": _("Bitte halten Sie fest, was der Halbzeit-Check ergeben hat.")})
    plan = _open_plan(interest)
    plan.midpoint_review = review
    plan.midpoint_done_at = timezone.now()
    plan.save(update_fields=["midpoint_review", "midpoint_done_at", "updated_at"])
    _notify_other_side(
        interest,
        side,
        subject=_("Halbzeit-Check festgehalten – „{project}“").format(project=interest.offer.project),
        body=review,
        by=user,
    )
    return plan


@transaction.atomic
def plan_close(
    *,
    interest: TransferInterest,
    user: User,
    side: str,
    lessons: str,
    success_factors_addition: str = "",
    pitfalls_addition: str = "",
) -> TransferPlan:
    """One side says what it learned; once both have, the plan is closed.

    The giving Kommune may add to its project's success factors and pitfalls: the additions go to
    the project's review as proposed changes (``project_propose_changes``), as every edit of a
    published project does."""
    side = _plan_side(interest, user, side=side)
    plan = _open_plan(interest)
    if plan.midpoint_done_at is None:
        raise ValidationError(_("Vor dem Abschluss steht der Halbzeit-Check."))
    if not lessons.strip():
        raise ValidationError({"lessons": _("Bitte schreiben Sie, was Ihre Kommune gelernt hat.")})
    if side == Side.OFFERING:
        plan.lessons_offering = lessons
        project = interest.offer.project
        changes = {}
        if success_factors_addition.strip():
            changes["success_factors"] = "\n".join(filter(None, [project.success_factors, success_factors_addition]))
        if pitfalls_addition.strip():
            changes["pitfalls"] = "\n".join(filter(None, [project.pitfalls, pitfalls_addition]))
        if changes:
            project_propose_changes(project=project, changes=changes, by=user)
    else:
        plan.lessons_adopting = lessons
    if plan.lessons_offering.strip() and plan.lessons_adopting.strip():
        plan.closed_at = timezone.now()
    plan.save()
    if plan.is_closed:
        involved = {u.pk for u in coordinators_of([interest.municipality_id, interest.offering_municipality_id])}
        project = interest.offer.project
        notify(
            [u for u in followers_of(project) if u.pk not in involved],
            kind=Notification.Kind.FOLLOWED,
            subject=_("Erkenntnisse aus einem Transfer von „{project}“").format(project=project),
            body=_("{giver}:\n{lessons_offering}\n\n{taker}:\n{lessons_adopting}").format(
                giver=project.municipality,
                lessons_offering=plan.lessons_offering,
                taker=interest.municipality,
                lessons_adopting=plan.lessons_adopting,
            ),
            url=project.get_absolute_url(),
        )
    _notify_other_side(
        interest,
        side,
        subject=_("Abschluss des Transferplans – „{project}“").format(project=interest.offer.project),
        body=_("Was {municipality} gelernt hat:\n\n{lessons}").format(
            municipality=Municipality.objects.get(pk=_side_municipality_id(interest, side)), lessons=lessons
        ),
        by=user,
    )
    return plan


# --- requests -----------------------------------------------------------------------------------


def _request_mark_matched(interest: TransferInterest, *, by: User) -> None:
    """The giving Kommune accepted a transfer that answers a Gesuch: the Gesuch is "vermittelt"."""
    request = TransferRequest.objects.select_for_update(of=("self",), no_key=True).get(pk=interest.request_id)
    if request.status != TransferRequest.Status.OPEN:
        return
    request.status = TransferRequest.Status.MATCHED
    request.save(update_fields=["status", "updated_at"])
    notify(
        followers_of(request),
        kind=Notification.Kind.FOLLOWED,
        subject=_("Transfer-Gesuch vermittelt: „{title}“").format(title=request.title),
        body=_("{municipality} übernimmt für das Gesuch „{title}“ das Projekt „{project}“ aus {giver}.").format(
            municipality=request.municipality,
            title=request.title,
            project=interest.offer.project,
            giver=interest.offer.project.municipality,
        ),
        url=request.get_absolute_url(),
        exclude=by,
    )


@transaction.atomic
def request_publish(
    *,
    user: User,
    municipality: Municipality,
    title: str,
    need: str,
    transitions: Iterable[Transition] = (),
    action_fields: Iterable[ActionField] = (),
    target_groups: Iterable[TargetGroup] = (),
) -> TransferRequest:
    """Publish a Transfer-Gesuch and route it: coordinators of municipalities with a fitting project and
    of the municipalities whose organisations coordinate networks on its transitions are notified."""
    if municipality.pk not in user.coordinated_municipality_ids():
        raise ValidationError(_("Sie koordinieren diese Kommune nicht."))
    request = TransferRequest(municipality=municipality, title=title, need=need, created_by=user)
    request.full_clean(exclude=["slug"])
    request.save()
    request.transitions.set(transitions)
    request.action_fields.set(action_fields)
    request.target_groups.set(target_groups)

    matching_ids = set(matching.project_municipalities_matching(request))
    network_ids = set(
        Network.objects.filter(
            transitions__in=list(transitions), coordinating_organisation__municipality__isnull=False
        ).values_list("coordinating_organisation__municipality_id", flat=True)
    )
    recipients = coordinators_of((matching_ids | network_ids) - {municipality.pk})
    notify(
        recipients,
        subject=_("Neues Transfer-Gesuch aus {municipality}: „{title}“").format(municipality=municipality, title=title),
        body=_(
            "{municipality} sucht eine funktionierende Lösung und Ihre Kommune hat passende Erfahrung.\n\n{need}"
        ).format(municipality=municipality, need=need),
        url=request.get_absolute_url(),
        exclude=user,
    )
    return request


@transaction.atomic
def offer_ask(*, project: Project, request: TransferRequest, user: User) -> list[Notification]:
    """Ask the Kommune of a published project without an active offer to offer a transfer for a Gesuch.

    Only the Gesuch's own Kommune may ask; the project's coordinators get a notification with a link
    to the form of a new offer for the project."""
    if request.municipality_id not in user.coordinated_municipality_ids():
        raise ValidationError(_("Nur die suchende Kommune kann um ein Transfer-Angebot bitten."))
    if not project.is_published or project.municipality_id == request.municipality_id:
        raise ValidationError(_("Für dieses Projekt kann kein Transfer-Angebot angefragt werden."))
    if project.transfer_offers.filter(is_active=True).exists():
        raise ValidationError(_("Zu diesem Projekt gibt es schon ein Transfer-Angebot."))
    subject = _("{municipality} bittet um ein Transfer-Angebot zu „{project}“").format(
        municipality=request.municipality, project=project
    )
    url = reverse("admin:transfers_transferoffer_add") + "?" + urlencode({"project": project.pk})
    # Every ask mails the project's coordinators: asking once is enough, a repeated click mails nobody.
    if Notification.objects.filter(subject=subject, url=url).exists():
        raise ValidationError(_("Ihre Kommune hat zu diesem Projekt schon um ein Transfer-Angebot gebeten."))
    return notify(
        coordinators_of([project.municipality_id]),
        subject=subject,
        body=_(
            "{municipality} sucht „{title}“ und hält Ihr Projekt „{project}“ für die passende Antwort.\n\n"
            "{need}\n\nWenn Sie Ihr Wissen weitergeben können, legen Sie bitte ein Transfer-Angebot an: "
            "mit Transferbereitschaft, Transferform und dem, was für eine Übernahme entscheidend ist."
        ).format(municipality=request.municipality, title=request.title, project=project, need=request.need),
        url=url,
        exclude=user,
    )


@transaction.atomic
def request_close(*, request: TransferRequest, user: User) -> TransferRequest:
    if request.municipality_id not in user.coordinated_municipality_ids():
        raise ValidationError(_("Nur die suchende Kommune kann ihr Gesuch schließen."))
    request.status = TransferRequest.Status.CLOSED
    request.save(update_fields=["status", "updated_at"])
    notify(
        followers_of(request),
        kind=Notification.Kind.FOLLOWED,
        subject=_("Transfer-Gesuch geschlossen: „{title}“").format(title=request.title),
        body=_("{municipality} hat das Gesuch „{title}“ geschlossen.").format(
            municipality=request.municipality, title=request.title
        ),
        url=request.get_absolute_url(),
        exclude=user,
    )
    return request
