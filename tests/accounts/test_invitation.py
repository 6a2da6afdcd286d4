"""Inviting a person into the back office, the password reset, and locking an account."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import Coordinator, OutgoingMail, Role, User

from ..factories import MunicipalityFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/verwaltung/einladung/\S+/")
RESET_LINK = re.compile(r"https?://\S+/verwaltung/passwort-neu/\S+/")


@pytest.fixture
def operator(db):
    return UserFactory(username="betrieb", is_superuser=True, first_name="Olga", last_name="Betrieb")


@pytest.fixture
def editor(db):
    user = UserFactory(username="redaktion", first_name="Rita", last_name="Redaktion")
    user.groups.add(Group.objects.get(name=Role.EDITORIAL))
    return user


@pytest.fixture
def unna(db):
    """A model Kommune that exists only as an empty record."""
    return MunicipalityFactory(name="Unna", is_model_municipality=True)


def invite(by, municipalities, **overrides):
    data = {
        "first_name": "Ina",
        "last_name": "Neu",
        "email": "ina.neu@unna.example",
        "role": Role.COORDINATOR,
        "municipalities": municipalities,
        **overrides,
    }
    return services.user_invite(**data, by=by)


def invitation_link(mail: OutgoingMail) -> str:
    return LINK.search(mail.body).group(0)


def test_invitation_creates_a_working_coordinator_account_and_queues_the_mail(operator, unna):
    user = invite(operator, [unna])

    assert (user.username, user.email, user.get_full_name()) == (
        "ina.neu@unna.example",
        "ina.neu@unna.example",
        "Ina Neu",
    )
    assert (user.is_staff, user.is_active, user.has_usable_password()) == (True, True, False)
    assert list(user.groups.values_list("name", flat=True)) == ["Koordinator"]
    assert list(Coordinator.objects.filter(user=user).values_list("municipality__name", flat=True)) == ["Unna"]
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.subject, mail.template) == (
        "ina.neu@unna.example",
        "Einladung in die Verwaltung der Transferbörse",
        "invitation",
    )
    assert "Olga Betrieb hat Sie in die Verwaltung der Transferbörse eingeladen, als Koordinator/in." in mail.body
    assert "Sie pflegen die Einträge von: Unna" in mail.body
    assert invitation_link(mail)


def test_invitation_link_sets_the_password_signs_in_and_then_stops_working(client, operator, unna):
    invite(operator, [unna])
    link = invitation_link(OutgoingMail.objects.get())
    path = link.removeprefix("http://127.0.0.1:8000")

    form_page = client.get(path, follow=True)
    assert "Willkommen, Ina Neu" in form_page.content.decode()
    set_password_path = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_path, {"new_password1": "Prävention-2026", "new_password2": "Prävention-2026"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert response.context["user"].username == "ina.neu@unna.example"
    assert User.objects.get(username="ina.neu@unna.example").check_password("Prävention-2026")
    client.logout()
    again = client.get(path, follow=True)
    assert "Dieser Einladungslink gilt nicht mehr" in again.content.decode()


def test_invitation_link_expires_after_seven_days(client, operator, unna, monkeypatch):
    user = invite(operator, [unna])
    token = services.invitation_tokens.make_token(user)
    later = services.invitation_tokens._now() + timedelta(days=7, minutes=1)
    almost = services.invitation_tokens._now() + timedelta(days=6, hours=23)

    monkeypatch.setattr(services.invitation_tokens, "_now", lambda: almost)
    assert services.invitation_tokens.check_token(user, token) is True
    monkeypatch.setattr(services.invitation_tokens, "_now", lambda: later)
    assert services.invitation_tokens.check_token(user, token) is False


def test_invitation_token_is_no_password_reset_token(operator, unna):
    from django.contrib.auth.tokens import default_token_generator

    user = invite(operator, [unna])

    assert default_token_generator.check_token(user, services.invitation_tokens.make_token(user)) is False
    assert services.invitation_tokens.check_token(user, default_token_generator.make_token(user)) is False


def test_invitation_of_a_coordinator_needs_a_kommune(operator):
    with pytest.raises(ValidationError) as error:
        invite(operator, [])

    assert error.value.message_dict == {"municipalities": ["Bitte wählen Sie mindestens eine Kommune aus."]}
    assert User.objects.filter(email="ina.neu@unna.example").exists() is False


def test_invitation_refused_for_someone_who_already_signs_in(operator, unna):
    UserFactory(username="ina", email="Ina.Neu@unna.example")

    with pytest.raises(ValidationError) as error:
        invite(operator, [unna])

    assert list(error.value.message_dict) == ["email"]
    assert OutgoingMail.objects.count() == 0


def test_invitation_sent_again_renews_the_link_and_keeps_the_account(operator, unna):
    first = invite(operator, [unna])
    old_link = services.invitation_tokens.make_token(first)
    second = invite(operator, [unna], first_name="Ina Maria")

    assert second.pk == first.pk
    assert services.invitation_tokens.check_token(second, old_link) is False
    assert OutgoingMail.objects.count() == 2
    assert Coordinator.objects.filter(user=second).count() == 1


@pytest.mark.parametrize("role", ["coordinator", "steering"])
def test_invitation_only_by_operator_or_editorial_team(role, unna, coordinator_selm, steering_member):
    by = {"coordinator": coordinator_selm, "steering": steering_member}[role]

    with pytest.raises(PermissionDenied):
        invite(by, [unna])


def test_invite_page_of_the_editorial_team_sends_the_invitation(client, editor, unna):
    client.force_login(editor)

    response = client.post(
        reverse("admin:accounts_user_invite"),
        {
            "first_name": "Ina",
            "last_name": "Neu",
            "email": "ina.neu@unna.example",
            "role": "Koordinator",
            "municipalities": [unna.pk],
        },
        follow=True,
    )

    assert [str(message) for message in response.context["messages"]] == [
        "Die Einladung an ina.neu@unna.example ist unterwegs; der Link gilt sieben Tage."
    ]
    assert OutgoingMail.objects.get().to == "ina.neu@unna.example"


def test_invite_page_shows_german_errors_and_keeps_the_input(client, operator, unna):
    client.force_login(operator)

    response = client.post(
        reverse("admin:accounts_user_invite"),
        {"first_name": "Ina", "last_name": "Neu", "email": "ina.neu@unna.example", "role": "Koordinator"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"municipalities": ["Bitte wählen Sie mindestens eine Kommune aus."]}
    assert 'value="ina.neu@unna.example"' in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "coordinator", "steering"])
def test_invite_page_closed_to_everyone_else(client, who, coordinator_selm, steering_member):
    if who != "anonymous":
        client.force_login({"coordinator": coordinator_selm, "steering": steering_member}[who])

    response = client.get(reverse("admin:accounts_user_invite"))

    expected = 302 if who == "anonymous" else 403
    assert response.status_code == expected
    assert OutgoingMail.objects.count() == 0


def test_admin_start_page_offers_the_invitation_to_the_editorial_team_only(client, editor, coordinator_selm):
    client.force_login(editor)
    assert "Koordinator/in einladen" in client.get(reverse("admin:index")).content.decode()
    client.force_login(coordinator_selm)
    assert "Koordinator/in einladen" not in client.get(reverse("admin:index")).content.decode()


def test_empty_model_kommunen_are_listed_for_takeover(client, operator, unna, bergkamen, coordinator_selm):
    ProjectFactory(municipality=bergkamen)
    client.force_login(operator)

    response = client.get(reverse("admin:projects_municipality_changelist") + "?inhalt=leer")

    assert [municipality.name for municipality in response.context["cl"].result_list] == ["Unna"]


def test_adding_an_existing_kommune_points_to_the_takeover(client, operator, unna):
    client.force_login(operator)

    response = client.post(
        reverse("admin:projects_municipality_add"),
        {"name": "Unna", "kind": "town", "has_own_youth_office": "on"},
    )

    assert response.context["adminform"].form.errors["name"] == [
        "Diese Kommune gibt es bereits, vielleicht als leerer Eintrag. Übernehmen Sie ihn, indem Sie ihre "
        "Koordination einladen („Koordinator/in einladen“)."
    ]


# Password reset ------------------------------------------------------------------------------------


def test_password_reset_mail_goes_through_the_outbox_and_its_link_sets_a_new_password(client, coordinator_selm):
    login_page = client.get(reverse("admin:login")).content.decode()
    assert reverse("admin_password_reset") in login_page

    client.post(reverse("admin_password_reset"), {"email": coordinator_selm.email})

    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.subject, mail.template) == (
        coordinator_selm.email,
        "Ihr Passwort für die Transferbörse",
        "password_reset",
    )
    path = RESET_LINK.search(mail.body).group(0).removeprefix("http://127.0.0.1:8000")
    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Neues-Passwort-9", "new_password2": "Neues-Passwort-9"}
    )
    coordinator_selm.refresh_from_db()
    assert coordinator_selm.check_password("Neues-Passwort-9")


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("admin_password_reset"), {"email": "niemand@example.org"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("password_reset_done")
    assert OutgoingMail.objects.count() == 0


# Locking an account ----------------------------------------------------------------------------------


def test_deactivate_action_locks_the_person_out_in_one_step(client, operator, coordinator_selm):
    other = signed_in_client(coordinator_selm)
    assert other.get(reverse("admin:index")).status_code == 200
    client.force_login(operator)

    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "deactivate_selected", "_selected_action": [coordinator_selm.pk]},
    )

    coordinator_selm.refresh_from_db()
    assert coordinator_selm.is_active is False
    assert other.get(reverse("admin:index")).status_code == 302
    assert Coordinator.objects.filter(user=coordinator_selm).count() == 1


def test_deactivate_refuses_the_own_account(operator):
    with pytest.raises(ValidationError):
        services.user_deactivate(user=operator, by=operator)
    operator.refresh_from_db()
    assert operator.is_active is True


def test_deactivated_person_gets_no_password_reset_mail(client, operator, coordinator_selm):
    services.user_deactivate(user=coordinator_selm, by=operator)

    client.post(reverse("admin_password_reset"), {"email": coordinator_selm.email})

    assert OutgoingMail.objects.count() == 0


def signed_in_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_invitation_mail_names_the_deadline(operator, unna):
    invite(operator, [unna])
    deadline = timezone.localtime(timezone.now() + services.INVITATION_VALID_FOR)

    assert f"Der Link gilt bis zum {deadline:%d.%m.%Y}" in OutgoingMail.objects.get().body


def test_invited_reviewer_sets_the_password_and_then_the_second_factor_where_required(client, operator, settings):
    settings.TWO_FACTOR_REQUIRED = True
    invite(operator, [], role=Role.EDITORIAL, email="rita@example.org")
    path = invitation_link(OutgoingMail.objects.get()).removeprefix("http://127.0.0.1:8000")

    set_password_path = client.get(path, follow=True).redirect_chain[-1][0]
    response = client.post(
        set_password_path, {"new_password1": "Redaktion-2026!", "new_password2": "Redaktion-2026!"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("accounts:second_factor") + "?next=%2Fverwaltung%2F"
    assert response.context["enrolling"] is True
