"""A Kommune's contacts: several per Kommune, each with consent, reviewed with the profile; only the
consented ones are public."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from accounts.models import OutgoingMail
from projects import services
from projects.models import Municipality, MunicipalityContact

from .test_municipality_profile import change_url, contacts_data, post_profile

pytestmark = pytest.mark.django_db

PETRA = {"name": "Petra Muster", "role": "Koordinatorin", "email": "petra@bergkamen.example", "phone": "02307 965-0"}
HANS = {"name": "Hans Beispiel", "role": "Jugendamt", "email": "hans@bergkamen.example", "phone": ""}


def contact(municipality, **values) -> MunicipalityContact:
    values = {**PETRA, "is_public": True, "consent_given_on": date(2026, 1, 15), "position": 1, **values}
    return MunicipalityContact.objects.create(municipality=municipality, **values)


def row(values: dict, *, is_public: bool, consent: str | None = None, position: int = 1) -> dict:
    """A contact as ``pending_changes["contacts"]`` stores it."""
    return {**values, "is_public": is_public, "consent_given_on": consent, "position": position}


def review_url(municipality) -> str:
    return reverse("admin:projects_municipality_review", args=[municipality.pk])


# The model ----------------------------------------------------------------------------------------------


def test_ticking_consent_without_a_date_records_today(bergkamen):
    contact = MunicipalityContact(municipality=bergkamen, name="Petra Muster", is_public=True)

    contact.full_clean()

    assert contact.consent_given_on == timezone.localdate()


def test_withdrawn_consent_keeps_no_date(bergkamen):
    contact = MunicipalityContact(
        municipality=bergkamen, name="Petra Muster", is_public=False, consent_given_on=date(2026, 1, 15)
    )

    contact.full_clean()

    assert contact.consent_given_on is None


def test_database_refuses_a_public_contact_without_a_consent_date(bergkamen):
    with pytest.raises(IntegrityError), transaction.atomic():
        MunicipalityContact.objects.create(municipality=bergkamen, name="Petra Muster", is_public=True)


def test_public_contacts_are_only_the_consented_ones_in_their_order(bergkamen):
    contact(bergkamen, **HANS, position=2)
    contact(bergkamen, is_public=False, consent_given_on=None, name="Geheim", position=0)
    contact(bergkamen, position=1)

    assert list(bergkamen.contacts.public().values_list("name", flat=True)) == ["Petra Muster", "Hans Beispiel"]


# The service: proposed, approved, direct ----------------------------------------------------------------


def test_coordinator_contacts_wait_for_review_and_the_public_ones_stay(
    bergkamen, coordinator_bergkamen, steering_member
):
    contact(bergkamen)

    services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={},
        contacts=[{**PETRA, "is_public": False, "position": 1}, {**HANS, "is_public": True, "position": 2}],
        by=coordinator_bergkamen,
    )

    bergkamen.refresh_from_db()
    today = timezone.localdate().isoformat()
    assert bergkamen.pending_changes == {
        "contacts": [row(PETRA, is_public=False), row(HANS, is_public=True, consent=today, position=2)]
    }
    assert list(bergkamen.contacts.values_list("name", "is_public")) == [("Petra Muster", True)]
    assert OutgoingMail.objects.get(to=steering_member.email).subject == "Profil zur Prüfung: Bergkamen"


def test_approving_replaces_the_contacts_with_the_proposed_list(bergkamen, coordinator_bergkamen, steering_member):
    contact(bergkamen)
    services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={"management": "Jugendamt"},
        contacts=[{**HANS, "is_public": True, "consent_given_on": date(2026, 2, 1), "position": 1}],
        by=coordinator_bergkamen,
    )

    services.municipality_profile_approve(municipality=bergkamen, by=steering_member)

    bergkamen.refresh_from_db()
    assert (bergkamen.management, bergkamen.pending_changes) == ("Jugendamt", {})
    assert list(bergkamen.contacts.values_list("name", "is_public", "consent_given_on")) == [
        ("Hans Beispiel", True, date(2026, 2, 1))
    ]


def test_reviewer_edit_of_the_contacts_applies_at_once(bergkamen, steering_member):
    contact(bergkamen)

    services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={},
        contacts=[{**HANS, "is_public": False, "position": 1}],
        by=steering_member,
    )

    bergkamen.refresh_from_db()
    assert bergkamen.pending_changes == {}
    assert list(bergkamen.contacts.values_list("name", "is_public")) == [("Hans Beispiel", False)]
    assert OutgoingMail.objects.count() == 0


def test_resubmitting_the_published_contacts_leaves_nothing_pending(bergkamen, coordinator_bergkamen):
    contact(bergkamen)

    saved = services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={},
        contacts=[{**PETRA, "is_public": True, "consent_given_on": date(2026, 1, 15), "position": 1}],
        by=coordinator_bergkamen,
    )

    assert saved.pending_changes == {}
    assert OutgoingMail.objects.count() == 0


def test_proposed_contacts_stay_proposed_when_only_a_field_is_edited_next(bergkamen, coordinator_bergkamen):
    proposed = [{**HANS, "is_public": False, "position": 1}]
    services.municipality_profile_save(
        municipality=bergkamen, cleaned_data={}, contacts=proposed, by=coordinator_bergkamen
    )

    saved = services.municipality_profile_save(
        municipality=bergkamen, cleaned_data={"management": "Jugendamt"}, by=coordinator_bergkamen
    )

    assert saved.pending_changes == {"management": "Jugendamt", "contacts": [row(HANS, is_public=False)]}


def test_coordinator_of_another_kommune_cannot_propose_contacts(bergkamen, coordinator_selm):
    with pytest.raises(PermissionDenied):
        services.municipality_profile_save(
            municipality=bergkamen, cleaned_data={}, contacts=[{**PETRA, "is_public": True}], by=coordinator_selm
        )

    bergkamen.refresh_from_db()
    assert bergkamen.pending_changes == {}


def test_a_faulty_contact_is_refused_with_its_number(bergkamen, coordinator_bergkamen):
    with pytest.raises(ValidationError) as error:
        services.municipality_profile_save(
            municipality=bergkamen,
            cleaned_data={},
            contacts=[{**PETRA, "is_public": False}, {**HANS, "email": "kein-mail", "is_public": False}],
            by=coordinator_bergkamen,
        )

    assert error.value.messages == ["Ansprechperson 2: Bitte gültige E-Mail-Adresse eingeben."]


# The admin: inline, review page -------------------------------------------------------------------------


def test_coordinator_adds_contacts_in_the_inline_for_review(client, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    response = post_profile(
        client,
        bergkamen,
        contacts=contacts_data(
            {**PETRA, "is_public": "on", "consent_given_on": "15.01.2026", "position": "1"},
            {**HANS, "position": "2"},
        ),
    )

    bergkamen.refresh_from_db()
    assert bergkamen.pending_changes["contacts"] == [
        row(PETRA, is_public=True, consent="2026-01-15"),
        row(HANS, is_public=False, position=2),
    ]
    assert not bergkamen.contacts.exists()
    assert "Ihre Änderungen am Profil sind zur Prüfung eingereicht." in next(
        str(m) for m in response.context["messages"]
    )


def test_coordinator_sees_the_proposed_contacts_above_the_published_ones(client, bergkamen, coordinator_bergkamen):
    contact(bergkamen)
    services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={},
        contacts=[{**HANS, "is_public": False, "position": 1}],
        by=coordinator_bergkamen,
    )
    client.force_login(coordinator_bergkamen)

    response = client.get(change_url(bergkamen))

    assert [r["new"] for r in response.context["pending_related"]] == [
        "Hans Beispiel, Jugendamt, hans@bergkamen.example, nicht öffentlich"
    ]
    assert response.context["inline_admin_formsets"][0].formset.queryset.get().name == "Petra Muster"


def test_reviewer_edits_contacts_in_the_inline_directly(client, bergkamen, steering_member):
    petra = contact(bergkamen)
    client.force_login(steering_member)
    data = {
        "name": bergkamen.name,
        "kind": bergkamen.kind,
        "has_own_youth_office": "on",
        **contacts_data(
            {"id": str(petra.pk), **PETRA, "is_public": "on", "consent_given_on": "15.01.2026", "position": "1"},
            {**HANS, "position": "2"},
            initial=1,
        ),
        "population_figures-TOTAL_FORMS": "0",
        "population_figures-INITIAL_FORMS": "0",
        "_save": "Sichern",
    }

    response = client.post(change_url(bergkamen), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    bergkamen.refresh_from_db()
    assert bergkamen.pending_changes == {}
    assert list(bergkamen.contacts.values_list("name", "is_public")) == [
        ("Petra Muster", True),
        ("Hans Beispiel", False),
    ]


def test_review_page_lists_old_and_new_contacts_as_readable_lines(
    client, bergkamen, coordinator_bergkamen, steering_member
):
    contact(bergkamen)
    services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={},
        contacts=[
            {**PETRA, "is_public": True, "consent_given_on": date(2026, 1, 15), "position": 1},
            {**HANS, "is_public": False, "position": 2},
        ],
        by=coordinator_bergkamen,
    )
    client.force_login(steering_member)

    response = client.get(review_url(bergkamen))

    petra = (
        "Petra Muster, Koordinatorin, petra@bergkamen.example, 02307 965-0, "
        "Darf veröffentlicht werden (Einverständnis vom 15.01.2026)"
    )
    assert [(r["label"], r["old"], r["new"]) for r in response.context["diff"]] == [
        ("Ansprechpersonen", petra, f"{petra}\nHans Beispiel, Jugendamt, hans@bergkamen.example, nicht öffentlich")
    ]
    assert "{&quot;" not in response.content.decode()  # no JSON on the page


def test_coordinator_gets_no_review_page(client, bergkamen, coordinator_bergkamen):
    services.municipality_profile_save(
        municipality=bergkamen, cleaned_data={}, contacts=[{**PETRA, "is_public": False}], by=coordinator_bergkamen
    )
    client.force_login(coordinator_bergkamen)

    response = client.post(review_url(bergkamen), {"_approve": "1"})

    bergkamen.refresh_from_db()
    assert (response.status_code, bergkamen.contacts.exists()) == (403, False)


def test_coordinator_of_another_kommune_cannot_open_or_post_the_contacts(client, bergkamen, coordinator_selm):
    contact(bergkamen)
    client.force_login(coordinator_selm)

    page = client.get(change_url(bergkamen), follow=True)
    post_profile(client, bergkamen, contacts=contacts_data({**HANS, "position": "1"}))

    bergkamen.refresh_from_db()
    assert page.redirect_chain[-1][0] == reverse("admin:index")
    assert "petra@bergkamen.example" not in page.content.decode()
    assert (bergkamen.pending_changes, list(bergkamen.contacts.values_list("name", flat=True))) == (
        {},
        ["Petra Muster"],
    )


# The public Kommune page --------------------------------------------------------------------------------


def test_public_page_shows_every_consented_contact_and_no_other(client, bergkamen):
    contact(bergkamen)
    contact(bergkamen, **HANS, position=2)
    contact(bergkamen, name="Geheim Person", email="geheim@bergkamen.example", is_public=False, consent_given_on=None)

    page = client.get(bergkamen.get_absolute_url()).content.decode()

    assert "Kontakte" in page
    assert "Petra Muster, Koordinatorin" in page
    assert "Hans Beispiel, Jugendamt" in page
    assert "Geheim Person" not in page
    assert "geheim@bergkamen.example" not in page


def test_public_page_keeps_proposed_contacts_until_approved(client, bergkamen, coordinator_bergkamen):
    services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={},
        contacts=[{**PETRA, "is_public": True, "position": 1}],
        by=coordinator_bergkamen,
    )

    page = client.get(bergkamen.get_absolute_url()).content.decode()

    assert "Petra Muster" not in page


# The migration --------------------------------------------------------------------------------------------


def test_migration_moves_each_contact_into_a_row_and_keeps_its_consent():
    before, after = [("projects", "0020_action_fields_and_social_areas")], [("projects", "0021_municipality_contacts")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("projects", "Municipality")
    old.objects.create(
        name="Bergkamen", slug="bergkamen", kind="town", has_own_youth_office=True,
        contact_name="Petra Muster", contact_role="Koordinatorin", contact_email="petra@bergkamen.example",
        contact_is_public=True,
        pending_changes={"management": "Neu", "contact_name": "Hans Beispiel"},
    )  # fmt: skip
    old.objects.create(name="Selm", slug="selm", kind="town", has_own_youth_office=True, contact_phone="02592 69-0")
    old.objects.create(name="Werne", slug="werne", kind="town", has_own_youth_office=True)

    MigrationExecutor(connection).migrate(after)

    today = timezone.localdate()
    contacts = MunicipalityContact.objects.order_by("municipality__name")
    assert [(c.municipality.name, c.name, c.role, c.phone, c.is_public, c.consent_given_on) for c in contacts] == [
        ("Bergkamen", "Petra Muster", "Koordinatorin", "", True, today),
        ("Selm", "02592 69-0", "", "02592 69-0", False, None),
    ]
    assert Municipality.objects.get(name="Bergkamen").pending_changes == {
        "management": "Neu",
        "contacts": [
            {
                "name": "Hans Beispiel",
                "role": "Koordinatorin",
                "email": "petra@bergkamen.example",
                "phone": "",
                "is_public": True,
                "consent_given_on": today.isoformat(),
                "position": 1,
            }
        ],
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
