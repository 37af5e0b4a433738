"""A registration for an event, declared as data.

Who takes a step: the registrant (signed in, or holding the signed link of their mails), the
Secretariat, or the portal itself on the clock (beat offers a freed seat, lets an offer or an
unconfirmed address lapse). The portal acts with `actor=None`; a registrant without an account acts
through the portal too, once the service has checked their signed link (services/links.py), so the
engine never sees an anonymous person as someone.

Which states hold a seat is declared here (SEATED, or TIMED until the row's `hold_until`); the
services count seats through these flags only, under a lock on the event (services/seats.py).
"""

from django.utils.translation import gettext_lazy as _

from organisations.roles import SECRETARIAT, staff_roles
from wego.workflow.definitions import AWAITING, FINAL, NEW, Transition, Workflow, state

# What a registration's states mean.
ACTIVE = "active"  # the address is registered for the event: a second registration is refused
SEATED = "seated"  # holds a seat
TIMED = "timed"  # holds a seat until `hold_until`, then it passes on
WAITING = "waiting"  # in the waiting list, in order of `joined_list_at`
CONFIRMED = "confirmed"  # has a place: the joining link, the calendar file, the reminder
UNCONFIRMED = "unconfirmed"  # the address is not yet confirmed from its link
OFFERED = "offered"  # a freed seat is offered, until `hold_until`
OFFER_LAPSED = "offer_lapsed"  # the offer was not accepted in time and passed on

REGISTRANT = "registrant"
# The portal itself: on the clock, or on a registrant's signed link checked by the service.
PORTAL = "portal"


def roles_of_registration(user, registration):
    if user is None:
        return {PORTAL}
    if not user.is_authenticated:
        return set()
    roles = staff_roles(user)
    if registration.user_id == user.pk:
        roles.add(REGISTRANT)
    return roles


ANY_ACTIVE = frozenset({"unconfirmed", "awaiting_approval", "confirmed", "waiting", "offered"})
THE_PERSON = frozenset({REGISTRANT, PORTAL})
ON_THE_CLOCK = frozenset({PORTAL})


def told(name):
    """A step's effect: mail.<name>, what the step tells the person (and a freed seat passed on)."""

    def effect(registration, **context):
        from .services import mail

        getattr(mail, name)(registration, **context)

    return effect


def the_event(registration):
    from .models import Event

    return Event.objects.filter(pk=registration.event_id)


def step(name, sources, target, labels, tells, roles, **options):
    staff_label, applicant_label = labels
    return Transition(
        name,
        frozenset(sources),
        target,
        staff_label,
        applicant_label,
        roles=frozenset(roles),
        effect=told(tells),
        **options,
    )


