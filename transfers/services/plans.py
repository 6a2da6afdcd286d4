"""The transfer plan: goals, milestones and their reminders, the mid-point check and the close."""

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from projects.models import Municipality
from projects.services import project_propose_changes
from transferboerse.background import enqueue_on_commit

from .. import tasks
from ..models import (
    Notification,
    PlanMilestone,
    Side,
    TransferInterest,
    TransferPlan,
)
from .interests import StepNotAllowed
from .notifications import coordinators_of, notify
from .subscriptions import followers_of

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
