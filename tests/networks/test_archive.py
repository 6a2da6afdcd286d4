"""Networks are archived like projects: by a reviewer, off every public list, the search and the API;
their page stays reachable with a clear note. A reviewer can put them back."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from networks import services
from networks.models import Network
from search.documents import build, public_ids
from search.models import SearchChange

from ..factories import NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(bergkamen):
    return NetworkFactory(name="AK Frühe Hilfen Bergkamen", municipalities=[bergkamen])


def test_network_archive_takes_it_off_lists_search_and_api_and_logs_a_search_change(client, network, steering_member):
    SearchChange.objects.all().delete()

    services.network_archive(network=network, by=steering_member)

    network.refresh_from_db()
    assert network.status == Network.Status.ARCHIVED
    assert list(SearchChange.objects.values_list("kind", "object_id")) == [("network", network.pk)]
    assert public_ids("network") == set()
    assert list(build("network", [network.pk])) == []
    assert list(client.get(reverse("networks:list")).context["object_list"]) == []
    assert client.get("/api/v1/networks/").json()["contents"] == []
    assert network.history.first().history_change_reason == "Archiviert"


def test_network_archived_page_reached_directly_says_it_is_archived(client, network, steering_member):
    services.network_archive(network=network, by=steering_member)

    response = client.get(network.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Netzwerk ist archiviert" in html
    assert '<meta name="robots" content="noindex">' in html


def test_network_published_page_has_no_archive_note(client, network):
    html = client.get(network.get_absolute_url()).content.decode()

    assert "archiviert" not in html


@pytest.mark.parametrize("step", [services.network_archive, services.network_unarchive])
def test_network_archive_steps_are_for_reviewers_only(network, coordinator_bergkamen, step):
    with pytest.raises(PermissionDenied):
        step(network=network, by=coordinator_bergkamen)


@pytest.mark.parametrize("status", [Network.Status.DRAFT, Network.Status.IN_REVIEW, Network.Status.ARCHIVED])
def test_network_archive_refuses_what_is_not_published(network, steering_member, status):
    Network.objects.filter(pk=network.pk).update(status=status)

    with pytest.raises(ValidationError) as error:
        services.network_archive(network=network, by=steering_member)

    assert error.value.messages == ["Archiviert werden können nur veröffentlichte Netzwerke."]


def test_network_unarchive_publishes_it_again(client, network, steering_member):
    services.network_archive(network=network, by=steering_member)

    services.network_unarchive(network=network, by=steering_member)

    network.refresh_from_db()
    assert network.status == Network.Status.PUBLISHED
    assert public_ids("network") == {network.pk}


def test_network_archive_action_in_the_admin_for_reviewer_not_for_coordinator(
    client, network, steering_member, coordinator_bergkamen
):
    url = reverse("admin:networks_network_changelist")
    client.force_login(coordinator_bergkamen)
    coordinator_actions = [name for name, _label in client.get(url).context["action_form"].fields["action"].choices]
    client.post(url, {"action": "archive_selected", "_selected_action": [network.pk]})
    network.refresh_from_db()
    assert "archive_selected" not in coordinator_actions
    assert network.status == Network.Status.PUBLISHED

    client.force_login(steering_member)
    response = client.post(url, {"action": "archive_selected", "_selected_action": [network.pk]}, follow=True)

    network.refresh_from_db()
    assert network.status == Network.Status.ARCHIVED
    assert [str(m) for m in response.context["messages"]][-1] == "1 Netzwerk(e) archiviert."
