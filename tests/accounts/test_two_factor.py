"""Second factor required (production) for superusers, Redaktion and Steuerungsgruppe; optional for Koordinatoren."""

from urllib.parse import quote

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User

from ..deploy.conftest import manage, production_env
from ..factories import UserFactory, make_coordinator

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-1234"
SECOND_FACTOR = "/verwaltung/zweiter-faktor/"
ROLES = ["superuser", Role.EDITORIAL, Role.STEERING_GROUP]


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting after a deliberately wrong code


def make_user(role) -> User:
    if role == "superuser":
        return UserFactory(username="admin-test", is_superuser=True)
    user = UserFactory(username=f"{role.lower()}-test")
    user.groups.add(Group.objects.get(name=role))
    return user


def current_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    return "000000" if current_code(device) != "000000" else "111111"


def login(client, user, **extra):
    """The sign-in form as the browser sends it (with the ``next`` the admin puts into it)."""
    data = {"username": user.username, "password": PASSWORD, "next": reverse("admin:index"), **extra}
    return client.post(reverse("admin:login"), data)


def back_office_pages() -> list[str]:
    """The admin's index, every registered model's list and add page, the user's own admin pages, and the
    pages of the portal that show signed-in users more."""
    pages = [reverse("admin:index"), reverse("admin:password_change"), reverse("admin:accounts_two_factor")]
    for model in admin.site._registry:
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    pages += [reverse("transfers:mine"), reverse("transfers:notifications"), reverse("steering:dashboard")]
    pages += [reverse("transfers:ledger"), reverse("projects:home")]
    return pages


@pytest.mark.parametrize("role", ROLES)
def test_reviewer_without_device_is_sent_to_enrolment_from_every_back_office_page(client, role):
    client.force_login(make_user(role))
    pages = back_office_pages()

    locations = {page: client.get(page).get("Location") for page in pages}

    assert locations == {page: f"{SECOND_FACTOR}?next={quote(page, safe='')}" for page in pages}
    assert len(pages) > 40


def test_reviewer_without_device_cannot_save_anything_either(client):
    client.force_login(make_user("superuser"))
    data = {
        "username": "neu",
        "password1": "Prävention-2026!",
        "password2": "Prävention-2026!",
        "usable_password": "true",
    }

    response = client.post(reverse("admin:accounts_user_add"), data)

    assert response["Location"] == f"{SECOND_FACTOR}?next=%2Fverwaltung%2Faccounts%2Fuser%2Fadd%2F"
    assert not User.objects.filter(username="neu").exists()


@pytest.mark.parametrize("role", ROLES)
def test_password_sign_in_of_reviewer_without_device_leads_to_enrolment_with_qr_code(client, role):
    user = make_user(role)

    response = login(client, user)
    assert response["Location"] == reverse("admin:index")
    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain == [(f"{SECOND_FACTOR}?next=%2Fverwaltung%2F", 302)]
    assert response.context["enrolling"] is True
    assert "<svg" in str(response.context["qr_svg"])
    assert "<h1>Zwei-Faktor-Anmeldung einrichten</h1>" in response.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert (device.confirmed, device.name) == (False, "Authenticator-App")
    assert response.context["secret"] in device.config_url


@pytest.mark.parametrize("role", ROLES)
def test_enrolment_with_current_code_opens_the_back_office(client, role):
    user = make_user(role)
    login(client, user)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get(user=user)

    response = client.post(SECOND_FACTOR, {"token": current_code(device), "next": "/verwaltung/projects/project/"})

    assert response["Location"] == "/verwaltung/projects/project/"
    device.refresh_from_db()
    assert device.confirmed is True
    index = client.get(reverse("admin:index"))
    assert (index.status_code, index.context["user"]) == (200, user)
    assert [str(message) for message in index.context["messages"]] == ["Die Zwei-Faktor-Anmeldung ist eingerichtet."]


def test_enrolment_with_wrong_code_shows_german_error_and_stays_locked(client):
    user = make_user("superuser")
    login(client, user)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get(user=user)

    response = client.post(SECOND_FACTOR, {"token": wrong_code(device)})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "token": ["Der Code stimmt nicht. Bitte geben Sie den aktuellen sechsstelligen Code aus Ihrer App ein."]
    }
    device.refresh_from_db()
    assert device.confirmed is False
    assert client.get(reverse("admin:index"))["Location"] == f"{SECOND_FACTOR}?next=%2Fverwaltung%2F"


