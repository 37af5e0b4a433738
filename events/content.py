"""What of the events the public pages show (wego/pagecache)."""

import datetime

from django.utils import timezone

from wego.pagecache import content


def event_moments():
    """When an event page or list changes by the clock alone: an event's last day ends (it moves from
    upcoming to past), its registration opens or closes."""
    from .models import Event

    zone = timezone.get_current_timezone()
    moments = []
    for period_end, opens, closes in Event.objects.published().values_list(
        "period_end", "registration_opens_at", "registration_closes_at"
    ):
        if period_end is not None:
            moments.append(
                datetime.datetime.combine(period_end + datetime.timedelta(days=1), datetime.time(), zone)
            )
        moments += [moment for moment in (opens, closes) if moment is not None]
    return moments


content.declare(
    "events",
    "events.Event",
    "events.EventOrganisation",
    "events.Session",
    "events.Speaker",
    "events.Outcome",
    "events.Figure",
    "events.Material",
    moments=event_moments,
)
content.declare("networks", "events.Network", "events.NetworkPartner")
# An event's page counts its seats left, and once it is over its registrants and attendance: counts
# only, never a person.
content.declare("event-seats", "events.Registration")
# The invitations of an event are the Secretariat's alone.
content.keep_private("events.Invitation")
