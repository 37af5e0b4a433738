"""The events' panel of My WeGO: the person's registrations, with the seats offered to them first."""

from django.db.models import Q

from organisations.dashboard import Panel, register

from .models import Registration
from .services.links import registration_link
from .workflow import ACTIVE, OFFERED, REGISTRATION


def registrations_of(user):
    """Registered with the account, or at its address without signing in."""
    mine = Q(user=user) | Q(email__iexact=user.email)
    return Registration.objects.filter(mine).filter(REGISTRATION.q(ACTIVE))


def my_events(request):
    found = list(
        registrations_of(request.user).select_related("event").order_by("event__period_start", "pk")[:30]
    )
    if not found:
        return None
    rows = [
        (registration, REGISTRATION.current(registration), registration_link(registration))
        for registration in found
    ]
    return {
        "offers": [row for row in rows if REGISTRATION.has(row[0], OFFERED)],
        "registrations": [row for row in rows if not REGISTRATION.has(row[0], OFFERED)],
        "total": len(rows),
    }


register(
    Panel(
        "events",
        "events/panels/my_events.html",
        my_events,
        order=50,
        shows=frozenset({"events", "event-seats", "people"}),
    )
)
