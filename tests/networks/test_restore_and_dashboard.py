"""A network's earlier version comes back through review like a project's; the admin start page counts
the networks that wait for review."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from networks import services
from networks.models import Network

from ..admin.conftest import form_data
from ..factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth_office(bergkamen):
    return OrganisationFactory(name="Jugendamt Bergkamen", municipality=bergkamen)


def _restore(client, network, version):
    url = reverse("admin:networks_network_simple_history", args=[network.pk, version.history_id])
    data = form_data(client.get(url).content.decode(), "historicalnetwork_form")
    data["_save"] = ["Wiederherstellen"]
    return client.post(url, data)


def test_network_restore_of_a_published_network_by_a_reviewer_waits_for_review(
    client, youth_office, coordinator_bergkamen, steering_member
):
    network = NetworkFactory(name="Runder Tisch Kita", coordinating_organisation=youth_office)
    services.network_save(network=network, cleaned_data={"description": "Erste Fassung"}, by=steering_member)
    old_version = network.history.first()
    services.network_save(network=network, cleaned_data={"description": "Zweite Fassung"}, by=steering_member)
    client.force_login(steering_member)

    response = _restore(client, network, old_version)

    assert response.status_code == 302
    network.refresh_from_db()
    assert (network.status, network.description) == (Network.Status.PUBLISHED, "Zweite Fassung")
    assert network.pending_changes == {"description": "Erste Fassung"}
    assert list(Network.objects.awaiting_review()) == [network]


def test_network_restore_of_a_draft_applies_at_once(youth_office, coordinator_bergkamen):
    network = NetworkFactory(
        name="AK Frühe Hilfen", coordinating_organisation=youth_office, status=Network.Status.DRAFT
    )

    restored = services.network_restore(
        network=network, cleaned_data={"description": "Alte Fassung"}, by=coordinator_bergkamen
    )

    assert (restored.status, restored.description, restored.pending_changes) == (
        Network.Status.DRAFT,
        "Alte Fassung",
        {},
    )


def test_network_restore_of_another_towns_network_is_denied(youth_office, coordinator_selm):
    network = NetworkFactory(coordinating_organisation=youth_office, status=Network.Status.DRAFT)

    with pytest.raises(PermissionDenied):
        services.network_restore(network=network, cleaned_data={"description": "Fremd"}, by=coordinator_selm)


def test_admin_start_page_counts_networks_in_review_for_reviewer_and_own_coordinator(
    client, youth_office, bergkamen, selm, steering_member, coordinator_bergkamen, coordinator_selm
):
    submitted = NetworkFactory(
        name="AK Übergang Kita", coordinating_organisation=youth_office, status=Network.Status.IN_REVIEW
    )
    changed = NetworkFactory(name="Runder Tisch Schule", coordinating_organisation=youth_office)
    services.network_propose_changes(network=changed, changes={"description": "Neu"}, by=coordinator_bergkamen)
    NetworkFactory(name="AK Entwurf", coordinating_organisation=youth_office, status=Network.Status.DRAFT)

    pages = {}
    for user in (steering_member, coordinator_bergkamen, coordinator_selm):
        client.force_login(user)
        pages[user.username] = client.get(reverse("admin:index")).context["networks"]

    reviewer = pages[steering_member.username]
    assert (reviewer["count"], {n.name for n in reviewer["items"]}) == (2, {submitted.name, changed.name})
    assert pages[coordinator_bergkamen.username]["count"] == 2
    assert (pages[coordinator_selm.username]["count"], pages[coordinator_selm.username]["items"]) == (0, [])


def test_admin_start_page_shows_the_networks_panel_with_review_links(client, youth_office, steering_member):
    submitted = NetworkFactory(
        name="AK Übergang Kita", coordinating_organisation=youth_office, status=Network.Status.IN_REVIEW
    )
    client.force_login(steering_member)

    html = client.get(reverse("admin:index")).content.decode()

    assert "Netzwerke zur Prüfung eingereicht" in html
    assert reverse("admin:networks_network_review", args=[submitted.pk]) in html
