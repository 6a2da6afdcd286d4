"""A Koordinator asks for their published network's archiving ("Archivierung beantragen") with a reason;
reviewers find the request on the start page and in their mail, and archive the network or decline."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import OutgoingMail
from networks import services
from networks.models import Network

from ..factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

REASON = "Der Arbeitskreis hat sich 2025 aufgelöst."


@pytest.fixture
def network(bergkamen):
    organisation = OrganisationFactory(name="Familienbüro Bergkamen", municipality=bergkamen)
    return NetworkFactory(name="AK Frühe Hilfen Bergkamen", coordinating_organisation=organisation)


def changelist() -> str:
    return reverse("admin:networks_network_changelist")


def review_url(network) -> str:
    return reverse("admin:networks_network_review", args=[network.pk])


def request_in_admin(client, network, reason: str = REASON, **extra):
    return client.post(
        changelist(),
        {"action": "request_archiving_selected", "_selected_action": [network.pk], "reason": reason, **extra},
        follow=True,
    )


# The service ---------------------------------------------------------------------------------------------


def test_request_keeps_the_network_public_and_mails_the_reviewers_with_a_link(
    client, network, coordinator_bergkamen, steering_member
):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=f"  {REASON}\r\n")

    network.refresh_from_db()
    assert (network.status, network.archive_reason, network.submitted_by) == (
        Network.Status.PUBLISHED,
        REASON,
        coordinator_bergkamen,
    )
    assert network.archive_requested_at is not None
    assert list(Network.objects.awaiting_review()) == [network]
    assert client.get(network.get_absolute_url()).status_code == 200
    mail = OutgoingMail.objects.get(to=steering_member.email)
    assert mail.subject == "Archivierung beantragt: AK Frühe Hilfen Bergkamen"
    assert REASON in mail.body
    assert review_url(network) in mail.body
    assert network.history.first().history_change_reason == "Archivierung beantragt"


def test_request_needs_a_reason(network, coordinator_bergkamen):
    with pytest.raises(ValidationError) as error:
        services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=" \n ")

    assert error.value.message_dict == {"reason": ["Bitte schreiben Sie, warum das Netzwerk archiviert werden soll."]}
    network.refresh_from_db()
    assert network.archive_requested_at is None


@pytest.mark.parametrize("status", [Network.Status.DRAFT, Network.Status.IN_REVIEW, Network.Status.ARCHIVED])
def test_request_refuses_a_network_that_is_not_published(network, coordinator_bergkamen, status):
    Network.objects.filter(pk=network.pk).update(status=status)

    with pytest.raises(ValidationError) as error:
        services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)

    assert error.value.messages == ["Archiviert werden können nur veröffentlichte Netzwerke."]


def test_request_is_made_once(network, coordinator_bergkamen):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)

    with pytest.raises(ValidationError) as error:
        services.network_request_archiving(network=network, by=coordinator_bergkamen, reason="Noch einmal")

    assert error.value.messages == ["Die Archivierung ist bereits beantragt."]


def test_coordinator_of_another_kommune_cannot_request(network, coordinator_selm):
    with pytest.raises(PermissionDenied):
        services.network_request_archiving(network=network, by=coordinator_selm, reason=REASON)

    network.refresh_from_db()
    assert network.archive_requested_at is None


def test_reviewer_archives_on_request_and_the_coordinator_is_told(network, coordinator_bergkamen, steering_member):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)

    services.network_archive(network=network, by=steering_member)

    network.refresh_from_db()
    assert (network.status, network.archive_requested_at, network.archive_reason) == (
        Network.Status.ARCHIVED,
        None,
        "",
    )
    mail = OutgoingMail.objects.get(to=coordinator_bergkamen.email)
    assert mail.subject == "Archiviert: AK Frühe Hilfen Bergkamen"
    assert reverse("admin:networks_network_change", args=[network.pk]) in mail.body


def test_archiving_without_a_request_mails_nobody(network, steering_member):
    services.network_archive(network=network, by=steering_member)

    assert OutgoingMail.objects.count() == 0


def test_reviewer_declines_with_a_comment_and_the_network_stays_public(network, coordinator_bergkamen, steering_member):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)

    services.network_return(network=network, by=steering_member, comment="Der AK tagt laut Protokoll weiter.")

    network.refresh_from_db()
    assert (network.status, network.archive_requested_at, network.review_comment) == (
        Network.Status.PUBLISHED,
        None,
        "Der AK tagt laut Protokoll weiter.",
    )
    assert list(Network.objects.awaiting_review()) == []
    returned = OutgoingMail.objects.filter(to=coordinator_bergkamen.email).get()
    assert "Der AK tagt laut Protokoll weiter." in returned.body


def test_coordinator_cannot_archive_their_own_request(network, coordinator_bergkamen):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)

    with pytest.raises(PermissionDenied):
        services.network_archive(network=network, by=coordinator_bergkamen)


# The admin -------------------------------------------------------------------------------------------------


def test_coordinator_action_asks_for_the_reason_first(client, network, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    page = client.post(changelist(), {"action": "request_archiving_selected", "_selected_action": [network.pk]})

    network.refresh_from_db()
    assert page.templates[0].name == "admin/networks/network/request_archiving.html"
    assert [n.name for n in page.context["networks"]] == ["AK Frühe Hilfen Bergkamen"]
    assert network.archive_requested_at is None


def test_coordinator_action_with_a_reason_records_the_request(client, network, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    response = request_in_admin(client, network, apply="1")

    network.refresh_from_db()
    assert network.archive_reason == REASON
    assert [str(m) for m in response.context["messages"]] == [
        "Archivierung für 1 Netzwerk(e) beantragt. Bis zur Entscheidung der Prüfung bleiben sie öffentlich."
    ]


def test_coordinator_action_without_a_reason_shows_the_form_again(client, network, coordinator_bergkamen):
    client.force_login(coordinator_bergkamen)

    page = request_in_admin(client, network, reason="", apply="1")

    network.refresh_from_db()
    assert page.context["form"].errors == {
        "reason": ["Bitte schreiben Sie, warum das Netzwerk archiviert werden soll."]
    }
    assert network.archive_requested_at is None


def test_coordinator_of_another_kommune_cannot_request_through_the_admin(client, network, coordinator_selm):
    client.force_login(coordinator_selm)

    request_in_admin(client, network, apply="1")

    network.refresh_from_db()
    assert network.archive_requested_at is None


def test_reviewers_have_no_request_action_they_archive(client, network, steering_member, coordinator_bergkamen):
    def actions():
        return [name for name, _label in client.get(changelist()).context["action_form"].fields["action"].choices]

    client.force_login(coordinator_bergkamen)
    coordinator_actions = actions()
    client.force_login(steering_member)

    assert ("request_archiving_selected" in coordinator_actions, "request_archiving_selected" in actions()) == (
        True,
        False,
    )


def test_start_page_shows_the_request_to_reviewers_with_a_link_to_the_review(
    client, network, coordinator_bergkamen, steering_member
):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)
    client.force_login(steering_member)

    page = client.get(reverse("admin:index")).content.decode()

    assert (
        f'<a href="{review_url(network)}">AK Frühe Hilfen Bergkamen</a> '
        '<span class="count">(Archivierung beantragt)</span>'
    ) in page


def test_review_page_shows_the_reason_and_archives(client, network, coordinator_bergkamen, steering_member):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)
    client.force_login(steering_member)

    page = client.get(review_url(network)).content.decode()
    response = client.post(review_url(network), {"_archive": "1"}, follow=True)

    assert REASON in page
    assert 'name="_archive"' in page and 'name="_return"' in page
    network.refresh_from_db()
    assert network.status == Network.Status.ARCHIVED
    assert [str(m) for m in response.context["messages"]] == [
        "„AK Frühe Hilfen Bergkamen“ ist archiviert und nicht mehr öffentlich gelistet."
    ]


def test_review_page_declines_the_request_with_a_comment(client, network, coordinator_bergkamen, steering_member):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)
    client.force_login(steering_member)

    client.post(review_url(network), {"_return": "1", "comment": "Bitte erst das Protokoll nachreichen."})

    network.refresh_from_db()
    assert (network.status, network.archive_requested_at) == (Network.Status.PUBLISHED, None)


def test_coordinator_gets_no_review_page(client, network, coordinator_bergkamen):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)
    client.force_login(coordinator_bergkamen)

    response = client.post(review_url(network), {"_archive": "1"})

    network.refresh_from_db()
    assert (response.status_code, network.status) == (403, Network.Status.PUBLISHED)


def test_change_form_tells_the_coordinator_the_request_waits(client, network, coordinator_bergkamen):
    services.network_request_archiving(network=network, by=coordinator_bergkamen, reason=REASON)
    client.force_login(coordinator_bergkamen)

    page = client.get(reverse("admin:networks_network_change", args=[network.pk])).content.decode()

    assert "Die Archivierung ist beantragt; bis zur Entscheidung der Prüfung bleibt das Netzwerk öffentlich." in page
