"""The transfer plan: goals, milestones with owners on both sides, mid-point check, closing lessons."""

import datetime

import pytest
from django.urls import reverse

from projects.models import Project
from transfers import services
from transfers.models import Action, PlanMilestone, Side, TransferPlan

from ..factories import MunicipalityFactory, make_coordinator

pytestmark = pytest.mark.django_db


@pytest.fixture
def giver(bergkamen):
    return make_coordinator(bergkamen, username="bergkamen-plan")


@pytest.fixture
def accepted(make_interest, giver):
    interest = make_interest()
    return services.interest_advance(interest=interest, action=Action.ACCEPT, user=giver)


def test_accepting_an_interest_starts_its_plan(accepted):
    assert TransferPlan.objects.filter(interest=accepted).count() == 1


def test_plan_page_is_missing_before_the_first_meeting(client, make_interest, coordinator_selm):
    interest = make_interest()
    client.force_login(coordinator_selm)
    assert client.get(reverse("transfers:plan", args=[interest.pk])).status_code == 404


def test_plan_page_hidden_from_another_municipality(client, accepted):
    client.force_login(make_coordinator(MunicipalityFactory(name="Unna"), username="unna-plan"))
    assert client.get(reverse("transfers:plan", args=[accepted.pk])).status_code == 404
    client.logout()
    response = client.get(reverse("transfers:plan", args=[accepted.pk]))
    assert response.status_code == 302


def test_both_sides_fill_the_plan_pass_the_midpoint_and_close_with_lessons(
    client, accepted, coordinator_selm, giver, django_capture_on_commit_callbacks
):
    url = reverse("transfers:plan", args=[accepted.pk])
    client.force_login(coordinator_selm)
    response = client.post(
        url,
        {
            "form": "plan",
            "plan-goals": "Alle Familien mit Neugeborenen in Selm erreichen.",
            "plan-support_group": "Familienzentrum Selm – Besuche\nASD – Absprache bei Gefährdung",
            "plan-midpoint_on": "2027-03-01",
        },
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=False):
        client.post(
            url,
            {
                "form": "milestone",
                "milestone-title": "Anschreiben an alle Familien",
                "milestone-due_on": "2027-01-15",
                "milestone-owner": f"{Side.OFFERING}:{giver.pk}",
            },
        )
    assert list(PlanMilestone.objects.values_list("title", "side", "owner__username")) == [
        ("Anschreiben an alle Familien", "offering", "bergkamen-plan")
    ]
    # closing is refused before the mid-point check
    response = client.post(url, {"form": f"close-{Side.ADOPTING}", f"close-{Side.ADOPTING}-lessons": "x"})
    assert response.status_code == 400
    assert "Vor dem Abschluss steht der Halbzeit-Check." in response.content.decode()
    client.post(url, {"form": "midpoint", "midpoint-midpoint_review": "Halb erreicht, Besuche laufen."})
    client.post(url, {"form": f"close-{Side.ADOPTING}", f"close-{Side.ADOPTING}-lessons": "Früh den ASD einbinden."})
    plan = TransferPlan.objects.get(interest=accepted)
    assert (plan.midpoint_review, plan.lessons_adopting, plan.is_closed) == (
        "Halb erreicht, Besuche laufen.",
        "Früh den ASD einbinden.",
        False,
    )
    client.force_login(giver)
    client.post(
        url,
        {
            "form": f"close-{Side.OFFERING}",
            f"close-{Side.OFFERING}-lessons": "Unser Anschreiben war zu lang.",
            f"close-{Side.OFFERING}-success_factors_addition": "Ein kurzes Anschreiben.",
            f"close-{Side.OFFERING}-pitfalls_addition": "",
        },
    )
    plan.refresh_from_db()
    assert plan.is_closed
    project = Project.objects.get(pk=accepted.offer.project_id)
    # the giver's lesson goes to the project's review, not straight onto the page
    assert project.pending_changes == {"success_factors": "Verlässliche Kooperation.\nEin kurzes Anschreiben."}
    printed = client.get(reverse("transfers:plan_print", args=[accepted.pk])).content.decode()
    assert "Familienzentrum Selm – Besuche" in printed
    assert "Unser Anschreiben war zu lang." in printed
    assert "<form" not in printed.split("<main", 1)[1].split("</main>")[0]


