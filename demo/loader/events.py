"""Demo Fachtage and the registrations for them."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from events.models import Event, EventRegistration

from .base import (
    CREATED,
    UNCHANGED,
    Catalog,
    LoadReport,
    _slug,
    _sync_relations,
    _upsert,
    read,
)


@transaction.atomic
def load_events(catalog: Catalog, report: LoadReport) -> None:
    events = read("events")
    today = timezone.localdate()
    for data in events["events"]:
        day = today + datetime.timedelta(days=data["days_from_today"])

        def at(clock: datetime.time, day=day) -> datetime.datetime:
            return timezone.make_aware(datetime.datetime.combine(day, clock))

        event, status = _upsert(
            Event,
            lookup={"title": data["title"]},
            values={name: data[name] for name in ["place", "address", "description", "programme", "capacity"]},
            # The date is set once: a second load on another day keeps the Fachtag where it is.
            on_create={"slug": _slug(Event, data["title"]), "starts_at": at(data["start"]), "ends_at": at(data["end"])},
        )
        status = _sync_relations(
            event,
            status,
            {
                "transitions": [catalog.transitions[name] for name in data["transitions"]],
                "action_fields": [catalog.action_fields[name] for name in data["action_fields"]],
            },
        )
        report.add("events", status)

    for data in events["registrations"]:
        event, user = Event.objects.get(title=data["event"]), catalog.users[data["user"]]
        # Registrations are workflow state: any existing one (even cancelled) is left alone.
        if EventRegistration.objects.filter(event=event, user=user).exists():
            report.add("registrations", UNCHANGED)
            continue
        EventRegistration.objects.create(
            event=event, user=user, municipality=user.coordinator_roles.first().municipality
        )
        report.add("registrations", CREATED)
