"""Reminders of due dates, through the outbox: some days before a date, and again once it has passed.

An app lists what is due (`Due`: the thing, its date, who to remind, the mail's kind and context);
`remind_all()` writes, for each item whose occasion has come, a Reminder row and the notifications in
one transaction. The row is unique per thing, due date and occasion: a second run (beat firing twice,
a worker restarted, two workers) writes nothing, and a changed due date is reminded of anew.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from .models import Reminder
from .outbox import queue

BEFORE = "before"
OVERDUE = "overdue"


@dataclass(frozen=True)
class Due:
    about: object  # a model instance
    due_on: date
    people: Iterable  # users, or addresses of people without an account
    kind: str  # the mail's templates (outbox.templates_for)
    context: dict = field(default_factory=dict)


def occasion_of(due_on, today, days_before):
    """BEFORE within `days_before` days of the date, OVERDUE after it, else None."""
    if today > due_on:
        return OVERDUE
    if due_on - today <= timedelta(days=days_before):
        return BEFORE
    return None


def remind(item, occasion):
    """Remind `item`'s people on `occasion`, once: False when that was done already."""
    try:
        with transaction.atomic():
            Reminder.objects.create(
                content_type=ContentType.objects.get_for_model(item.about),
                object_id=item.about.pk,
                due_on=item.due_on,
                occasion=occasion,
            )
            for person in item.people:
                # A person without an account (an event's registrant) is reminded at their address.
                queue(
                    item.kind,
                    recipient=None if isinstance(person, str) else person,
                    email=person if isinstance(person, str) else None,
                    context={**item.context, "due_on": item.due_on, "overdue": occasion == OVERDUE},
                    related=item.about,
                )
    except IntegrityError:
        return False
    return True


def remind_all(items, today, days_before):
    """Every item of `items` whose occasion has come is reminded of, once. Returns how many were."""
    sent = 0
    for item in items:
        occasion = occasion_of(item.due_on, today, days_before)
        if occasion is not None and remind(item, occasion):
            sent += 1
    return sent
