"""What the events list on an organisation's public page: those it hosted, co-organised or sponsored,
the latest first. A host of hundreds of events gets the latest few and the number in all, so that the
page costs the same however many it held."""

from organisations.appearances import Section, register
from wego.listing import rows_and_count

from .models import Event, EventOrganisation

LATEST = 10


def events_of(organisation):
    parts, count = rows_and_count(
        EventOrganisation.objects.filter(organisation=organisation, event__published=True)
        .select_related("event")
        # What the list shows of each: its title, address and dates, not the whole event.
        .only("role", "event__title", "event__slug", *(f"event__{name}" for name in Event.WHEN_FIELDS))
        .order_by("-event__period_start", "event__title_folded", "pk"),
        1,
        LATEST,
    )
    return {"parts": parts, "count": count, "more": count - len(parts)} if parts else None


register(
    Section("events", "events/appearances/events.html", events_of, order=40, shows=frozenset({"events"}))
)