def test_repeated_wrong_codes_are_throttled_with_german_message(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    user = make_user(Role.EDITORIAL)
    login(client, user)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get(user=user)
    client.post(SECOND_FACTOR, {"token": wrong_code(device)})

    response = client.post(SECOND_FACTOR, {"token": current_code(device)})

    assert response.context["form"].errors == {
        "token": ["Zu viele falsche Codes. Bitte warten Sie einen Moment und geben Sie dann den aktuellen Code ein."]
    }
    device.refresh_from_db()
    assert (device.confirmed, device.throttling_failure_count) == (False, 1)


def test_enrolment_page_keeps_the_same_secret_on_reload(client):
    client.force_login(make_user("superuser"))

    first, second = client.get(SECOND_FACTOR), client.get(SECOND_FACTOR)

    assert first.context["secret"] == second.context["secret"]
    assert TOTPDevice.objects.count() == 1


def test_reviewer_with_device_must_enter_the_code_at_sign_in(client):
    user = make_user(Role.STEERING_GROUP)
    device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)

    without = login(client, user)
    wrong = login(client, user, otp_token=wrong_code(device))
    right = login(client, user, otp_token=current_code(device))

    assert without.context["form"].non_field_errors() == [
        "Bitte geben Sie den Einmalcode aus Ihrer Authenticator-App ein."
    ]
    assert wrong.context["form"].non_field_errors() == [
        "Der Einmalcode stimmt nicht. Bitte versuchen Sie es mit dem aktuellen Code erneut."
    ]
    assert right["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_unverified_session_of_reviewer_with_device_asks_for_the_code(client):
    """A session from before (or without) the code, e.g. opened before 2FA was required."""
    user = make_user(Role.EDITORIAL)
    device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)
    client.force_login(user)

    asked = client.get(reverse("admin:index"), follow=True)
    response = client.post(SECOND_FACTOR, {"token": current_code(device), "next": reverse("admin:index")})

    assert asked.context["enrolling"] is False
    assert "<h1>Einmalcode eingeben</h1>" in asked.content.decode()
    assert "qr_svg" not in asked.context
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_removing_the_device_sends_reviewer_back_to_enrolment(client):
    user = make_user("superuser")
    device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)
    login(client, user, otp_token=current_code(device))
    assert client.get(reverse("admin:index")).status_code == 200

    device.delete()

    assert client.get(reverse("admin:index"))["Location"] == f"{SECOND_FACTOR}?next=%2Fverwaltung%2F"


def test_coordinator_without_device_is_not_forced(client, selm):
    coordinator = make_coordinator(selm, username="koordination-selm-test")

    response = login(client, coordinator)
    index = client.get(reverse("admin:index"))

    assert response["Location"] == reverse("admin:index")
    assert (index.status_code, index.context["user"]) == (200, coordinator)
    assert not TOTPDevice.objects.exists()


def test_enrolment_page_ignores_a_next_address_of_another_site(client):
    user = make_user("superuser")
    client.force_login(user)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get(user=user)

    response = client.post(SECOND_FACTOR, {"token": current_code(device), "next": "https://angreifer.example.org/"})

    assert response["Location"] == reverse("admin:index")


def test_sign_out_and_enrolment_page_stay_reachable(client):
    client.force_login(make_user("superuser"))

    assert client.get(SECOND_FACTOR).status_code == 200
    assert client.post(reverse("admin:logout")).status_code == 200
    assert client.get(reverse("projects:home")).status_code == 200  # signed out: the public page again


def test_enrolment_page_needs_sign_in(client):
    response = client.get(SECOND_FACTOR)

    assert response["Location"] == f"{reverse('admin:login')}?next={SECOND_FACTOR}"


def test_nothing_is_forced_where_the_setting_is_off(client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(make_user("superuser"))

    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize(("module", "expected"), [("production", "True"), ("local", "False"), ("test", "False")])
def test_only_production_requires_the_second_factor(module, expected):
    env = production_env(DJANGO_SETTINGS_MODULE=f"transferboerse.settings.{module}")
    code = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"

    result = manage("shell", "--no-imports", "-c", code, env=env)

    assert (result.stdout, result.stderr) == (f"{expected}\n", "")
