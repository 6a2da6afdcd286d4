import datetime

import icalendar
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import EventRegistration
from search import index

from ..factories import UserFactory, make_coordinator
from .factories import EventFactory

pytestmark = pytest.mark.django_db
Status = EventRegistration.Status


@pytest.fixture
def event(transitions):
    event = EventFactory(title="Fachtag Übergänge", capacity=1, programme="09:30 Begrüßung\n10:00 Werkstätten")
    event.transitions.set(transitions[1:2])
    return event


def test_registration_gets_a_place_then_the_waiting_list(event, coordinator_bergkamen, coordinator_selm, bergkamen):
    first = services.registration_register(event=event, user=coordinator_bergkamen)
    second = services.registration_register(event=event, user=coordinator_selm)

    assert (first.status, first.municipality, second.status) == (Status.CONFIRMED, bergkamen, Status.WAITING)


def test_registration_cancel_moves_the_first_waiting_up(event, coordinator_bergkamen, coordinator_selm):
    first = services.registration_register(event=event, user=coordinator_bergkamen)
    second = services.registration_register(event=event, user=coordinator_selm)

    moved = services.registration_cancel(registration=first, by=coordinator_bergkamen)

    second.refresh_from_db()
    assert (moved, second.status, first.status) == (second, Status.CONFIRMED, Status.CANCELLED)


def test_registration_twice_is_refused_in_german(event, coordinator_bergkamen):
    services.registration_register(event=event, user=coordinator_bergkamen)

    with pytest.raises(ValidationError, match="bereits angemeldet"):
        services.registration_register(event=event, user=coordinator_bergkamen)


def test_registration_for_past_event_is_refused(coordinator_bergkamen):
    past = EventFactory(starts_at=timezone.now() - datetime.timedelta(days=3))

    with pytest.raises(ValidationError, match="keine Anmeldung"):
        services.registration_register(event=past, user=coordinator_bergkamen)


def test_registration_needs_a_role(event):
    with pytest.raises(PermissionDenied):
        services.registration_register(event=event, user=UserFactory(username="ohne-rolle"))


def test_event_register_view_full_event_puts_on_waiting_list(client, event, coordinator_selm, bergkamen):
    services.registration_register(event=event, user=make_coordinator(bergkamen, username="k-b2"))
    client.force_login(coordinator_selm)

    response = client.post(reverse("events:register", kwargs={"slug": event.slug}), follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "Der Fachtag ist ausgebucht. Sie stehen auf der Warteliste und rücken nach, wenn ein Platz frei wird."
    ]
    assert "Sie stehen auf der Warteliste." in response.content.decode()


def test_event_register_view_anonymous_is_sent_to_login(client, event):
    response = client.post(reverse("events:register", kwargs={"slug": event.slug}))

    assert response.status_code == 302
    assert not EventRegistration.objects.exists()


def test_event_register_view_user_without_role_is_forbidden(client, event):
    client.force_login(UserFactory(username="ohne-rolle"))

    assert client.post(reverse("events:register", kwargs={"slug": event.slug})).status_code == 403


def test_event_cancel_view_without_registration_is_404(client, event, coordinator_selm):
    client.force_login(coordinator_selm)

    assert client.post(reverse("events:cancel", kwargs={"slug": event.slug})).status_code == 404


def test_event_detail_shows_programme_and_places(client, event):
    html = client.get(event.get_absolute_url()).content.decode()

    assert "<li>10:00 Werkstätten</li>" in html
    assert "0 von 1 Plätzen belegt" in html
    assert "Melden Sie sich an" in html


def test_event_unpublished_is_404(client):
    hidden = EventFactory(is_published=False)

    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:ics", kwargs={"slug": hidden.slug})).status_code == 404


def test_event_list_shows_upcoming_only_and_past_on_request(client, event):
    past = EventFactory(title="Fachtag 2025", starts_at=timezone.now() - datetime.timedelta(days=100))

    upcoming = client.get(reverse("events:list"))
    earlier = client.get(reverse("events:list"), {"zeitraum": "vergangen"})

    assert list(upcoming.context["events"]) == [event]
    assert list(earlier.context["events"]) == [past]


@pytest.mark.parametrize("count", [1, 3])
def test_event_list_query_count_is_fixed(client, transitions, django_assert_num_queries, count):
    for _ in range(count):
        EventFactory().transitions.set(transitions[:2])

    with django_assert_num_queries(4):
        response = client.get(reverse("events:list"))

    assert len(response.context["events"]) == count


