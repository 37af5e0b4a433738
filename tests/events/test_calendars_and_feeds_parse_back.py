"""What the portal emits as iCalendar and Atom, parsed back: times right across time zones and
daylight saving, imprecise dates left out rather than given a day, the joining link only for the
registrant."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events.dates import Precision
from events.services import registration as registering
from events.services.links import registration_link
from tests.factories import EventFactory, UserFactory, verified

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def parsed(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events_in(calendar):
    return {str(item["summary"]): item for item in calendar.walk("VEVENT")}


def test_an_exact_time_keeps_its_zone_across_daylight_saving(client):
    # 9:00 in New York on each side of the change of 14 March 2032 (EST, then EDT).
    before = EventFactory(
        title="Before",
        precision=Precision.EXACT,
        starts_at=datetime.datetime(2032, 3, 12, 9, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2032, 3, 12, 10, tzinfo=NEW_YORK),
        time_zone="America/New_York",
    )
    after = EventFactory(
        title="After",
        precision=Precision.EXACT,
        starts_at=datetime.datetime(2032, 3, 16, 9, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2032, 3, 16, 10, tzinfo=NEW_YORK),
        time_zone="America/New_York",
    )
    for event, utc_hour in ((before, 14), (after, 13)):
        item = events_in(parsed(client.get(f"/events/{event.slug}/event.ics")))[event.title]
        start = item.decoded("dtstart")
        assert start.hour == 9 and str(start.tzinfo) == "America/New_York"
        assert start.astimezone(datetime.UTC).hour == utc_hour
    calendar = parsed(client.get("/events/calendar.ics"))
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_days_without_times_are_whole_days_ending_the_day_after(client):
    course = EventFactory(
        title="Online course",
        precision=Precision.DAYS,
        start_date=datetime.date(2032, 11, 30),
        end_date=datetime.date(2032, 12, 18),
    )
    item = events_in(parsed(client.get(f"/events/{course.slug}/event.ics")))["Online course"]
    assert item.decoded("dtstart") == datetime.date(2032, 11, 30)
    assert item.decoded("dtend") == datetime.date(2032, 12, 19)


def test_the_feed_takes_the_lists_filters_and_leaves_out_what_has_no_days(client):
    EventFactory(title="Webinar in June", kind="webinar", start_date=datetime.date(2032, 6, 3))
    EventFactory(title="Forum in June", kind="forum", start_date=datetime.date(2032, 6, 4))
    EventFactory(title="Assembly, Q3/Q4", precision=Precision.QUARTER, year=2032, quarter=3, end_quarter=4)
    assert set(events_in(parsed(client.get("/events/calendar.ics")))) == {"Webinar in June", "Forum in June"}
    assert set(events_in(parsed(client.get("/events/calendar.ics?kind=webinar")))) == {"Webinar in June"}
    # An event known only to the quarter has no calendar file of its own.
    quarter_only = EventFactory(precision=Precision.QUARTER, year=2032, quarter=2)
    assert client.get(f"/events/{quarter_only.slug}/event.ics").status_code == 404


def test_the_joining_link_is_in_the_registrants_calendar_and_in_no_public_one(client):
    event = EventFactory(title="Closed webinar", joining_url="https://zoom.example/j/123?pwd=secret")
    person = verified(UserFactory())
    registration = registering.register(event, name="Ana", email=person.email, user=person)
    public = [
        client.get(f"/events/{event.slug}/event.ics").content,
        client.get("/events/calendar.ics").content,
        client.get(f"/events/{event.slug}/").content,
        client.get("/events/feed/").content,
    ]
    assert all(b"zoom.example" not in content for content in public)
    own = client.get(registration_link(registration) + "event.ics")
    assert "https://zoom.example/j/123?pwd=secret" in str(
        events_in(parsed(own))["Closed webinar"]["description"]
    )


def test_the_atom_feed_lists_upcoming_events_and_is_well_formed(client):
    EventFactory(title="Next webinar")
    EventFactory(title="Past webinar", start_date=datetime.date(2019, 1, 1))
    response = client.get("/events/feed/")
    root = ET.fromstring(response.content)
    titles = [
        entry.findtext("{http://www.w3.org/2005/Atom}title")
        for entry in root.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert len(titles) == 1 and titles[0].startswith("Next webinar (")


@pytest.mark.parametrize(
    "query",
    [
        "year=<script>",
        "quarter=9",
        "kind=%00",
        "programme=' OR 1=1",
        "region=nowhere&page=99999999999",
        "q=" + "x" * 5000,
        "year=2031&year=2032",
    ],
)
def test_hostile_query_strings_answer_without_error_and_reflect_nothing(client, query):
    for url in ("/events/", "/events/past/", "/events/calendar.ics"):
        response = client.get(f"{url}?{query}")
        assert response.status_code in (200, 400), url
        assert b"<script>" not in response.content