REGISTRATION = Workflow(
    name="events.registration",
    verbose_name=_("Event registration"),
    states=(
        state("unconfirmed", _("Address to confirm"), _("Confirm your address"), ACTIVE, TIMED, UNCONFIRMED),
        state(
            "awaiting_approval",
            _("Awaiting approval"),
            _("Awaiting the Secretariat's approval"),
            ACTIVE,
            SEATED,
            AWAITING,
        ),
        state("confirmed", _("Confirmed"), _("Confirmed"), ACTIVE, SEATED, CONFIRMED),
        state("waiting", _("On the waiting list"), _("On the waiting list"), ACTIVE, WAITING),
        state("offered", _("Seat offered"), _("A seat is offered to you"), ACTIVE, TIMED, OFFERED),
        state("cancelled", _("Cancelled"), _("Cancelled"), FINAL),
        state("refused", _("Refused"), _("Not accepted"), FINAL),
        state("lapsed", _("Address never confirmed"), _("Lapsed: the address was not confirmed"), FINAL),
        state("offer_expired", _("Offer expired"), _("The offer expired"), FINAL, OFFER_LAPSED),
    ),
    flags={
        ACTIVE: "The address is registered for the event.",
        SEATED: "Holds a seat.",
        TIMED: "Holds a seat until its hold_until, if it has one.",
        WAITING: "In the waiting list.",
        CONFIRMED: "Has a place.",
        UNCONFIRMED: "The address is not confirmed yet.",
        OFFERED: "A freed seat is offered.",
        OFFER_LAPSED: "The offer was not accepted in time.",
    },
    transitions=(
        # Registering: the service chooses the step by the event's rules and its free seats.
        step(
            "register",
            {NEW},
            "confirmed",
            (_("Registered"), _("You registered")),
            "tell_confirmed",
            THE_PERSON,
        ),
        step(
            "register_for_approval",
            {NEW},
            "awaiting_approval",
            (_("Registered, to approve"), _("You registered")),
            "tell_awaiting_approval",
            THE_PERSON,
        ),
        step(
            "join_waiting_list",
            {NEW},
            "waiting",
            (_("Joined the waiting list"), _("You joined the waiting list")),
            "tell_waiting",
            THE_PERSON,
        ),
        step(
            "register_address",
            {NEW},
            "unconfirmed",
            (_("Registered, address to confirm"), _("You registered")),
            "ask_to_confirm_address",
            THE_PERSON,
        ),
        step(
            "confirm_address",
            {"unconfirmed"},
            "confirmed",
            (_("Address confirmed"), _("You confirmed your address")),
            "tell_confirmed",
            THE_PERSON,
        ),
        step(
            "confirm_address_for_approval",
            {"unconfirmed"},
            "awaiting_approval",
            (_("Address confirmed, to approve"), _("You confirmed your address")),
            "tell_awaiting_approval",
            THE_PERSON,
        ),
        step(
            "confirm_address_to_wait",
            {"unconfirmed"},
            "waiting",
            (_("Address confirmed, waiting list"), _("You confirmed your address")),
            "tell_waiting",
            THE_PERSON,
        ),
        step(
            "approve",
            {"awaiting_approval"},
            "confirmed",
            (_("Approve"), _("The Secretariat approved your registration")),
            "tell_confirmed",
            {SECRETARIAT},
        ),
        step(
            "refuse",
            {"awaiting_approval", "waiting"},
            "refused",
            (_("Refuse"), _("The Secretariat did not accept your registration")),
            "tell_refused",
            {SECRETARIAT},
            dangerous=True,
            note_label=_("Why (the person reads this)"),
        ),
        step(
            "offer",
            {"waiting"},
            "offered",
            (_("Seat offered"), _("A seat was offered to you")),
            "offer_the_seat",
            ON_THE_CLOCK,
        ),
        step(
            "accept_offer",
            {"offered"},
            "confirmed",
            (_("Offer accepted"), _("You accepted the seat")),
            "tell_confirmed",
            THE_PERSON,
        ),
        step(
            "accept_offer_for_approval",
            {"offered"},
            "awaiting_approval",
            (_("Offer accepted, to approve"), _("You accepted the seat")),
            "tell_awaiting_approval",
            THE_PERSON,
        ),
        step(
            "expire_offer",
            {"offered"},
            "offer_expired",
            (_("Offer expired"), _("The offer expired")),
            "tell_offer_expired",
            ON_THE_CLOCK,
        ),
        step(
            "lapse",
            {"unconfirmed"},
            "lapsed",
            (_("Address never confirmed"), _("The registration lapsed")),
            "pass_the_seat_on",
            ON_THE_CLOCK,
        ),
        step(
            "cancel",
            ANY_ACTIVE,
            "cancelled",
            (_("Cancel the registration"), _("The registration was cancelled")),
            "tell_cancelled",
            THE_PERSON | {SECRETARIAT},
            dangerous=True,
        ),
    ),
    lock_first=the_event,
    initial="unconfirmed",
    roles_of=roles_of_registration,
    title=lambda registration: _("Registration for %(event)s") % {"event": registration.event.title},
)
