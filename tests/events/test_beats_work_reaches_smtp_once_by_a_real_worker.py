"""Beat's two tasks on registrations, run by a real Celery worker on Redis and delivered to a real SMTP
server on loopback: an expired offer passes to the next person waiting, and the day-before reminder
goes out, each once however often beat fires."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from events.models import Registration
from events.services import registration as registering
from events.services.reminders import send_reminders
from events.tasks import pass_on_expired_offers, remind_registrants
from events.workflow import OFFERED, REGISTRATION
from tests.factories import UserFactory, open_event, verified
from tests.notifications.test_reminders_reach_smtp_once_per_due_date import worker_is_idle
from tests.realparts import wait_until
from wego.notifications.models import Reminder


def people(count):
    return [verified(UserFactory(first_name=f"P{number}")) for number in range(count)]


@pytest.mark.django_db(transaction=True)
def test_an_expired_offer_passes_on_once_however_often_beat_fires(worker, smtp_server):
    _, inbox = smtp_server
    # An offer of no hours at all: expired as soon as it is made.
    event = open_event(capacity=1, offer_hours=0)
    first, second, third = people(3)
    for person in (first, second, third):
        registering.register(event, name=person.first_name, email=person.email, user=person)
    registering.cancel(Registration.objects.get(email=first.email), actor=first)
    assert Registration.objects.filter(REGISTRATION.q(OFFERED)).get().email == second.email
    # Three registered (one confirmed, two waiting), the cancellation, the offer to the second.
    assert wait_until(lambda: len(inbox.messages) == 5, timeout=60)

    pass_on_expired_offers.delay()
    pass_on_expired_offers.delay()  # beat fires again
    assert wait_until(
        lambda: any(third.email in m["to"] and "A seat at" in m["subject"] for m in inbox.messages), 60
    )
    assert wait_until(worker_is_idle, timeout=60)
    expired = [
        m for m in inbox.messages if second.email in m["to"] and "passed to the next person" in m["subject"]
    ]
    assert len(expired) == 1
    offers_to_third = [m for m in inbox.messages if third.email in m["to"] and "A seat at" in m["subject"]]
    assert len(offers_to_third) == 1


@pytest.mark.django_db(transaction=True)
def test_the_day_before_each_registrant_is_reminded_once(worker, smtp_server):
    _, inbox = smtp_server
    tomorrow_in_seoul = timezone.now().astimezone(datetime.timezone(datetime.timedelta(hours=9))).date()
    tomorrow_in_seoul += datetime.timedelta(days=1)
    event = open_event(
        start_date=tomorrow_in_seoul, time_zone="Asia/Seoul", joining_url="https://zoom.example/j/9"
    )
    person, other = people(2)
    for someone in (person, other):
        registering.register(event, name=someone.first_name, email=someone.email, user=someone)
    assert wait_until(lambda: len(inbox.messages) == 2, timeout=60)

    remind_registrants.delay()
    remind_registrants.delay()
    assert wait_until(lambda: len(inbox.messages) == 4, timeout=60)
    assert wait_until(worker_is_idle, timeout=60)
    reminders = [m for m in inbox.messages if m["subject"].startswith("Tomorrow:")]
    assert len(reminders) == 2 and Reminder.objects.count() == 2
    assert {address for m in reminders for address in m["to"]} == {person.email, other.email}


@pytest.mark.django_db
def test_no_reminder_two_days_before_nor_on_the_day(settings):
    now = timezone.now()
    seoul_today = now.astimezone(datetime.timezone(datetime.timedelta(hours=9))).date()
    for days in (0, 2):
        event = open_event(start_date=seoul_today + datetime.timedelta(days=days), time_zone="Asia/Seoul")
        person = verified(UserFactory())
        registering.register(event, name="P", email=person.email, user=person)
    with time_machine.travel(now, tick=False):
        assert send_reminders() == 0
