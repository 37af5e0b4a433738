"""The events' authorization matrix: every URL of the issue for each standing person. The public
pages and feeds open for everyone and never carry the joining link or a registrant; a registration's
page opens from its signed link only, with the joining link once confirmed; the Secretariat's
check-in, attendance and attendee pages exist for nobody else (404), a visitor is asked to sign in."""

from urllib.parse import quote

import pytest
from django.core import signing
from django.urls import reverse

from events.services import registration as registering
from events.services.links import address_link, registration_link
from tests.factories import UserFactory, open_event, verified
from tests.people import MFA, PEOPLE, PUBLIC, SIGN_IN, as_person, outcome

JOINING = "https://zoom.example/j/777?pwd=only-for-you"
GUEST = "guest@elsewhere.example"
STAFF_ONLY = [SIGN_IN, 404, 404, 404, 404, 404, 404, 404, 200]


@pytest.fixture
def world(standing):
    event = open_event(capacity=5, joining_url=JOINING, slug="matrix-webinar")
    guest = verified(UserFactory(email=GUEST, first_name="Gus"))
    confirmed = registering.register(event, name="Gus Guest", email=GUEST, user=guest)
    unconfirmed = registering.register(event, name="Una", email="una@elsewhere.example")
    return standing, event, confirmed, unconfirmed


def pages(event, confirmed, unconfirmed):
    slug = event.slug
    return {
        "/events/": PUBLIC,
        "/events/past/": PUBLIC,
        "/events/archive/": PUBLIC,
        f"/events/archive/{event.year}/": PUBLIC,
        f"/events/{slug}/": PUBLIC,
        f"/events/{slug}/event.ics": PUBLIC,
        "/events/calendar.ics": PUBLIC,
        "/events/feed/": PUBLIC,
        "/events/networks/": PUBLIC,
        f"/events/{slug}/register/": PUBLIC,
        # A capability: whoever holds the signed link, and only through it.
        registration_link(confirmed): PUBLIC,
        registration_link(confirmed) + "event.ics": PUBLIC,
        address_link(unconfirmed): PUBLIC,
        f"/events/{slug}/check-in/": STAFF_ONLY,
        f"/events/{slug}/attendees.csv": STAFF_ONLY,
        f"/events/{slug}/attendance/": STAFF_ONLY,
        reverse("admin:events_registration_changelist"): [SIGN_IN] * 5 + [403, 403, MFA, 200],
        reverse("admin:events_event_changelist"): [SIGN_IN] * 5 + [403, 403, MFA, 200],
    }


def test_every_url_answers_each_person_as_the_matrix_says(client, world):
    standing, event, confirmed, unconfirmed = world
    found = {}
    for url, row in pages(event, confirmed, unconfirmed).items():
        for name, expected in zip(PEOPLE, row, strict=True):
            client.logout()
            response = as_person(client, standing[name]).get(url)
            found[(url, name)] = (outcome(response), expected)
    wrong = {cell: result for cell, result in found.items() if result[0] != result[1]}
    assert wrong == {}


def test_the_joining_link_and_the_registrants_appear_only_where_they_belong(client, world):
    standing, event, confirmed, unconfirmed = world
    public = [url for url, row in pages(event, confirmed, unconfirmed).items() if row == PUBLIC]
    own = {registration_link(confirmed), registration_link(confirmed) + "event.ics"}
    for url in public:
        for name in PEOPLE:
            client.logout()
            response = as_person(client, standing[name]).get(url)
            body = response.content.decode()
            assert (JOINING in body or quote(JOINING, safe="") in body) == (url in own), (url, name)
            if url not in own and "registration/" not in url:
                assert GUEST not in body and "Gus Guest" not in body, (url, name)
    # An unconfirmed registration's page shows no joining link either.
    assert JOINING not in client.get(registration_link(unconfirmed)).content.decode()


def test_a_registration_id_that_is_not_signed_is_not_found(client, world):
    _, _, confirmed, _ = world
    # Another registration's number under this one's signature.
    link = registration_link(confirmed)
    payload = signing.b64_encode(str(confirmed.pk).encode()).decode()
    other = signing.b64_encode(str(confirmed.pk + 1).encode()).decode()
    forged = link.replace(f"/{payload}:", f"/{other}:")
    assert forged != link
    assert client.get(forged).status_code == 404
    assert client.post(forged, {"action": "cancel"}).status_code == 404


def test_only_the_secretariat_checks_people_in_and_reads_the_attendees(client, world):
    standing, event, confirmed, _ = world
    for name in PEOPLE:
        if name == "Secretariat":
            continue
        client.logout()
        response = as_person(client, standing[name]).post(
            f"/events/{event.slug}/check-in/", {"registration": confirmed.pk}
        )
        assert outcome(response) in (SIGN_IN, 404), name
    confirmed.refresh_from_db()
    assert not confirmed.attended
    client.force_login(standing["Secretariat"])
    client.post(f"/events/{event.slug}/check-in/", {"registration": confirmed.pk})
    confirmed.refresh_from_db()
    assert confirmed.attended
    csv = client.get(f"/events/{event.slug}/attendees.csv").content.decode("utf-8-sig")
    assert "Gus Guest" in csv and GUEST in csv and "una@" not in csv
