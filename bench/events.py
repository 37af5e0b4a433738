"""Add synthetic events until the calendar holds TOTAL: python -m bench.events 20000.

Spread over ten years, a quarter of them known only to the quarter, the rest to the day; kinds and
formats in turn, a third in a regional network; each with a host, two outcomes and a figure, as the
report's own events have. Then the tables are analysed, as autovacuum would later.
"""

import datetime
import random
import sys

import django

django.setup()

from django.db import connection  # noqa: E402

from events.dates import Precision  # noqa: E402
from events.models import Event, EventOrganisation, Figure, Format, Kind, Network, Outcome  # noqa: E402
from organisations.models import Organisation  # noqa: E402

FIRST_DAY = datetime.date(2016, 1, 1)
DAYS = 10 * 365


def main(total):
    missing = total - Event.objects.count()
    if missing <= 0:
        print(f"Already {Event.objects.count()} events; nothing to add.")
        return
    rng = random.Random(2021)  # the same rows on every run
    networks = list(Network.objects.all()) or [None]
    hosts = list(Organisation.objects.order_by("pk")[:200])
    kinds, formats = list(Kind.values), list(Format.values)
    events = []
    # Numbered on from the events already there, so that a second run (scale 20,000 after 200) adds
    # rows whose slugs are new.
    start = Event.objects.count()
    for number in range(start + 1, start + missing + 1):
        event = Event(
            title=f"Synthetic {kinds[number % len(kinds)]} {number:05d}",
            title_folded=f"synthetic {kinds[number % len(kinds)]} {number:05d}",  # bulk_create skips save()
            slug=f"synthetic-event-{number:05d}",
            kind=kinds[number % len(kinds)],
            format=formats[number % len(formats)],
            network=networks[number % len(networks)] if number % 3 == 0 else None,
            description="A gathering of smart city practitioners, " * 4,
        )
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        if number % 4 == 0:
            event.precision, event.year, event.quarter = Precision.QUARTER, day.year, (day.month - 1) // 3 + 1
        else:
            event.precision, event.start_date, event.year = Precision.DAYS, day, day.year
        event.period_start, event.period_end = event.when.period()
        events.append(event)
    Event.objects.bulk_create(events, batch_size=2000)
    EventOrganisation.objects.bulk_create(
        [EventOrganisation(event=e, organisation=rng.choice(hosts), role="host") for e in events],
        batch_size=2000,
    )
    Outcome.objects.bulk_create(
        [Outcome(event=e, text=f"Outcome {n} of {e.title}", position=n) for e in events for n in range(2)],
        batch_size=4000,
    )
    Figure.objects.bulk_create(
        [
            Figure(event=e, measure="participants", value=rng.randrange(20, 400), source="Synthetic")
            for e in events
        ],
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event, events_eventorganisation, events_outcome, events_figure")
    print(f"Added {missing} synthetic events; {Event.objects.count()} in all.")


if __name__ == "__main__":
    main(int(sys.argv[1]))
