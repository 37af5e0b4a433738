"""What an event's public page counts of its registrations: seats left while registration is open,
and once the event is over how many were registered and how many attended. Counts only, one query."""

from django.db.models import Count, Q
from django.utils import timezone

from ..models import Registration
from ..workflow import CONFIRMED, REGISTRATION
from .seats import holding_a_seat


def counts_of(event, now=None):
    now = now or timezone.now()
    over = event.is_over(timezone.localdate(now))
    if not over and not (event.registration_open and event.capacity is not None):
        return {"over": False}
    found = Registration.objects.filter(event=event).aggregate(
        taken=Count("pk", filter=holding_a_seat(now)),
        registered=Count("pk", filter=REGISTRATION.q(CONFIRMED) | Q(attended=True)),
        attended=Count("pk", filter=Q(attended=True)),
    )
    return {
        "over": over,
        "seats_left": max(0, event.capacity - found["taken"]) if event.capacity is not None else None,
        "registered": found["registered"],
        "attended": found["attended"],
    }
