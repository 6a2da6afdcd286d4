import datetime

import factory
from django.utils import timezone

from events.models import Event


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Fachtag {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=6))
    place = "Kreishaus Unna"
    capacity = 2
