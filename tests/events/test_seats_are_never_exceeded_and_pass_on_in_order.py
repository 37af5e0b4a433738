"""The seat test of issue 13: capacity holds under real concurrency, and the waiting list moves in order."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from events.models import Registration
from events.services import registration as registering
from events.services.seats import free_seats, waiting_list
from events.workflow import CONFIRMED, OFFERED, REGISTRATION, WAITING
from tests.concurrency import at_once
from tests.factories import UserFactory, open_event, verified


def people(count):
    return [verified(UserFactory(first_name=f"Person{number}")) for number in range(count)]


def registers(event, person):
    return lambda: registering.register(event, name=person.first_name, email=person.email, user=person)


def in_state(event, flag):
    return Registration.objects.filter(event=event).filter(REGISTRATION.q(flag))


@pytest.mark.django_db(transaction=True)
def test_fifty_people_at_once_for_ten_seats_give_ten_confirmed_and_forty_waiting_in_order():
    event = open_event(capacity=10)
    everyone = people(50)

    results = at_once(*(registers(event, person) for person in everyone))

    assert not [result for result in results if isinstance(result, Exception)]
    assert in_state(event, CONFIRMED).count() == 10
    assert in_state(event, WAITING).count() == 40
    assert free_seats(event) == 0
    # In order: whoever was served first waits ahead, and every place in the list is distinct.
    waiting = list(waiting_list(event))
    assert [r.joined_list_at for r in waiting] == sorted(r.joined_list_at for r in waiting)
    assert len({r.joined_list_at for r in waiting}) == 40
    # The list's order is the order people were served in under the event's lock (their rows' order).
    assert [r.pk for r in waiting] == sorted(r.pk for r in waiting)


@pytest.mark.django_db(transaction=True)
def test_cancellations_offer_seats_to_the_next_waiting_in_order_and_expired_offers_pass_on():
    event = open_event(capacity=2, offer_hours=24)
    first, second, third, fourth, fifth = people(5)
    for person in (first, second, third, fourth, fifth):
        registers(event, person)()
    waiting = [r.email for r in waiting_list(event)]
    assert waiting == [third.email, fourth.email, fifth.email]

    registering.cancel(Registration.objects.get(event=event, email=first.email), actor=first)

    offered = in_state(event, OFFERED).get()
    assert offered.email == third.email
    assert offered.hold_until > timezone.now() + datetime.timedelta(hours=23)

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=25), tick=False):
        assert registering.pass_on_expired() >= 1
        with pytest.raises(registering.Refused, match="expired"):
            registering.accept_offer(offered)

    assert in_state(event, OFFERED).get().email == fourth.email
    accepted = registering.accept_offer(in_state(event, OFFERED).get())
    assert REGISTRATION.has(accepted, CONFIRMED)
    assert in_state(event, CONFIRMED).count() == 2
    assert [r.email for r in waiting_list(event)] == [fifth.email]


@pytest.mark.django_db(transaction=True)
def test_the_same_address_twice_at_once_registers_once():
    event = open_event(capacity=5)
    [person] = people(1)

    results = at_once(registers(event, person), registers(event, person))

    assert Registration.objects.filter(event=event).count() == 1
    assert sum(isinstance(result, registering.Refused) for result in results) == 1


@pytest.mark.django_db(transaction=True)
def test_accepting_an_offer_beat_has_not_passed_on_yet_passes_it_on_and_says_so():
    event = open_event(capacity=1, offer_hours=1)
    first, second, third = people(3)
    for person in (first, second, third):
        registers(event, person)()
    registering.cancel(Registration.objects.get(event=event, email=first.email), actor=first)
    offered = in_state(event, OFFERED).get()

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2), tick=False):
        with pytest.raises(registering.Refused, match="expired"):
            registering.accept_offer(offered)

    assert in_state(event, OFFERED).get().email == third.email
    assert not in_state(event, CONFIRMED).exists()
