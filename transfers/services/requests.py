"""Transfer requests (Gesuche): publishing, asking for an offer, matching and closing."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.models import User
from networks.models import Network
from projects.models import ActionField, Municipality, Project, TargetGroup, Transition

from .. import matching
from ..models import (
    Notification,
    TransferInterest,
    TransferRequest,
)
from .notifications import coordinators_of, notify
from .subscriptions import followers_of


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