@pytest.fixture
def searchable_events(transitions):
    besuche = EventFactory(title="Transfertag Willkommensbesuche", place="Familienbüro Bergkamen")
    kita = EventFactory(title="Fachtag Eingewöhnung", description="Gute Praxis beim Start in die Krippe.")
    kita.transitions.set([transitions[1]])
    EventFactory(title="Fachtag Schule und Beruf", place="Kreishaus Unna")
    return besuche, kita


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Willkommensbesuch", ["Transfertag Willkommensbesuche"]),  # stemmed
        ("Wilkommensbesuche", ["Transfertag Willkommensbesuche"]),  # typo
        ("Kita", ["Fachtag Eingewöhnung"]),  # the Übergang, named by its short name, is a filter
        ("Bergkamen", ["Transfertag Willkommensbesuche"]),  # a Kommune is text: Fachtage name no Kommune
        ("Quantenphysik", []),
    ],
)
def test_event_list_search_uses_the_search_engine(client, searchable_events, bergkamen, text, expected):
    response = client.get(reverse("events:list"), {"q": text})

    assert [event.title for event in response.context["events"]] == expected


def test_event_list_search_keeps_the_time_tab(client, searchable_events):
    EventFactory(title="Willkommensbesuche 2025", starts_at=timezone.now() - datetime.timedelta(days=100))

    response = client.get(reverse("events:list"), {"q": "Willkommensbesuche", "zeitraum": "vergangen"})

    assert [event.title for event in response.context["events"]] == ["Willkommensbesuche 2025"]
    assert '<input type="hidden" name="zeitraum" value="vergangen">' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "chips"),
    [
        ({"q": "Kita Eingewöhnung"}, [("Übergang: Kita", "q=eingew%C3%B6hnung")]),
        (  # the time tab stays
            {"q": "Eingewöhnung Kita", "zeitraum": "vergangen"},
            [("Übergang: Kita", "q=eingew%C3%B6hnung&zeitraum=vergangen")],
        ),
        ({"q": "Kita"}, [("Übergang: Kita", "")]),
        ({"q": "Bergkamen"}, []),  # a Kommune is text for Fachtage, no filter
        ({"q": "Willkommensbesuche"}, []),
    ],
)
def test_event_list_shows_named_uebergang_as_removable_chip(client, searchable_events, bergkamen, params, chips):
    response = client.get(reverse("events:list"), params)

    assert response.context["active_filters"] == chips
    for label, url in chips:
        link = url.replace("&", "&amp;")
        assert f'href="?{link}">{label} <span aria-hidden="true">×</span>' in response.content.decode()


def test_event_list_chip_leads_to_the_search_without_the_uebergang(client, searchable_events):
    EventFactory(title="Eingewöhnung ohne Übergang")  # found once the Übergang filter is removed
    filtered = client.get(reverse("events:list"), {"q": "Kita Eingewöhnung"})

    (_label, url), *_rest = filtered.context["active_filters"]
    widened = client.get(f"{reverse('events:list')}?{url}")

    assert [event.title for event in filtered.context["events"]] == ["Fachtag Eingewöhnung"]
    assert sorted(event.title for event in widened.context["events"]) == [
        "Eingewöhnung ohne Übergang",
        "Fachtag Eingewöhnung",
    ]
    assert widened.context["active_filters"] == []


@pytest.mark.parametrize("count", [1, 3])
def test_event_list_search_query_count_is_fixed(client, transitions, django_assert_num_queries, count):
    for _ in range(count):
        EventFactory(title="Fachtag Frühe Hilfen").transitions.set(transitions[:2])
    index.rebuild()

    with django_assert_num_queries(9):
        response = client.get(reverse("events:list"), {"q": "Frühe Hilfen"})

    assert len(response.context["events"]) == count


def test_event_feed_imports_into_a_calendar_parser(client, event):
    EventFactory(title="Transfertag Frühe Hilfen", place="Familienbüro Bergkamen")
    EventFactory(title="Entwurf", is_published=False)

    response = client.get(reverse("events:feed"))

    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert sorted(str(component["SUMMARY"]) for component in events) == [
        "Fachtag Übergänge",
        "Transfertag Frühe Hilfen",
    ]
    first = next(component for component in events if str(component["SUMMARY"]) == "Fachtag Übergänge")
    assert first.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    assert first.decoded("DTEND") == event.ends_at.replace(microsecond=0)
    assert str(first["LOCATION"]) == "Kreishaus Unna"
    assert "10:00 Werkstätten" in str(first["DESCRIPTION"])
    assert str(first["URL"]).endswith(event.get_absolute_url())


def test_event_ics_has_one_event(client, event):
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))

    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(c["UID"]) for c in calendar.walk("VEVENT")] == [f"fachtag-{event.pk}@transferboerse"]
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'


def test_upcoming_events_partial_lists_next_events(event):
    html = Template('{% include "events/_upcoming_events.html" %}').render(Context({}))

    assert "Fachtag Übergänge" in html
    assert "/fachtage/kalender.ics" in html
