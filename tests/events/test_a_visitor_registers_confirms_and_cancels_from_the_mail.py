"""Registering without an account and with one, and what every misstep says: the address confirmed
from a link before anything is booked, the confirmation with its calendar entry, cancelling from the
mail's link without signing in, and nothing changed by a double click, a second registration, a
second cancellation, a closed or full event, or a link that is not the portal's."""

import datetime
import re

import icalendar
import pytest
import time_machine
from django.utils import timezone

from events.models import Invitation, Registration, WhoMayRegister
from events.services import registration as registering
from events.workflow import ACTIVE, CONFIRMED, OFFERED, REGISTRATION, UNCONFIRMED, WAITING
from tests.factories import MemberFactory, UserFactory, official_of, open_event, secretariat_user, verified
from wego.notifications.models import Notification
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

ANA = {"name": "Ana Reyes", "email": "ana@city.example", "organisation_name": "Cauayan City", "country": "PH"}


def mail_to(email, kind):
    return Notification.objects.filter(email=email, kind=f"events:{kind}").latest("pk")


def link_in(notification, part):
    return re.search(rf"https?://[^\s\"]+(/events/{part}/[^\s\"/]+/)", notification.body_text).group(1)


def register(client, event, **data):
    return client.post(f"/events/{event.slug}/register/", {**ANA, **data})


def test_a_visitor_registers_confirms_from_the_mail_and_cancels_without_signing_in(client):
    event = open_event(capacity=10, joining_url="https://zoom.example/j/1")

    response = register(client, event)
    assert response.status_code == 302 and response["Location"].endswith("/check-your-mail/")
    registration = Registration.objects.get()
    assert REGISTRATION.has(registration, UNCONFIRMED) and registration.user is None

    confirm = link_in(mail_to(ANA["email"], "confirm_address"), "confirm")
    assert client.get(confirm).status_code == 200  # a mail scanner's GET confirms nothing
    assert REGISTRATION.has(Registration.objects.get(), UNCONFIRMED)
    page = client.post(confirm, follow=True)
    assert "Your address is confirmed." in page.text and "https://zoom.example/j/1" in page.text
    assert REGISTRATION.has(Registration.objects.get(), CONFIRMED)

    confirmed = mail_to(ANA["email"], "confirmed")
    assert confirmed.subject == f"Your place at {event.title} is confirmed"
    [attachment] = confirmed.attachments.all()
    assert attachment.mimetype.startswith("text/calendar")
    [entry] = icalendar.Calendar.from_ical(bytes(attachment.content)).walk("VEVENT")
    assert "https://zoom.example/j/1" in str(entry["description"])

    own_page = link_in(confirmed, "registration")
    unticked = client.post(own_page, {"action": "cancel"}, follow=True)
    assert "Tick the box to confirm" in unticked.text
    assert REGISTRATION.has(Registration.objects.get(), CONFIRMED)
    client.post(own_page, {"action": "cancel", "sure": "yes"})
    assert REGISTRATION.has(Registration.objects.get(), ACTIVE) is False
    again = client.post(own_page, {"action": "cancel", "sure": "yes"}, follow=True)
    assert "was cancelled already; nothing changed" in again.text
    assert mail_to(ANA["email"], "cancelled")
    assert Notification.objects.filter(kind="events:cancelled").count() == 1


def test_a_double_click_registers_once_and_both_answers_say_to_check_the_mail(client):
    event = open_event(capacity=10)
    first, second = register(client, event), register(client, event)
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    assert Notification.objects.filter(kind="events:confirm_address").count() == 1


def test_a_signed_in_person_registers_in_one_click_and_a_second_time_is_shown_their_place(client):
    event = open_event(capacity=10)
    person = verified(UserFactory(first_name="Ana", last_name="Reyes"))
    client.force_login(person)
    response = client.post(f"/events/{event.slug}/register/", {"as": "me"})
    registration = Registration.objects.get()
    assert REGISTRATION.has(registration, CONFIRMED) and registration.user == person
    assert response["Location"] == registration.get_absolute_url()
    again = client.get(f"/events/{event.slug}/register/", follow=True)
    assert "You are registered for this event already" in again.text
    assert Registration.objects.count() == 1


def test_a_malformed_address_is_refused_with_a_message_and_nothing_is_made(client):
    event = open_event()
    response = register(client, event, email="ana@@city")
    assert response.status_code == 200 and "Enter a valid email address." in response.text
    assert not Registration.objects.exists() and not Notification.objects.exists()


