import datetime

import factory
from django.utils import timezone

from events.dates import Precision
from events.models import Event, Format, Kind


class EventFactory(factory.django.DjangoModelFactory):
    """An upcoming online webinar on known days, open for registration without a limit unless told."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Webinar {n}")
    slug = factory.Sequence(lambda n: f"webinar-{n}")
    kind = Kind.WEBINAR
    format = Format.ONLINE
    platform = "Zoom"
    precision = Precision.DAYS
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    registration_open = True


def open_event(capacity=None, **kwargs):
    return EventFactory(capacity=capacity, **kwargs)
