"""The Kommune profile: its coordinators edit it, a reviewer approves, the public Kommune page shows it."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import OutgoingMail
from projects import services
from projects.models import Municipality

pytestmark = pytest.mark.django_db

PROFILE = {
    "website": "https://www.bergkamen.de/",
    "family_portal_url": "https://familie.bergkamen.de/",
    "focus_areas": "Frühe Hilfen\r\nÜbergang Kita–Grundschule\r\n",
    "steering_structure": "Lenkungsgruppe unter Vorsitz des Bürgermeisters, tagt viermal im Jahr.",
    "management": "Jugendamt, Stabsstelle Prävention",
    "council_decision_date": "12.03.2013",
    "council_decision_body": "Rat der Stadt",
    "funding_programme": "Kein Kind zurücklassen",
    "funding_amount": "15000,50",
    "funding_from_year": "2012",
    "funding_until_year": "2015",
}


def contacts_data(*rows: dict, initial: int = 0) -> dict:
    """The contacts inline as the admin's form posts it: management form, then one form per row."""
    data = {
        "contacts-TOTAL_FORMS": str(len(rows)),
        "contacts-INITIAL_FORMS": str(initial),
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"contacts-{index}-{name}": value for name, value in row.items() if value is not None})
    return data


def change_url(municipality) -> str:
    return reverse("admin:projects_municipality_change", args=[municipality.pk])


def post_profile(client, municipality, *, contacts: dict | None = None, **overrides):
    data = {**PROFILE, **(contacts or contacts_data()), **overrides, "_save": "Sichern"}
    return client.post(change_url(municipality), {k: v for k, v in data.items() if v is not None}, follow=True)


def test_coordinator_edit_of_the_profile_waits_for_review_and_mails_the_reviewers(
    client, bergkamen, coordinator_bergkamen, steering_member
):
    client.force_login(coordinator_bergkamen)

    response = post_profile(client, bergkamen)

    bergkamen.refresh_from_db()
    assert bergkamen.focus_areas == ""  # the public profile is unchanged until approved
    assert bergkamen.pending_changes == {
        "website": "https://www.bergkamen.de/",
        "family_portal_url": "https://familie.bergkamen.de/",
        "focus_areas": "Frühe Hilfen\nÜbergang Kita–Grundschule",
        "steering_structure": "Lenkungsgruppe unter Vorsitz des Bürgermeisters, tagt viermal im Jahr.",
        "management": "Jugendamt, Stabsstelle Prävention",
        "council_decision_date": "2013-03-12",
        "council_decision_body": "Rat der Stadt",
        "funding_programme": "Kein Kind zurücklassen",
        "funding_amount": "15000.50",
        "funding_from_year": 2012,
        "funding_until_year": 2015,
    }
    assert bergkamen.changes_submitted_by == coordinator_bergkamen
    assert "Ihre Änderungen am Profil sind zur Prüfung eingereicht." in next(
        str(m) for m in response.context["messages"]
    )
    mail = OutgoingMail.objects.get(to=steering_member.email)
    assert mail.subject == "Profil zur Prüfung: Bergkamen"
    assert reverse("admin:projects_municipality_review", args=[bergkamen.pk]) in mail.body


def test_coordinator_form_shows_the_pending_values_again(client, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)
    post_profile(client, bergkamen)

    form = client.get(change_url(bergkamen)).context["adminform"].form

    assert (form.initial["management"], form.initial["council_decision_date"]) == (
        "Jugendamt, Stabsstelle Prävention",
        date(2013, 3, 12),
    )


