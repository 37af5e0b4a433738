"""The events list, an event page and the feeds run the same number of queries at 30 and at 3,000
events, and a handful at that (rendered from nothing kept: tests/queries.py)."""

import datetime

import pytest

from events.dates import Precision
from events.models import Event, EventOrganisation, Figure, Network, Outcome, Session, Speaker
from tests.factories import EventFactory, OrganisationFactory
from tests.queries import query_count

pytestmark = pytest.mark.django_db

START = datetime.date(2033, 1, 1)


def many_events(count, offset=0):
    """`count` events spread over days, months and quarters, on known and unknown dates."""
    network = Network.objects.get_or_create(slug="n", defaults={"name": "Network", "short_name": "N"})[0]
    events = []
    for number in range(offset, offset + count):
        event = Event(
            title=f"Event {number}",
            slug=f"event-{number}",
            kind="webinar" if number % 2 else "forum",
            format="online",
            network=network if number % 3 == 0 else None,
        )
        if number % 4 == 0:
            event.precision, event.year, event.quarter = Precision.QUARTER, 2033 + number % 3, 1 + number % 4
        else:
            event.precision, event.start_date = Precision.DAYS, START + datetime.timedelta(days=number % 700)
        event.period_start, event.period_end = event.when.period()
        event.year = event.year or event.start_date.year
        events.append(event)
    Event.objects.bulk_create(events)


@pytest.fixture
def the_event(db):
    event = EventFactory(slug="the-event", title="The event", capacity=100, start_date=START)
    host = OrganisationFactory(name="Host city")
    EventOrganisation.objects.create(event=event, organisation=host, role="host")
    EventOrganisation.objects.create(event=event, organisation=OrganisationFactory(), role="sponsor")
    for number in range(3):
        session = Session.objects.create(event=event, title=f"Session {number}", position=number)
        for speaker in range(3):
            Speaker.objects.create(session=session, title=f"Speaker {speaker}", organisation_name="Org")
        Outcome.objects.create(event=event, text=f"Outcome {number}")
        Figure.objects.create(event=event, measure="participants", value=100 + number, source="Report")
    return event


URLS = [
    "/events/",
    "/events/?kind=webinar&year=2034&quarter=2&q=event",
    "/events/past/",
    "/events/?page=2",
    "/events/the-event/",
    "/events/the-event/event.ics",
    "/events/calendar.ics?kind=forum",
    "/events/feed/",
    "/events/archive/2034/",
    "/events/networks/n/",
]


@pytest.mark.parametrize("url", URLS)
def test_a_page_costs_the_same_queries_at_30_and_at_3000_events(
    client, django_assert_max_num_queries, the_event, url
):
    many_events(30)
    small = query_count(client, url)
    many_events(2970, offset=30)
    large = query_count(client, url)
    assert small == large
    with django_assert_max_num_queries(12):
        client.get(url)
