"""What each registration step tells the person, declared as the steps' effects (workflow.py).

Run inside the step's transaction, with the event locked: mail goes to the outbox with the change, and
a freed seat is offered to the next person waiting before anyone else can take it.
"""

from datetime import timedelta

from django.utils import timezone

from wego.notifications.outbox import queue

from ..calendars import for_registrant
from .links import address_link, full, registration_link
from .seats import offer_free_seats, position_in_waiting_list


def outbox_kind(kind):
    return f"events:{kind}"


def send(kind, registration, *, attachments=(), **context):
    queue(
        outbox_kind(kind),
        recipient=registration.user,
        email=registration.email,
        related=registration,
        context={
            "registration": registration,
            "event": registration.event,
            "name": registration.name,
            "page_link": full(registration_link(registration)),
            "event_link": full(registration.event.get_absolute_url()),
            **context,
        },
        attachments=attachments,
    )


def ask_to_confirm_address(registration, **_):
    send("confirm_address", registration, address_link=full(address_link(registration)))


def tell_confirmed(registration, **_):
    send(
        "confirmed",
        registration,
        joining_url=registration.event.joining_url,
        attachments=[("event.ics", for_registrant(registration), "text/calendar; method=PUBLISH")],
    )


def tell_awaiting_approval(registration, **_):
    send("awaiting_approval", registration)


def tell_waiting(registration, **_):
    if registration.joined_list_at is None:
        type(registration).objects.filter(pk=registration.pk).update(joined_list_at=timezone.now())
        registration.refresh_from_db(fields=["joined_list_at"])
    send("waiting", registration, position=position_in_waiting_list(registration))


def offer_the_seat(registration, **_):
    until = timezone.now() + timedelta(hours=registration.event.offer_hours)
    type(registration).objects.filter(pk=registration.pk).update(hold_until=until)
    registration.hold_until = until
    send("offered", registration, until=registration.held_until_label)


def pass_the_seat_on(registration, **_):
    offer_free_seats(registration.event)


def tell_cancelled(registration, **_):
    send("cancelled", registration)
    pass_the_seat_on(registration)


def tell_refused(registration, *, note="", **_):
    send("refused", registration, note=note)
    pass_the_seat_on(registration)


def tell_offer_expired(registration, **_):
    send("offer_expired", registration)
    pass_the_seat_on(registration)
