"""Registering for an event, and everything a registrant does afterwards.

Every step locks the event first (seats.locked_event), so capacity holds whatever the concurrency;
the unique constraint on (event, address) among active registrations is the last word on doubles.
What a step tells the person is its declared effect (workflow.py → mail.py), so the admin's buttons
and these functions send the same mail.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Member
from organisations.access import organisations_of
from organisations.accounts import has_confirmed
from wego.notifications.outbox import written_lately
from wego.workflow.engine import perform, start

from ..models import Registration, WhoMayRegister
from ..workflow import ACTIVE, CONFIRMED, OFFER_LAPSED, OFFERED, REGISTRATION, UNCONFIRMED
from . import mail
from .seats import has_a_free_seat, locked_event, offer_free_seats

# How long a registration whose address is not confirmed yet keeps a seat from others.
UNCONFIRMED_HOLD = timedelta(minutes=30)
# After this, an address never confirmed lets its registration lapse (and the address may register again).
UNCONFIRMED_LIFETIME = timedelta(days=3)


class Refused(Exception):
    """A registration step that cannot be taken: its message is for the person."""

    def __init__(self, message, registration=None):
        super().__init__(message)
        self.message = message
        self.registration = registration


def why_closed(event, now):
    """Why registration is not open at this moment, or None when it is."""
    if not event.registration_open or not event.published:
        return _("Registration for this event is not open.")
    if event.is_over(timezone.localdate(now)):
        return _("This event is over.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return _("Registration opens on %(moment)s.") % {"moment": moment(event.registration_opens_at)}
    if event.registration_closes_at and now >= event.registration_closes_at:
        return _("Registration closed on %(moment)s.") % {"moment": moment(event.registration_closes_at)}
    return None


def moment(value):
    from django.utils import formats

    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def why_not_allowed(event, user, email):
    """Why this person may not register for this event, or None."""
    if event.who_may_register == WhoMayRegister.MEMBER_OFFICIALS:
        if user is None or not user.is_authenticated:
            return _("Only officials of WeGO member organisations may register: please sign in first.")
        if not Member.objects.filter(organisation__in=organisations_of(user)).exists():
            return _(
                "Only officials of WeGO member organisations may register, and your account acts for none. "
                "Ask to act for your organisation from My WeGO."
            )
    if event.who_may_register == WhoMayRegister.INVITED:
        if not event.invitations.annotate(address=Lower("email")).filter(address=email.lower()).exists():
            return _("This event is by invitation only, and %(email)s is not invited.") % {"email": email}
    return None


def active_registration(event, email):
    return (
        Registration.objects.filter(event=event, email__iexact=email).filter(REGISTRATION.q(ACTIVE)).first()
    )


class AlreadyRegistered(Refused):
    """The address is registered for the event already. Whoever asked is not told in what state (the
    address may be someone else's): its owner is sent the link to their registration instead."""


def already_registered(registration):
    return AlreadyRegistered(
        _("This address is registered for this event already: we sent it the link to its registration."),
        registration,
    )


# A second registration of an address this soon after the first is the same form sent again.
SAME_SENDING = timedelta(minutes=2)
# Not more than one reminder of their registration per address and this while, however often asked.
RESEND_EVERY = timedelta(minutes=10)


def send_the_link_again(registration):
    """Mail the registration's owner its link (the address's confirmation while it is unconfirmed),
    unless it was sent a moment ago: True when a mail went to the outbox."""
    now = timezone.now()
    if now - registration.created_at < SAME_SENDING:
        return False
    links = [mail.outbox_kind("confirm_address"), mail.outbox_kind("already_registered")]
    if written_lately(registration, links, since=now - RESEND_EVERY):
        return False
    if REGISTRATION.has(registration, UNCONFIRMED):
        mail.ask_to_confirm_address(registration)
    else:
        mail.send("already_registered", registration)
    return True


def register(event, *, name, email, user=None, organisation_name="", organisation=None, country=""):
    """Register `email` for `event`. A signed-in person registering their own account's address has
    confirmed it already; anyone else confirms it from the mail first. Raises Refused."""
    email = email.strip()
    signed_in = user is not None and user.is_authenticated
    # An address the person confirmed on their account needs no confirming again.
    own_address = signed_in and has_confirmed(user, email)
    try:
        with transaction.atomic():
            event = locked_event(event.pk)
            # Read once the lock is held: the waiting list's order is the order people were served in.
            now = timezone.now()
            if refusal := why_closed(event, now) or why_not_allowed(
                event, user if signed_in else None, email
            ):
                raise Refused(refusal)
            if existing := active_registration(event, email):
                raise already_registered(existing)
            registration = Registration(
                event=event,
                user=user if own_address else None,
                name=name.strip(),
                email=email,
                organisation_name=organisation_name.strip(),
                organisation=organisation,
                country=country,
            )
            if own_address:
                step = seated_step(event, now, "register", "register_for_approval", "join_waiting_list")
                if step == "join_waiting_list":
                    registration.joined_list_at = now
                registration.confirmed_at = now
            else:
                step = "register_address"
                # A seat is kept for the person a short while, if there is one: never longer.
                if has_a_free_seat(event, now) and event.capacity is not None:
                    registration.hold_until = now + UNCONFIRMED_HOLD
            # Another address than the account's is the portal's to confirm, as for anyone signed out.
            return start(registration, step, actor=user if own_address else None)
    except IntegrityError:
        # Two requests for the same address at once: the other one registered it.
        existing = active_registration(event, email)
        if existing is None:
            raise
        raise already_registered(existing) from None


def seated_step(event, now, seated, for_approval, waiting, *, holding=False):
    """Which of three steps places a person: a seat (approved or to approve), or the waiting list."""
    if not holding and not has_a_free_seat(event, now):
        return waiting
    return for_approval if event.approval_required else seated


def confirm_address(registration_id, email):
    """The person followed the link of the mail that asked them to confirm their address."""
    with transaction.atomic():
        registration = Registration.objects.select_related("event").get(pk=registration_id)
        if registration.email.lower() != email.lower():
            raise Refused(_("This link is for another address."))
        event = locked_event(registration.event_id)
        now = timezone.now()
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if not REGISTRATION.has(registration, UNCONFIRMED):
            if REGISTRATION.has(registration, ACTIVE):
                return registration  # confirmed already: the second click changes nothing
            raise Refused(
                _("This registration is no longer active (%(state)s). You may register again.")
                % {"state": REGISTRATION.current(registration).applicant_label},
                registration,
            )
        holding = registration.hold_until is not None and registration.hold_until > now
        step = seated_step(
            event,
            now,
            "confirm_address",
            "confirm_address_for_approval",
            "confirm_address_to_wait",
            holding=holding,
        )
        Registration.objects.filter(pk=registration.pk).update(
            confirmed_at=now,
            hold_until=None,
            joined_list_at=now if step == "confirm_address_to_wait" else None,
        )
        registration.refresh_from_db()
        return perform(registration, step, actor=None)


def accept_offer(registration):
    now = timezone.now()
    with transaction.atomic():
        event = locked_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if REGISTRATION.has(registration, CONFIRMED):
            return registration
        lapsed = REGISTRATION.has(registration, OFFER_LAPSED)
        if not lapsed and not REGISTRATION.has(registration, OFFERED):
            raise Refused(_("There is no seat on offer for this registration."), registration)
        if not lapsed and registration.hold_until > now:
            step = "accept_offer_for_approval" if event.approval_required else "accept_offer"
            return perform(registration, step, actor=None)
        if not lapsed:
            # Beat has not passed it on yet: done now, and kept, before the person is told.
            registration = expire_offer(registration)
    raise Refused(
        _("This offer expired on %(moment)s and passed to the next person waiting.")
        % {"moment": moment(registration.hold_until)},
        registration,
    )


def cancel(registration, *, actor=None):
    """Cancel a registration (its seat, its place in the waiting list, its offer): the freed seat is
    offered to the next person waiting (the step's effect). A second cancellation changes nothing."""
    with transaction.atomic():
        locked_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not REGISTRATION.has(registration, ACTIVE):
            return registration
        return perform(registration, "cancel", actor=actor)


def expire_offer(registration):
    """The offer's time is up: it passes to the next person waiting (the step's effect)."""
    return perform(registration, "expire_offer", actor=None)


def pass_on_expired(now=None):
    """Beat's work: offers whose hours are up pass to the next person; unconfirmed addresses whose
    short hold is up free their seat for the waiting list; those never confirmed lapse. Returns the
    number of registrations changed."""
    now = now or timezone.now()
    changed = 0
    expired = Registration.objects.filter(REGISTRATION.q(OFFERED), hold_until__lte=now).values_list(
        "pk", flat=True
    )
    for registration_id in list(expired):
        with transaction.atomic():
            registration = Registration.objects.get(pk=registration_id)
            locked_event(registration.event_id)
            registration = Registration.objects.select_for_update().get(pk=registration_id)
            if REGISTRATION.has(registration, OFFERED) and registration.hold_until <= now:
                expire_offer(registration)
                changed += 1
    held = Registration.objects.filter(REGISTRATION.q(UNCONFIRMED), hold_until__lte=now)
    for registration_id in list(held.values_list("pk", flat=True)):
        with transaction.atomic():
            registration = Registration.objects.get(pk=registration_id)
            event = locked_event(registration.event_id)
            if Registration.objects.filter(pk=registration_id, hold_until__lte=now).update(hold_until=None):
                offer_free_seats(event, now)
                changed += 1
    stale = Registration.objects.filter(
        REGISTRATION.q(UNCONFIRMED), created_at__lte=now - UNCONFIRMED_LIFETIME
    )
    for registration in stale:
        with transaction.atomic():
            locked_event(registration.event_id)
            registration = Registration.objects.select_for_update().get(pk=registration.pk)
            if REGISTRATION.has(registration, UNCONFIRMED):
                perform(registration, "lapse", actor=None)
                changed += 1
    return changed
