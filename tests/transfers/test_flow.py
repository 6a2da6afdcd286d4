"""The whole story of the issue with the Django test client: Selm adopts Bergkamen's Baby-Besuchsdienst."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from transfers.models import TransferInterest, TransferService

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as the given user and run the after-commit callbacks (mail) like a real request would."""

    def do(user, url, data):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return response

    return do


def test_transfer_selm_adopts_bergkamens_baby_visits(
    client, post, baby_offer, coordinator_bergkamen, coordinator_selm, steering_member, run_tasks
):
    services = {service.kind: service for service in baby_offer.services.all()}

    # Selm registers interest
    client.force_login(coordinator_selm)
    form_page = client.get(reverse("transfers:interest_create", args=[baby_offer.pk]))
    assert form_page.status_code == 200
    response = post(
        coordinator_selm,
        reverse("transfers:interest_create", args=[baby_offer.pk]),
        {
            "municipality": coordinator_selm.coordinator_roles.get().municipality_id,
            "services": [services[TransferService.Kind.SITE_VISIT].pk, services[TransferService.Kind.COACHING].pk],
            "message": "Wir möchten den Besuchsdienst in Selm aufbauen.",
            "preferred_period": "Frühjahr",
            "contact_name": "Frau Selm",
            "contact_email": "selm@example.org",
        },
    )
    interest = TransferInterest.objects.get()
    assert response.url == interest.get_absolute_url()

    # Bergkamen sees it in "Meine Transfers" and takes its steps
    client.force_login(coordinator_bergkamen)
    mine = client.get(reverse("transfers:mine"))
    assert [i.pk for group in mine.context["incoming"].values() for i in group] == [interest.pk]
    step = reverse("transfers:interest_step", args=[interest.pk])
    post(coordinator_bergkamen, step, {"action": "accept", "accept-comment": "Gern, wir melden uns."})
    post(
        coordinator_bergkamen,
        step,
        {"action": "record_presentation", "record_presentation-comment": "Hospitation am 3. März"},
    )
    post(coordinator_bergkamen, step, {"action": "record_coaching", "record_coaching-comment": "Zwei Coachingtermine"})

    # Selm records decision, implementation and rating
    post(coordinator_selm, step, {"action": "record_decision", "record_decision-comment": "Ratsbeschluss vom 12. Mai"})
    post(coordinator_selm, step, {"action": "record_implementation", "record_implementation-comment": "Start im Juli"})
    post(
        coordinator_selm,
        step,
        {
            "action": "rate",
            "rate-experience_worked": "Die Hausbesuche durch Familienhebammen",
            "rate-experience_adapted": "Kleinere Teams für unsere Ortsteile",
            "rate-experience_warnings": "Datenschutz früh klären",
            "rate-rating": "5",
        },
    )

    interest.refresh_from_db()
    assert interest.stage == "rated"
    assert list(interest.events.values_list("action", "actor__username")) == [
        ("register", "koordination-selm-test"),
        ("accept", "koordination-bergkamen-test"),
        ("record_presentation", "koordination-bergkamen-test"),
        ("record_coaching", "koordination-bergkamen-test"),
        ("record_decision", "koordination-selm-test"),
        ("record_implementation", "koordination-selm-test"),
        ("rate", "koordination-selm-test"),
    ]

    # the rating shows on the project page (through the partial the project page includes)
    html = render_to_string("transfers/_project_experiences.html", {"project": baby_offer.project})
    assert "Erfahrungen aus der Übernahme in Selm" in html
    assert "Datenschutz früh klären" in html

    # the ledger: Bergkamen +1 given, Selm +1 received
    client.force_login(steering_member)
    ledger = {row.municipality.name: row for row in client.get(reverse("transfers:ledger")).context["rows"]}
    assert (ledger["Bergkamen"].given_completed, ledger["Bergkamen"].received_completed) == (1, 0)
    assert (ledger["Selm"].given_completed, ledger["Selm"].received_completed) == (0, 1)
    assert (ledger["Bergkamen"].balance, ledger["Selm"].balance) == (1, -1)

    # each side got its mails (sent by the worker): the registration and the Selm steps went to Bergkamen,
    # the Bergkamen steps to Selm
    assert mail.outbox == []
    assert run_tasks() == 7
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (
            ["koordination-bergkamen-test@example.org"],
            "[Transferbörse] Neues Transferinteresse: Selm an „Baby-Besuchsdienst“",
        ),
        (
            ["koordination-selm-test@example.org"],
            "[Transferbörse] Bergkamen: Annehmen (Erstgespräch) – „Baby-Besuchsdienst“",
        ),
        (
            ["koordination-selm-test@example.org"],
            "[Transferbörse] Bergkamen: Präsentation/Hospitation festhalten – „Baby-Besuchsdienst“",
        ),
        (
            ["koordination-selm-test@example.org"],
            "[Transferbörse] Bergkamen: Coaching festhalten – „Baby-Besuchsdienst“",
        ),
        (
            ["koordination-bergkamen-test@example.org"],
            "[Transferbörse] Selm: Beschluss festhalten – „Baby-Besuchsdienst“",
        ),
        (
            ["koordination-bergkamen-test@example.org"],
            "[Transferbörse] Selm: Umsetzung festhalten – „Baby-Besuchsdienst“",
        ),
        (["koordination-bergkamen-test@example.org"], "[Transferbörse] Selm: Bewerten – „Baby-Besuchsdienst“"),
    ]
    assert "Hospitation am 3. März" in mail.outbox[2].body
