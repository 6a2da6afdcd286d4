import datetime

from django.urls import reverse
from django.utils import timezone

from tests.events.factories import EventFactory

RESULTS_URL = reverse("search:results")


def group_totals(response) -> dict[str, int]:
    return {group.kind: group.total for group in response.context["groups"]}


def test_results_page_groups_the_hits_by_kind_with_counts(client, demo):
    response = client.get(RESULTS_URL, {"q": "Besuchsdienst"})

    totals = group_totals(response)
    assert set(totals) == {"project", "offer", "request", "network", "event"}
    assert totals["offer"] == 1
    offer_titles = [title for title, _url, _text in response.context["groups"][1].items]
    assert offer_titles == ["Baby-Besuchsdienst Bergkamen"]
    assert response.context["total"] == sum(totals.values())
    assert "<mark>" in response.content.decode()


def test_results_page_counts_upcoming_fachtage_with_a_kommune_as_text(client, db):
    soon = EventFactory(title="Transfertag Lesezwergbesuche", place="Familienbüro Bergkamen")
    EventFactory(title="Lesezwergbesuche 2025", starts_at=timezone.now() - datetime.timedelta(days=100))

    response = client.get(RESULTS_URL, {"q": "Lesezwergbesuche Bergkamen"})

    events = next(group for group in response.context["groups"] if group.kind == "event")
    assert (events.total, [url for _title, url, _text in events.items]) == (1, [soon.get_absolute_url()])


def test_results_page_without_a_query_shows_only_the_box(client, db):
    response = client.get(RESULTS_URL)

    assert response.status_code == 200
    assert response.context["groups"] == []


def test_home_carries_one_search_box_and_other_pages_carry_it_in_the_header(client, db):
    home = client.get(reverse("projects:home")).content.decode()
    other = client.get(reverse("projects:list")).content.decode()

    assert ('id="suche-start"' in home, 'id="suche-kopf"' in home) == (True, False)
    assert 'id="suche-kopf"' in other
    assert f'action="{RESULTS_URL}"' in home


def test_results_page_escapes_the_query(client, db):
    response = client.get(RESULTS_URL, {"q": "<script>alert(1)</script>"})

    assert "<script>alert(1)</script>" not in response.content.decode()
