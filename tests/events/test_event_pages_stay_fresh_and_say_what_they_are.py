"""The events' public pages from the page cache are fresh on the next request after what they show
changes (a registration takes a seat, staff edit an event); an event page carries schema.org data at
the date's own precision; a material's file downloads; My WeGO lists a person's offers first."""

import datetime
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.dates import Precision
from events.models import EventOrganisation, Material, Registration
from events.services import registration as registering
from tests.factories import EventFactory, MemberFactory, UserFactory, open_event, verified
from tests.pagecache.test_public_pages_are_kept_and_never_stale import kept

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def structured(page):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def test_a_registration_changes_the_seats_left_on_the_kept_page_at_once(client, django_assert_num_queries):
    event = open_event(capacity=3)
    assert "3 seats left." in kept(client, f"/events/{event.slug}/", django_assert_num_queries)
    person = verified(UserFactory())
    registering.register(event, name="Ana", email=person.email, user=person)
    assert "2 seats left." in client.get(f"/events/{event.slug}/").text


def test_an_edited_event_is_fresh_in_the_list_at_once_and_other_pages_stay_kept(
    client, django_assert_num_queries
):
    event = EventFactory(title="Old title")
    kept(client, "/members/offices/", django_assert_num_queries)
    assert "Old title" in kept(client, "/events/", django_assert_num_queries)
    event.title = "New title"
    event.save()
    assert "New title" in client.get("/events/").text
    with django_assert_num_queries(0):
        client.get("/members/offices/")


def test_the_schema_org_data_gives_the_date_no_more_precisely_than_known(client):
    month = EventFactory(
        title="June <script>alert(1)</script>",
        precision=Precision.MONTH,
        year=2031,
        month=6,
        format="in-person",
        city="Seoul",
        country="KR",
    )
    data = structured(client.get(f"/events/{month.slug}/").text)
    assert data["@type"] == "Event" and data["startDate"] == "2031-06"
    assert data["name"] == "June <script>alert(1)</script>"
    assert data["location"]["address"]["addressCountry"] == "KR"
    day = EventFactory(start_date=datetime.date(2031, 8, 5))
    data = structured(client.get(f"/events/{day.slug}/").text)
    assert data["startDate"] == "2031-08-05"
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


def test_a_materials_file_downloads_as_the_pdf_it_is(client, private_storage):
    event = EventFactory()
    material = Material.objects.create(
        event=event, title="Slides", file=SimpleUploadedFile("slides.pdf", PDF, "application/pdf")
    )
    response = client.get(f"/events/{event.slug}/materials/{material.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert client.get(f"/events/{event.slug}/materials/{material.pk + 1}/").status_code == 404


def test_my_wego_lists_a_persons_offers_first_and_their_registrations(client):
    full = open_event(title="Full event", capacity=1)
    roomy = open_event(title="Roomy event", capacity=10)
    person, other = verified(UserFactory()), verified(UserFactory())
    registering.register(full, name="Other", email=other.email, user=other)
    registering.register(full, name="Me", email=person.email, user=person)
    registering.register(roomy, name="Me", email=person.email, user=person)
    registering.cancel(Registration.objects.get(email=other.email), actor=other)
    client.force_login(person)
    page = client.get("/my/").text
    offers = page.index('id="event-offers"')
    assert "Full event" in page[offers : page.index('id="event-registrations"')]
    assert "Roomy event" in page[page.index('id="event-registrations"') :]


def hosted_by(member, count):
    """`count` events the member hosted, a day apart, the earliest first."""
    events = []
    for number in range(count):
        events.append(EventFactory(start_date=datetime.date(2031, 1, 1) + datetime.timedelta(days=number)))
        EventOrganisation.objects.create(event=events[-1], organisation=member.organisation, role="host")
    return events


def test_a_member_page_lists_the_ten_latest_events_of_a_busy_host_and_how_many_in_all(client):
    member = MemberFactory(name="Busy host")
    events = hosted_by(member, 15)
    page = client.get(member.get_absolute_url()).text
    section = page[page.index('id="appears-events"') :]
    assert "The 10 latest of 15 events." in section
    assert all(f'href="{event.get_absolute_url()}"' in section for event in events[5:])
    assert not any(f'href="{event.get_absolute_url()}"' in section for event in events[:5])
