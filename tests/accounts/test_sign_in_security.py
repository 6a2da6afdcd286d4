"""Sign-in security of the back office: lockout, password rules, session expiry, optional TOTP."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-1234"


@pytest.fixture
def staff(db):
    return UserFactory(username="koordination-test")


def _login(client, username, password, **extra):
    return client.post(reverse("admin:login"), {"username": username, "password": password, **extra})


def _current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_login_with_correct_password_reaches_admin(client, staff):
    response = _login(client, staff.username, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).context["user"] == staff


def test_login_locks_out_after_five_failures_even_with_correct_password(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, staff.username, "falsch")
        assert response.status_code == 200  # the form again, with an error

    response = _login(client, staff.username, "falsch")
    assert response.status_code == 429
    response = _login(client, staff.username, PASSWORD)

    assert response.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302  # still not signed in


def test_login_failures_are_forgotten_after_success(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, staff.username, "falsch")
    assert _login(client, staff.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, staff.username, "falsch").status_code == 200


def test_lockout_of_one_user_does_not_lock_another(client, staff):
    other = UserFactory(username="koordination-andere")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, staff.username, "falsch")
    assert _login(client, other.username, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kurz-1", "Dieses Passwort ist zu kurz. Es muss mindestens 10 Zeichen enthalten."),
        ("1234567890123", "Dieses Passwort ist komplett numerisch."),
        ("password123", "Dieses Passwort ist zu üblich."),
    ],
)
def test_password_validators_reject_weak_passwords_in_german(password, message):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert message in [text.strip() for text in error.value.messages]


def test_password_validators_accept_a_good_password():
    assert validate_password("Prävention-in-Selm-2026") is None


def test_session_expires_with_browser_and_after_two_idle_hours(client, staff):
    response = _login(client, staff.username, PASSWORD)
    assert response.cookies["sessionid"]["max-age"] == ""  # a browser-session cookie
    assert (settings.SESSION_COOKIE_AGE, settings.SESSION_SAVE_EVERY_REQUEST) == (2 * 60 * 60, True)
    assert client.session.get_expiry_age() == 2 * 60 * 60


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="Authenticator-App", confirmed=True)


def test_totp_user_needs_the_code(client, staff, device):
    response = _login(client, staff.username, PASSWORD)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Bitte geben Sie den Einmalcode aus Ihrer Authenticator-App ein."
    ]
    assert client.get(reverse("admin:index")).status_code == 302


def test_totp_user_with_wrong_code_is_refused(client, staff, device):
    response = _login(
        client, staff.username, PASSWORD, otp_token="000000" if _current_code(device) != "000000" else "1"
    )
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_totp_user_with_current_code_signs_in(client, staff, device):
    response = _login(client, staff.username, PASSWORD, otp_token=_current_code(device))
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).context["user"] == staff


def test_two_factor_setup_confirms_device_with_current_code(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting after the deliberate wrong code
    client.force_login(staff)
    url = reverse("admin:accounts_two_factor")

    response = client.get(url)
    assert "<svg" in str(response.context["qr_svg"])
    device = TOTPDevice.objects.get(user=staff)
    assert device.confirmed is False

    response = client.post(url, {"token": "x"})
    assert response.context["form"].errors == {
        "token": ["Der Code stimmt nicht. Bitte geben Sie den aktuellen sechsstelligen Code aus Ihrer App ein."]
    }

    response = client.post(url, {"token": _current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed is True


def test_two_factor_setup_page_throttles_wrong_codes_like_the_sign_in(client, staff):
    client.force_login(staff)
    url = reverse("admin:accounts_two_factor")
    client.get(url)
    device = TOTPDevice.objects.get(user=staff)

    client.post(url, {"token": "000000"})
    response = client.post(url, {"token": _current_code(device)})

    assert response.context["form"].errors["token"][0].startswith("Zu viele falsche Codes.")
    device.refresh_from_db()
    assert device.confirmed is False


def test_two_factor_setup_needs_sign_in(client):
    response = client.get(reverse("admin:accounts_two_factor"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
