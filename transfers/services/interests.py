"""Registering an interest in an offer and taking the steps of the transfer's workflow."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from projects.models import Municipality

from ..models import (
    STEPS,
    Action,
    Notification,
    Side,
    TransferEvent,
    TransferInterest,
    TransferOffer,
    TransferPlan,
    TransferRequest,
    TransferService,
)
from .notifications import coordinators_of, notify
from .requests import _request_mark_matched
from .subscriptions import followers_of


class StepNotAllowed(ValidationError):
    """A step the user may not take now; the message says why, in German."""


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