def test_milestone_owner_must_coordinate_the_chosen_side(accepted, coordinator_selm, giver):
    with pytest.raises(Exception) as error:
        services.milestone_add(
            interest=accepted,
            user=coordinator_selm,
            title="Beschluss",
            due_on=datetime.date(2027, 1, 1),
            side=Side.ADOPTING,
            owner=giver,
        )
    assert error.value.message_dict == {
        "owner": ["Verantwortlich kann nur eine Koordinatorin oder ein Koordinator dieser Seite sein."]
    }


def test_due_milestone_reminds_its_owner_once_through_the_task_queue(
    accepted, coordinator_selm, giver, django_capture_on_commit_callbacks, run_tasks
):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        milestone = services.milestone_add(
            interest=accepted,
            user=coordinator_selm,
            title="Ratsbeschluss",
            due_on=yesterday,
            side=Side.OFFERING,
            owner=giver,
        )
    giver.transfer_notifications.all().delete()
    run_tasks()
    milestone.refresh_from_db()
    assert milestone.reminded_at is not None
    assert list(giver.transfer_notifications.values_list("subject", flat=True)) == [
        "Meilenstein fällig: „Ratsbeschluss“"
    ]
    assert services.milestone_remind(milestone_id=milestone.pk) is False


def test_milestone_not_yet_due_is_not_reminded(accepted, coordinator_selm, giver):
    milestone = services.milestone_add(
        interest=accepted,
        user=coordinator_selm,
        title="Auswertung",
        due_on=datetime.date.today() + datetime.timedelta(days=30),
        side=Side.OFFERING,
        owner=giver,
    )
    assert services.milestone_remind(milestone_id=milestone.pk) is False
    assert PlanMilestone.objects.get(pk=milestone.pk).reminded_at is None


def _close(interest, adopter, giver):
    services.plan_midpoint_record(interest=interest, user=adopter, review="Auf Kurs.")
    services.plan_close(interest=interest, user=adopter, side=Side.ADOPTING, lessons="Früh den ASD einbinden.")
    return services.plan_close(interest=interest, user=giver, side=Side.OFFERING, lessons="Kürzer anschreiben.")


def test_closed_plan_lessons_show_on_the_project_page_and_reach_its_followers(
    client, accepted, coordinator_selm, giver
):
    follower = make_coordinator(MunicipalityFactory(name="Unna"), username="unna-follower")
    client.force_login(follower)
    project = accepted.offer.project
    response = client.post(reverse("transfers:follow", args=["projekt", project.pk]))
    assert response.status_code == 302
    assert "Diesem Projekt nicht mehr folgen" in client.get(project.get_absolute_url()).content.decode()
    _close(accepted, coordinator_selm, giver)
    assert list(follower.transfer_notifications.values_list("subject", flat=True)) == [
        "Erkenntnisse aus einem Transfer von „Baby-Besuchsdienst“"
    ]
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Was beide Seiten aus dem Transfer nach Selm gelernt haben" in html
    assert "<dt>Bergkamen</dt><dd>Kürzer anschreiben.</dd>" in html


def test_open_plan_lessons_stay_off_the_project_page(client, accepted, coordinator_selm):
    services.plan_midpoint_record(interest=accepted, user=coordinator_selm, review="Auf Kurs.")
    services.plan_close(interest=accepted, user=coordinator_selm, side=Side.ADOPTING, lessons="Noch intern.")
    assert "Noch intern." not in client.get(accepted.offer.project.get_absolute_url()).content.decode()
