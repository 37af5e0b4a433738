"""What the portal says in iCalendar: an event's own `.ics`, a feed of events to subscribe to, and
the entry attached to a registrant's confirmation (the only one that carries the joining link).

Only events whose days are known go into a calendar: one known to the month or the quarter has no
day a calendar could show without inventing it (dates.py).
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from .dates import Precision

PRODUCT = "-//WeGO//WeGO Portal events//EN"
WITH_DAYS = (Precision.EXACT, Precision.DAYS)


def host():
    return urlsplit(settings.PORTAL_URL).hostname or "wego.portal"


def place_of(event):
    if event.is_online:
        return _("Online: %(platform)s") % {"platform": event.platform} if event.platform else _("Online")
    parts = [part for part in (event.city, event.country_name) if part]
    return ", ".join(parts) if parts else _("Place to be decided")


def entry(event, *, joining_url=""):
    """The VEVENT of an event whose days are known, else None."""
    when = event.when
    if not when.has_days:
        return None
    item = icalendar.Event()
    item.add("uid", f"event-{event.pk}@{host()}")
    item.add("dtstamp", event.updated_at)
    item.add("summary", event.title)
    if when.precision == Precision.EXACT:
        zone = ZoneInfo(event.time_zone)
        item.add("dtstart", event.starts_at.astimezone(zone))
        item.add("dtend", event.ends_at.astimezone(zone))
    else:
        # All-day: DTEND is the day after the last (RFC 5545, 3.6.1).
        item.add("dtstart", event.start_date)
        item.add("dtend", (event.end_date or event.start_date) + datetime.timedelta(days=1))
    item.add("location", place_of(event))
    page = f"{settings.PORTAL_URL}{event.get_absolute_url()}"
    item.add("url", page)
    description = [event.theme or "", event.description or "", page]
    if joining_url:
        description.insert(0, _("Join: %(link)s") % {"link": joining_url})
    item.add("description", "\n\n".join(part for part in description if part))
    if event.tentative:
        item.add("status", "TENTATIVE")
    return item


def calendar(events, *, name, joining_url=""):
    """The iCalendar text of `events` (those with known days), as bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        item = entry(event, joining_url=joining_url)
        if item is not None:
            cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


def for_registrant(registration):
    """The entry attached to a confirmed registrant's mail: with the joining link of an online event."""
    event = registration.event
    return calendar([event], name=event.title, joining_url=event.joining_url)
