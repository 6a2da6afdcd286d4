"""No transfer, stage, rating or booking can be forged through the admin."""

import pytest
from django.urls import reverse

from projects import services as project_services
from projects.models import Project
from transfers.models import TransferInterest, TransferService

from ..factories import ProjectFactory, TransferInterestFactory, TransferOfferFactory, TransferServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def werne_offer(db):
    offer = TransferOfferFactory(project=ProjectFactory(title="Elternschule Werne", municipality__name="Werne"))
    TransferServiceFactory(offer=offer, kind=TransferService.Kind.COACHING, capacity=2)
    return offer


def _forged(offer, municipality, registered_by, services) -> dict:
    return {
        "offer": offer.pk,
        "municipality": municipality.pk,
        "stage": TransferInterest.Stage.RATED,
        "rating": "5",
        "rated_at_0": "01.01.2026",
        "rated_at_1": "10:00:00",
        "experience_worked": "Alles hat funktioniert.",
        "registered_by": registered_by.pk,
        "services": [service.pk for service in services],
        "_save": "Sichern",
    }


def test_admin_add_of_a_rated_transfer_by_coordinator_is_refused(
    client, selm, coordinator_selm, werne_offer, steering_member
):
    other_service = TransferServiceFactory(offer=TransferOfferFactory(), capacity=2)
    client.force_login(coordinator_selm)

    response = client.post(
        reverse("admin:transfers_transferinterest_add"),
        _forged(werne_offer, selm, steering_member, [*werne_offer.services.all(), other_service]),
    )

    assert response.status_code == 403
    assert TransferInterest.objects.count() == 0
    assert TransferService.objects.with_booked().get(pk=other_service.pk).free_capacity == 2


def test_admin_change_of_a_transfer_never_moves_its_stage_or_offer(
    client, selm, coordinator_selm, werne_offer, steering_member
):
    interest = TransferInterestFactory(offer=werne_offer, municipality=selm, message="Wir möchten das übernehmen.")
    elsewhere = TransferOfferFactory()
    client.force_login(coordinator_selm)
    url = reverse("admin:transfers_transferinterest_change", args=[interest.pk])

    response = client.post(url, {**_forged(elsewhere, selm, steering_member, []), "stage": "implemented"})

    assert response.status_code == 403
    interest.refresh_from_db()
    assert (interest.stage, interest.offer, interest.rating, interest.registered_by) == (
        TransferInterest.Stage.REGISTERED,
        werne_offer,
        None,
        None,
    )


def test_admin_interest_page_shows_the_transfer_read_only_with_a_link_to_the_portal(
    client, selm, coordinator_selm, werne_offer
):
    interest = TransferInterestFactory(offer=werne_offer, municipality=selm)
    client.force_login(coordinator_selm)

    response = client.get(reverse("admin:transfers_transferinterest_change", args=[interest.pk]))

    assert response.context["adminform"].form.fields == {}
    content = response.content.decode()
    assert f'href="{interest.get_absolute_url()}"' in content
    assert "<select" not in content


def test_project_admin_status_is_read_only_even_for_a_superuser(client, bergkamen):
    from ..factories import UserFactory

    superuser = UserFactory(username="admin-status", is_superuser=True)
    draft = ProjectFactory(municipality=bergkamen, status=Project.Status.DRAFT)
    client.force_login(superuser)

    response = client.get(reverse("admin:projects_project_change", args=[draft.pk]))

    assert "status" not in response.context["adminform"].form.fields
    assert "status" in response.context["adminform"].readonly_fields


def test_project_save_ignores_workflow_values_held_in_memory(bergkamen, coordinator_bergkamen, steering_member):
    forged = Project(municipality=bergkamen, status=Project.Status.PUBLISHED, reviewed_by=steering_member)

    saved = project_services.project_save(
        project=forged,
        cleaned_data={"municipality": bergkamen, "title": "Neues Projekt", "summary": "Kurz."},
        by=coordinator_bergkamen,
    )

    saved.refresh_from_db()
    assert (saved.title, saved.status, saved.reviewed_by) == ("Neues Projekt", Project.Status.DRAFT, None)


def test_project_save_refuses_workflow_fields_in_the_edit(bergkamen, coordinator_bergkamen):
    from django.core.exceptions import ValidationError

    project = ProjectFactory(municipality=bergkamen, status=Project.Status.DRAFT)

    with pytest.raises(ValidationError) as error:
        project_services.project_save(
            project=project, cleaned_data={"status": Project.Status.PUBLISHED}, by=coordinator_bergkamen
        )

    assert error.value.messages == ["Diese Felder lassen sich nicht bearbeiten: status"]
    project.refresh_from_db()
    assert project.status == Project.Status.DRAFT
