"""Attendance: checked in at the door from a phone (search by name, one tap, undo), or read from an
online platform's participant report; counted on the event's page once it is over, and exported."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from events.models import Registration
from events.services import registration as registering
from tests.factories import UserFactory, open_event, secretariat_user, verified

pytestmark = pytest.mark.django_db

ZOOM_REPORT = """Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
812 3456 7890,Smart cities,12/01/2032 09:00:00 AM,12/01/2032 10:30:00 AM,host@wego.example,90,3

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Ana Reyes,ANA@city.example,12/01/2032 09:01:00 AM,12/01/2032 10:30:00 AM,89,Yes
Somebody Else,stranger@nowhere.example,12/01/2032 09:05:00 AM,12/01/2032 09:30:00 AM,25,Yes
"""


@pytest.fixture
def event_with_people(client):
    event = open_event(capacity=50, start_date=timezone.localdate() + datetime.timedelta(days=1))
    people = {}
    for name, email in (
        ("Ana Reyes", "ana@city.example"),
        ("Ben Okafor", "ben@city.example"),
        ("Chen Li", "chen@city.example"),
    ):
        person = verified(UserFactory(email=email))
        people[name] = registering.register(event, name=name, email=email, user=person)
    client.force_login(secretariat_user())
    return event, people


def test_staff_find_a_person_by_a_part_of_their_name_and_check_them_in_with_one_tap(
    client, event_with_people
):
    event, people = event_with_people
    found = client.get(f"/events/{event.slug}/check-in/?q=okaf", HTTP_HX_REQUEST="true")
    assert "Ben Okafor" in found.text and "Ana Reyes" not in found.text
    row = client.post(
        f"/events/{event.slug}/check-in/", {"registration": people["Ben Okafor"].pk}, HTTP_HX_REQUEST="true"
    )
    assert "Present" in row.text
    assert Registration.objects.get(pk=people["Ben Okafor"].pk).attended
    # A second tap on the same row undoes a wrong one; the page says how many are present.
    client.post(f"/events/{event.slug}/check-in/", {"registration": people["Ben Okafor"].pk, "present": "no"})
    assert not Registration.objects.get(pk=people["Ben Okafor"].pk).attended
    assert "0 present of 3 shown" in client.get(f"/events/{event.slug}/check-in/").text


def test_someone_not_confirmed_for_this_event_cannot_be_checked_in(client, event_with_people):
    event, people = event_with_people
    other = open_event()
    stranger = registering.register(other, name="X", email="x@y.example")
    response = client.post(f"/events/{event.slug}/check-in/", {"registration": stranger.pk})
    assert response.status_code == 404
    assert client.post(f"/events/{event.slug}/check-in/", {"registration": "1; DROP"}).status_code == 404


def test_a_zoom_report_marks_the_registrants_it_lists_and_names_the_rest(client, event_with_people):
    event, people = event_with_people
    upload = SimpleUploadedFile("participants.csv", ZOOM_REPORT.encode("utf-16"), "text/csv")
    response = client.post(f"/events/{event.slug}/attendance/", {"file": upload})
    assert "1 attendees marked from the report; 0 were marked already." in response.text
    assert "stranger@nowhere.example" in response.text
    ana = Registration.objects.get(pk=people["Ana Reyes"].pk)
    assert ana.attended and ana.attendance_source == "Report participants.csv"
    again = client.post(
        f"/events/{event.slug}/attendance/",
        {"file": SimpleUploadedFile("participants.csv", ZOOM_REPORT.encode(), "text/csv")},
    )
    assert "0 attendees marked from the report; 1 were marked already." in again.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "The file is not text"),
        (b"Name,Joined\nAna,yes\n", "No column of email addresses was found"),
    ],
)
def test_a_report_that_cannot_be_read_is_refused_with_a_reason_and_changes_nothing(
    client, event_with_people, content, message
):
    event, _ = event_with_people
    response = client.post(
        f"/events/{event.slug}/attendance/", {"file": SimpleUploadedFile("x.csv", content)}
    )
    assert message in response.text
    assert not Registration.objects.filter(attended=True).exists()


def test_the_page_counts_registrants_and_attendance_once_the_event_is_over(client, event_with_people):
    event, people = event_with_people
    client.post(f"/events/{event.slug}/check-in/", {"registration": people["Ana Reyes"].pk})
    client.logout()
    assert "portal-attended" not in client.get(f"/events/{event.slug}/").text
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        page = client.get(f"/events/{event.slug}/").text
    assert 'id="portal-registered">3<' in page and 'id="portal-attended">1<' in page
