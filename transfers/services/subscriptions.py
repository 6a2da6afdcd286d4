"""Follows and saved searches: who gets news of an offer, a request, a project or a list."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import saved_searches
from ..models import (
    Follow,
    Notification,
    SavedSearch,
    TransferOffer,
    TransferRequest,
)
from .notifications import notify


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


# Followers hear of an offer at most once in this period, however often it is switched off and on.
ANNOUNCE_INTERVAL = timedelta(days=30)


@transaction.atomic
def offer_announce(*, offer: TransferOffer, was_public: bool, by: User) -> list[Notification]:
    """Tell the followers of a project that it has a transfer offer now, once the offer is public.

    Called after every save of an offer with whether it was public before, so only the save that
    makes it public (new, reactivated) announces it, and that at most once per offer within
    ``ANNOUNCE_INTERVAL``: an offer switched off and on again is no news."""
    if was_public:
        return []
    locked = TransferOffer.objects.active().select_for_update(of=("self",)).filter(pk=offer.pk).first()
    if locked is None:
        return []
    now = timezone.now()
    if locked.announced_at is not None and locked.announced_at > now - ANNOUNCE_INTERVAL:
        return []
    # update(): the announcement is no edit of the offer (no version, no "geändert").
    TransferOffer.objects.filter(pk=offer.pk).update(announced_at=now)
    offer.announced_at = now
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