def test_after_closing_or_before_opening_registration_is_refused_with_the_moment(client):
    now = timezone.now()
    closed = open_event(registration_closes_at=now - datetime.timedelta(minutes=1))
    response = register(client, closed)
    assert "Registration closed on" in client.get(response["Location"]).text
    not_yet = open_event(registration_opens_at=now + datetime.timedelta(days=1))
    assert "Registration opens on" in client.get(f"/events/{not_yet.slug}/register/").text
    assert not Registration.objects.exists()


def test_a_full_event_puts_people_on_the_waiting_list_and_says_their_place(client):
    event = open_event(capacity=1)
    for number in range(3):
        person = verified(UserFactory())
        registering.register(event, name=f"P{number}", email=person.email, user=person)
    last = Registration.objects.filter(REGISTRATION.q(WAITING)).latest("pk")
    page = client.get(last.get_absolute_url()).text
    assert "Number 2 on the waiting list" in page and "Leave the waiting list" in page
    assert "Join the waiting list" in client.get(f"/events/{event.slug}/").text


def test_an_unconfirmed_address_holds_a_seat_only_briefly(client):
    event = open_event(capacity=1)
    register(client, event)  # holds the one seat for a short while
    person = verified(UserFactory())
    waiting = registering.register(event, name="Ben", email=person.email, user=person)
    assert REGISTRATION.has(waiting, WAITING)
    with time_machine.travel(timezone.now() + registering.UNCONFIRMED_HOLD + datetime.timedelta(minutes=1)):
        registering.pass_on_expired()
        assert REGISTRATION.has(Registration.objects.get(pk=waiting.pk), OFFERED)
        # Confirming late, the first person joins the waiting list: the seat went on.
        unconfirmed = Registration.objects.get(email=ANA["email"])
        confirm = link_in(mail_to(ANA["email"], "confirm_address"), "confirm")
        client.post(confirm)
        assert REGISTRATION.has(Registration.objects.get(pk=unconfirmed.pk), WAITING)


def test_only_officials_of_members_register_where_staff_said_so(client):
    event = open_event(who_may_register=WhoMayRegister.MEMBER_OFFICIALS)
    response = register(client, event)
    assert "Only officials of WeGO member organisations may register" in client.get(response["Location"]).text
    client.force_login(official_of(MemberFactory()))
    client.post(f"/events/{event.slug}/register/", {"as": "me"})
    assert Registration.objects.filter(REGISTRATION.q(CONFIRMED)).count() == 1


def test_an_event_by_invitation_takes_only_the_invited_addresses(client):
    event = open_event(who_may_register=WhoMayRegister.INVITED)
    Invitation.objects.create(event=event, email="Ana@City.example")
    register(client, event, email="ben@city.example")
    assert not Registration.objects.exists()
    register(client, event)  # the invited address, whatever its case
    assert Registration.objects.count() == 1


def test_staff_approve_each_registration_of_a_closed_session(client):
    event = open_event(capacity=5, approval_required=True)
    person = verified(UserFactory())
    registration = registering.register(event, name="Ana", email=person.email, user=person)
    assert "awaits the Secretariat" in mail_to(person.email, "awaiting_approval").subject
    perform(registration, "approve", actor=secretariat_user())
    assert REGISTRATION.has(Registration.objects.get(), CONFIRMED)
    assert mail_to(person.email, "confirmed").attachments.count() == 1


def test_links_the_portal_did_not_sign_or_that_expired_open_nothing(client):
    event = open_event()
    register(client, event)
    assert client.get("/events/registration/not-a-token/").status_code == 404
    assert client.get("/events/confirm/forged:token/").status_code == 404
    confirm = link_in(mail_to(ANA["email"], "confirm_address"), "confirm")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=4)):
        response = client.post(confirm)
    assert response.status_code == 410 and "This link has expired" in response.text
    assert REGISTRATION.has(Registration.objects.get(), UNCONFIRMED)


def test_an_address_registered_already_is_not_told_to_whoever_types_it_its_owner_gets_the_link(client):
    event = open_event(capacity=10)
    owner = verified(UserFactory(email="owner@city.example"))
    registration = registering.register(event, name="Owner", email=owner.email, user=owner)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )

    response = register(client, event, email="Owner@City.example", name="Someone else")
    page = client.get(response["Location"]).text
    assert "Check your mail" in page and "Confirmed" not in page
    reminder = mail_to(owner.email, "already_registered")
    assert registration.get_absolute_url() in reminder.body_text
    # Asked again at once: no second mail to the owner.
    register(client, event, email=owner.email)
    assert Notification.objects.filter(kind="events:already_registered").count() == 1
    assert Registration.objects.count() == 1
