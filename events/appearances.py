"""What the events list on an organisation's public page: those it hosted, co-organised or sponsored."""

from organisations.appearances import Section, register

from .models import EventOrganisation


def events_of(organisation):
    parts = list(
        EventOrganisation.objects.filter(organisation=organisation, event__published=True)
        .select_related("event")
        .order_by("-event__period_start", "event__title_folded", "pk")
    )
    return {"parts": parts} if parts else None


register(Section("events", "events/appearances/events.html", events_of, order=40))
