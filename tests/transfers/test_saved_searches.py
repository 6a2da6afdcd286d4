"""Saved searches (Suchaufträge): save a list's filters and search, hear of new results, unsubscribe."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from transfers import services
from transfers.models import SavedSearch

from ..factories import ProjectFactory, TransferOfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kita(transitions):
    return transitions[1]


def test_saving_a_search_from_the_project_list_counts_todays_results_as_seen(client, coordinator_selm, kita):
    known = ProjectFactory(title="Kita-Brücke", transitions=[kita])
    ProjectFactory(title="Anderes Thema")
    client.force_login(coordinator_selm)
    page = client.get(reverse("projects:list"), {"uebergang": kita.slug}).content.decode()
    assert 'name="list_name" value="projekte"' in page
    response = client.post(
        reverse("transfers:saved_searches"),
        {"list_name": "projekte", "query": f"uebergang={kita.slug}&seite=2", "frequency": "weekly"},
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get()
    assert (saved.list_name, saved.query, saved.frequency, saved.seen_ids) == (
        "projekte",
        f"uebergang={kita.slug}",
        "weekly",
        [known.pk],
    )
    listing = client.get(reverse("transfers:saved_searches")).content.decode()
    assert "Projekte: Übergang: Übergang in die Kita" in listing


def test_saved_search_mails_a_new_matching_project_in_the_next_digest_with_unsubscribe_link(
    coordinator_selm, kita, run_tasks, django_capture_on_commit_callbacks
):
    services.notification_preference_set(user=coordinator_selm, frequency="daily", saved_search_frequency="daily")
    saved = services.saved_search_create(
        user=coordinator_selm, list_name="projekte", query=f"uebergang={kita.slug}", frequency="daily"
    )
    ProjectFactory(title="Kita-Lotsen Unna", transitions=[kita])
    ProjectFactory(title="Ohne Kita")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_tasks()
    [digest] = mail.outbox
    assert "Kita-Lotsen Unna" in digest.body
    assert "Ohne Kita" not in digest.body
    unsubscribe_line = next(line for line in digest.body.splitlines() if "Suchauftrag abbestellen:" in line)
    assert unsubscribe_line.endswith(saved.get_unsubscribe_url())
    # the next run finds nothing new
    assert services.saved_searches_check(frequency="daily") == 0


def test_unsubscribe_link_works_without_signing_in(client, coordinator_selm):
    saved = services.saved_search_create(user=coordinator_selm, list_name="angebote", query="", frequency="instant")
    page = client.get(saved.get_unsubscribe_url()).content.decode()
    assert "Möchten Sie keine E-Mails mehr zum Suchauftrag „Transfer-Angebote: alle“ erhalten?" in page
    client.post(saved.get_unsubscribe_url())
    assert SavedSearch.objects.count() == 0
    assert "Dieser Suchauftrag ist abbestellt." in client.get(saved.get_unsubscribe_url()).content.decode()


def test_instant_saved_search_on_offers_mails_at_once(coordinator_selm, run_tasks, django_capture_on_commit_callbacks):
    services.saved_search_create(user=coordinator_selm, list_name="angebote", query="", frequency="instant")
    TransferOfferFactory(project=ProjectFactory(title="Neues Angebot"))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.saved_searches_check(frequency="instant") == 1
    run_tasks()
    [message] = mail.outbox
    assert "- Transfer-Angebot: Neues Angebot" in message.body
    assert "Suchauftrag abbestellen:" in message.body


def test_saved_searches_are_private_and_unknown_lists_refused(client, coordinator_selm, coordinator_unna):
    services.saved_search_create(user=coordinator_unna, list_name="gesuche", query="", frequency="daily")
    client.force_login(coordinator_selm)
    assert "Transfer-Gesuche: alle" not in client.get(reverse("transfers:saved_searches")).content.decode()
    other = SavedSearch.objects.get()
    assert client.post(reverse("transfers:saved_searches"), {"delete": other.pk}).status_code == 404
    response = client.post(
        reverse("transfers:saved_searches"), {"list_name": "geheim", "query": "", "frequency": "daily"}
    )
    assert response.status_code == 400
    assert SavedSearch.objects.count() == 1
