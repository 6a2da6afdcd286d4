"""iCalendar (RFC 5545) files of Fachtage, for import into Outlook, Thunderbird and phones."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event

PRODID = "-//Transferbörse Präventionsketten//Fachtage//DE"


def _event_component(event: Event) -> CalendarEvent:
    component = CalendarEvent()
    component.add("uid", f"fachtag-{event.pk}@transferboerse")
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("dtstart", event.starts_at)
    component.add("dtend", event.ends_at)
    component.add("summary", event.title)
    component.add("location", ", ".join(part for part in [event.place, " ".join(event.address.split())] if part))
    description = "\n\n".join(part for part in [event.description, event.programme] if part)
    if description:
        component.add("description", description)
    component.add("url", settings.SITE_URL.rstrip("/") + event.get_absolute_url())
    return component


def calendar_for(events) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Fachtage der Transferbörse")
    for event in events:
        calendar.add_component(_event_component(event))
    return calendar.to_ical()
