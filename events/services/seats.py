"""Seats: how many an event has free, and passing freed ones to the waiting list in order.

Every function here runs with the event's row locked (`locked_event`), the one lock every
registration step takes first (REGISTRATION.lock_first): two people taking the last seat at once are
served one after the other, and the second joins the waiting list. Seats are counted from the states'
flags (workflow.py): SEATED states hold one, TIMED ones until their `hold_until`.
"""

from django.db.models import Q
from django.utils import timezone

from wego.workflow.engine import perform

from ..models import Event, Registration
from ..workflow import REGISTRATION, SEATED, TIMED, WAITING


def locked_event(event_id):
    return Event.objects.select_for_update().get(pk=event_id)


def holding_a_seat(now):
    return REGISTRATION.q(SEATED) | (REGISTRATION.q(TIMED) & Q(hold_until__gt=now))


def seats_taken(event, now=None):
    return Registration.objects.filter(event=event).filter(holding_a_seat(now or timezone.now())).count()


def free_seats(event, now=None):
    """Seats left, or None for an event without a limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - seats_taken(event, now))


def has_a_free_seat(event, now=None):
    free = free_seats(event, now)
    return free is None or free > 0


def waiting_list(event):
    return (
        Registration.objects.filter(event=event)
        .filter(REGISTRATION.q(WAITING))
        .order_by("joined_list_at", "pk")
    )


def position_in_waiting_list(registration):
    """1 for the next person to be offered a seat."""
    ahead = waiting_list(registration.event).filter(
        Q(joined_list_at__lt=registration.joined_list_at)
        | Q(joined_list_at=registration.joined_list_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def offer_free_seats(event, now=None):
    """Offer each free seat to the next person waiting, in order (the event locked by the caller).
    Returns how many were offered."""
    free = free_seats(event, now)
    if not free:
        return 0
    offered = 0
    for registration in waiting_list(event)[:free]:
        perform(registration, "offer", actor=None)
        offered += 1
    return offered