def test_coordinator_cannot_change_the_master_data_of_the_kommune(client, bergkamen, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    post_profile(client, bergkamen, name="Bergkamen an der Seseke", is_model_municipality="on")

    bergkamen.refresh_from_db()
    assert (bergkamen.name, bergkamen.is_model_municipality) == ("Bergkamen", False)
    assert "name" not in bergkamen.pending_changes


def test_coordinator_of_another_kommune_cannot_edit_the_profile(client, bergkamen, coordinator_selm):
    client.force_login(coordinator_selm)

    response = post_profile(client, bergkamen)

    bergkamen.refresh_from_db()
    assert (response.status_code, bergkamen.pending_changes) == (200, {})  # the admin's "does not exist" page
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    with pytest.raises(PermissionDenied):
        services.municipality_profile_save(
            municipality=bergkamen, cleaned_data={"management": "Fremd"}, by=coordinator_selm
        )


def test_unchanged_text_with_browser_line_endings_is_no_change(bergkamen, coordinator_bergkamen):
    bergkamen.focus_areas = "Frühe Hilfen\nÜbergang Kita–Grundschule"
    bergkamen.save()

    saved = services.municipality_profile_save(
        municipality=bergkamen,
        cleaned_data={"focus_areas": "Frühe Hilfen\r\nÜbergang Kita–Grundschule\r\n"},
        by=coordinator_bergkamen,
    )

    assert saved.pending_changes == {}
    assert OutgoingMail.objects.count() == 0


def test_reviewer_approval_puts_the_profile_on_the_public_kommune_page(
    client, bergkamen, coordinator_bergkamen, steering_member
):
    client.force_login(coordinator_bergkamen)
    post_profile(client, bergkamen)
    client.force_login(steering_member)

    review = client.get(reverse("admin:projects_municipality_review", args=[bergkamen.pk]))
    assert [row["label"] for row in review.context["diff"]][:3] == ["Website", "Familienportal", "Schwerpunkte"]
    client.post(reverse("admin:projects_municipality_review", args=[bergkamen.pk]), {"_approve": "1"})

    bergkamen.refresh_from_db()
    assert (bergkamen.pending_changes, bergkamen.funding_amount, bergkamen.council_decision_date) == (
        {},
        Decimal("15000.50"),
        date(2013, 3, 12),
    )
    assert (
        OutgoingMail.objects.filter(to=coordinator_bergkamen.email).get().subject == "Profil veröffentlicht: Bergkamen"
    )
    client.logout()
    page = client.get(bergkamen.get_absolute_url()).content.decode()
    for text in [
        "Präventionsprogramm der Kommune",
        "<li>Frühe Hilfen</li>",
        "<li>Übergang Kita–Grundschule</li>",
        "Lenkungsgruppe unter Vorsitz des Bürgermeisters, tagt viermal im Jahr.",
        "Jugendamt, Stabsstelle Prävention",
        "Rat der Stadt, am 12. März 2013",
        "Kein Kind zurücklassen, 15.000,50 €, 2012–2015",
        'href="https://familie.bergkamen.de/"',
    ]:
        assert text in page


def test_reviewer_returns_the_profile_with_a_comment_and_the_next_save_resubmits(
    client, bergkamen, coordinator_bergkamen, steering_member
):
    client.force_login(coordinator_bergkamen)
    post_profile(client, bergkamen)
    client.force_login(steering_member)

    client.post(
        reverse("admin:projects_municipality_review", args=[bergkamen.pk]),
        {"_return": "1", "comment": "Bitte das Gremium genauer nennen."},
    )

    bergkamen.refresh_from_db()
    assert bergkamen.review_comment == "Bitte das Gremium genauer nennen."
    assert list(Municipality.objects.profiles_awaiting_review()) == []
    assert (
        OutgoingMail.objects.filter(to=coordinator_bergkamen.email).get().subject == "Profil zurückgegeben: Bergkamen"
    )
    client.force_login(coordinator_bergkamen)
    assert "Bitte das Gremium genauer nennen." in client.get(change_url(bergkamen)).content.decode()
    post_profile(client, bergkamen, council_decision_body="Rat der Stadt Bergkamen")
    bergkamen.refresh_from_db()
    assert (bergkamen.review_comment, bergkamen.pending_changes["council_decision_body"]) == (
        "",
        "Rat der Stadt Bergkamen",
    )
    assert list(Municipality.objects.profiles_awaiting_review()) == [bergkamen]


def test_return_needs_a_comment(bergkamen, coordinator_bergkamen, steering_member):
    services.municipality_profile_save(
        municipality=bergkamen, cleaned_data={"management": "Neu"}, by=coordinator_bergkamen
    )

    with pytest.raises(ValidationError) as error:
        services.municipality_profile_return(municipality=bergkamen, by=steering_member, comment="  ")

    assert error.value.message_dict == {"comment": ["Bitte schreiben Sie, was noch geändert werden soll."]}


def test_coordinator_cannot_approve_their_own_profile(bergkamen, coordinator_bergkamen):
    services.municipality_profile_save(
        municipality=bergkamen, cleaned_data={"management": "Neu"}, by=coordinator_bergkamen
    )

    with pytest.raises(PermissionDenied):
        services.municipality_profile_approve(municipality=bergkamen, by=coordinator_bergkamen)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"funding_from_year": "2015", "funding_until_year": "2012"},
            "funding_until_year",
            "Das Ende der Förderung liegt vor ihrem Beginn.",
        ),
        ({"funding_amount": "-5"}, "funding_amount", "Die Fördersumme kann nicht negativ sein."),
        (
            {"focus_areas": "\n".join(f"Schwerpunkt {n}" for n in range(9))},
            "focus_areas",
            "Bitte nennen Sie höchstens 8 Schwerpunkte, einen je Zeile.",
        ),
    ],
)
def test_profile_rules_give_german_messages_and_keep_the_input(
    client, bergkamen, coordinator_bergkamen, overrides, field, message
):
    client.force_login(coordinator_bergkamen)

    response = post_profile(client, bergkamen, **overrides)

    assert response.context["adminform"].form.errors[field] == [message]
    bergkamen.refresh_from_db()
    assert bergkamen.pending_changes == {}


def test_reviewers_find_profiles_waiting_for_review(client, bergkamen, selm, coordinator_bergkamen, steering_member):
    services.municipality_profile_save(
        municipality=bergkamen, cleaned_data={"management": "Neu"}, by=coordinator_bergkamen
    )
    client.force_login(steering_member)

    response = client.get(reverse("admin:projects_municipality_changelist") + "?inhalt=in-pruefung")

    assert [municipality.name for municipality in response.context["cl"].result_list] == ["Bergkamen"]


def test_admin_start_page_lists_the_profiles_waiting_for_review_for_reviewers_only(
    client, bergkamen, coordinator_bergkamen, steering_member
):
    services.municipality_profile_save(
        municipality=bergkamen, cleaned_data={"management": "Neu"}, by=coordinator_bergkamen
    )

    client.force_login(steering_member)
    page = client.get(reverse("admin:index")).content.decode()
    review_url = reverse("admin:projects_municipality_review", args=[bergkamen.pk])
    assert f'<a href="{review_url}">Bergkamen</a>' in page
    client.force_login(coordinator_bergkamen)
    assert "Profile der Kommunen zur Prüfung" not in client.get(reverse("admin:index")).content.decode()
