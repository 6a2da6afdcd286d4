"""The second factor (TOTP, django-otp): who must use one, enrolment and check, and the middleware.

With ``settings.TWO_FACTOR_REQUIRED`` (production) superusers, Redaktion and Steuerungsgruppe, who
publish and administer, need a confirmed authenticator app and a session verified with its code. A
password sign-in alone brings them only to the page of ``accounts.views.second_factor``: set up the app
there at the first sign-in (QR code) and enter its code; every other page, public ones included,
redirects there until then. Koordinatoren may set up an app (``admin:accounts_two_factor``) but need not.
The sign-in form asks everyone with a confirmed app for its code (``accounts.forms.AdminLoginForm``).
"""

import base64
from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import is_reviewer

TOTP_DEVICE_NAME = "Authenticator-App"


def second_factor_required(user) -> bool:
    """Whether this user must sign in with a second factor (only where the setting asks for it)."""
    return bool(settings.TWO_FACTOR_REQUIRED and is_reviewer(user))


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def totp_device_for_enrolment(user) -> TOTPDevice:
    """The user's not yet confirmed app, created on first use: the QR code stays the same on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def totp_device_verify(*, device: TOTPDevice, token: str) -> None:
    """Check a code of the device and confirm a new device with its first correct code.

    Raises ``ValidationError`` with a German message for a wrong code or while failed attempts are
    throttled. Deliberately not ``@transaction.atomic`` around the check: a rolled-back failure would
    not count towards the throttle. ``django_otp.verify_token`` locks the device row for the check,
    so the same code cannot be used twice at once.
    """
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        raise ValidationError(
            _("Zu viele falsche Codes. Bitte warten Sie einen Moment und geben Sie dann den aktuellen Code ein."),
            code="throttled",
        )
    if django_otp.verify_token(device.user, device.persistent_id, token.strip()) is None:
        raise ValidationError(
            _("Der Code stimmt nicht. Bitte geben Sie den aktuellen sechsstelligen Code aus Ihrer App ein."),
            code="invalid",
        )
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])


def totp_devices_remove(*, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()


def enrolment_context(device: TOTPDevice) -> dict[str, str]:
    """The QR code and the secret to type in, for a page that sets up the authenticator app."""
    # segno writes the SVG itself from the device's own URL; nothing user-supplied goes in.
    return {
        "qr_svg": mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4)),
        "secret": base64.b32encode(device.bin_key).decode(),
    }


def _exempt_paths() -> tuple[str, ...]:
    return (
        reverse("accounts:second_factor"),
        reverse("admin:logout"),
        reverse("admin:login"),
        reverse("healthz"),
        settings.STATIC_URL,
    )


class SecondFactorRequiredMiddleware:
    """After ``OTPMiddleware``: sends a signed-in user who must use a second factor and has not verified
    this session to the set-up/check page, from every page but that one, sign-out and static files."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TWO_FACTOR_REQUIRED and not request.path.startswith(_exempt_paths()):
            user = request.user
            if user.is_authenticated and not user.is_verified() and second_factor_required(user):
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('accounts:second_factor')}?{query}")
        return self.get_response(request)
