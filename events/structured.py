"""schema.org `Event` data for an event's page (JSON-LD), so that search engines read it as one.

A date known only to the month or the quarter is given as that (ISO 8601 "2021-06"), not as a day."""

from django.conf import settings

from .dates import Precision
from .models import Format, Role

ATTENDANCE = {
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def start_and_end(event):
    when = event.when
    if when.precision == Precision.EXACT:
        return when.local(event.starts_at).isoformat(), when.local(event.ends_at).isoformat()
    if when.precision == Precision.DAYS:
        return event.start_date.isoformat(), (event.end_date or event.start_date).isoformat()
    if when.precision == Precision.MONTH:
        return f"{event.year}-{event.month:02d}", f"{event.year}-{(event.end_month or event.month):02d}"
    if event.year is not None:
        return str(event.year), str(event.year)
    return None, None


def structured_data(request, event, parts):
    start, end = start_and_end(event)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": f"{settings.PORTAL_URL}{event.get_absolute_url()}",
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.format:
        data["eventAttendanceMode"] = ATTENDANCE[event.format]
    if event.description:
        data["description"] = event.description
    if start:
        data["startDate"], data["endDate"] = start, end
    if event.format != Format.ONLINE and (event.city or event.country):
        data["location"] = {
            "@type": "Place",
            "name": event.city or event.country_name,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": event.city,
                "addressCountry": event.country.code if event.country else "",
            },
        }
    elif event.format == Format.ONLINE:
        data["location"] = {"@type": "VirtualLocation", "url": data["url"]}
    organisers = [part.organisation for part in parts if part.role in (Role.HOST, Role.CO_ORGANISER)]
    if organisers:
        data["organizer"] = [{"@type": "Organization", "name": org.name} for org in organisers]
    sponsors = [part.organisation for part in parts if part.role == Role.SPONSOR]
    if sponsors:
        data["sponsor"] = [{"@type": "Organization", "name": org.name} for org in sponsors]
    return data
