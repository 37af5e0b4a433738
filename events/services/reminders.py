"""The day-before reminder of each confirmed registrant, sent once (wego/notifications/reminders.py)
whatever beat's timing, by the day in the event's own time zone."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from wego.notifications.reminders import Due, remind_all

from ..calendars import WITH_DAYS
from ..models import Registration
from ..workflow import CONFIRMED, REGISTRATION
from .links import full, registration_link


def tomorrow_in(zone_name, now):
    return now.astimezone(ZoneInfo(zone_name)).date() + datetime.timedelta(days=1)


def due_items(now):
    # Events starting within a day either side of tomorrow in UTC: each then checked in its own zone.
    around = timezone.localdate(now)
    registrations = (
        Registration.objects.filter(REGISTRATION.q(CONFIRMED))
        .filter(
            event__published=True,
            event__precision__in=WITH_DAYS,
            event__period_start__range=(around, around + datetime.timedelta(days=2)),
        )
        .select_related("event", "user")
    )
    for registration in registrations:
        event = registration.event
        if event.period_start != tomorrow_in(event.time_zone, now):
            continue
        yield Due(
            registration,
            event.period_start,
            [registration.user or registration.email],
            "events:reminder",
            {
                "registration": registration,
                "event": event,
                "name": registration.name,
                "joining_url": event.joining_url,
                "page_link": full(registration_link(registration)),
            },
        )


def send_reminders(now=None):
    """Remind every confirmed registrant of an event that starts tomorrow; returns how many were."""
    now = now or timezone.now()
    return remind_all(due_items(now), timezone.localdate(now), days_before=2)
