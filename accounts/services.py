"""Steps on people: inviting them into the back office, and locking their access again.

An invitation is one step instead of three settings on two admin pages: the account (staff, no
password yet), its role group and, for a Koordinator, the Kommunen they coordinate are written together,
and the invitation mail goes into the outbox in the same transaction. Its link (``invitation_url``) is
valid for ``INVITATION_VALID_FOR`` and only until the person has set a password.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth.models import Group
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _

from .models import Coordinator, Role, User
from .outbox import absolute_url, mails_queue

INVITATION_VALID_FOR = timedelta(days=7)


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Like a password-reset link (it ends once a password is set), but valid for seven days and not
    interchangeable with one (a salt of its own)."""

    key_salt = "accounts.services.InvitationTokenGenerator"

    def check_token(self, user, token) -> bool:
        if not (user and token):
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        if self._num_seconds(self._now()) - timestamp > INVITATION_VALID_FOR.total_seconds():
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_tokens = InvitationTokenGenerator()


def can_invite(user) -> bool:
    """The operator (superuser) and the Redaktion invite people into the back office."""
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or user.has_role(Role.EDITORIAL)))


def can_deactivate(user) -> bool:
    return can_invite(user)


def invitation_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return absolute_url(reverse("accounts:invitation", args=[uid, invitation_tokens.make_token(user)]))


@transaction.atomic
def user_invite(*, first_name: str, last_name: str, email: str, role: Role, municipalities: Iterable, by: User) -> User:
    """Create (or renew) the invitation of a person and queue the mail with the link.

    A person who was invited before but never set a password gets a new link (the old one stops
    working) and the new role and Kommunen in addition to the old ones. Anyone who already signs in is
    refused: their access is changed on their account, not by a new invitation.
    """
    if not can_invite(by):
        raise PermissionDenied
    email = email.strip()
    municipalities = list(municipalities)
    if role == Role.COORDINATOR and not municipalities:
        raise ValidationError({"municipalities": _("Bitte wählen Sie mindestens eine Kommune aus.")})
    user = User.objects.select_for_update().filter(email__iexact=email).first()
    if user is not None and user.has_usable_password():
        raise ValidationError(
            {
                "email": _(
                    "Mit dieser Adresse meldet sich bereits jemand an. Ändern Sie Rolle und Kommunen im Benutzerkonto."
                )
            }
        )
    if user is None:
        user = User(username=email.lower(), email=email)
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.is_staff = True
    user.is_active = True
    user.set_unusable_password()  # also ends the link of an earlier invitation
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(Group.objects.get(name=role.value))
    for municipality in municipalities:
        Coordinator.objects.get_or_create(user=user, municipality=municipality)
    mails_queue(
        recipients=[user],
        template="invitation",
        context={
            "url": invitation_url(user),
            "role": role.label,
            "municipalities": [str(municipality) for municipality in municipalities],
            "valid_until": timezone.localtime(timezone.now() + INVITATION_VALID_FOR),
            "invited_by": by,
        },
    )
    return user


@transaction.atomic
def user_deactivate(*, user: User, by: User) -> User:
    """Lock a person out in one step: no sign-in, no password reset, open sessions end with the next
    request (Django's backend no longer returns an inactive user). Everything they entered stays."""
    if not can_deactivate(by):
        raise PermissionDenied
    if user.pk == by.pk:
        raise ValidationError(_("Ihren eigenen Zugang können Sie nicht sperren."))
    if user.is_superuser and not by.is_superuser:
        raise PermissionDenied
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user
