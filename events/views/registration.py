"""Registering for an event and everything a registrant does from the links of their mail, without
signing in: confirm the address, see the registration, accept or decline an offered seat, cancel.

None of these pages is kept for visitors (each is one person's), and none changes anything on a
GET: mail scanners follow links, a person's click is the POST of the page's button.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from wego.submissions.once import already_sent, sent

from .. import calendars
from ..forms import RegistrationForm
from ..models import Registration
from ..services import links
from ..services import registration as registering
from ..services.seats import has_a_free_seat, position_in_waiting_list
from ..workflow import ACTIVE, CONFIRMED, OFFERED, REGISTRATION, UNCONFIRMED, WAITING
from .calendars import ics_response
from .public import published_event


def own_registration(request, event):
    """The signed-in person's active registration for the event, if any."""
    if not request.user.is_authenticated:
        return None
    return registering.active_registration(event, request.user.email)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def register(request, slug):
    event = published_event(slug)
    signed_in = request.user.is_authenticated
    existing = own_registration(request, event)
    if existing is not None:
        messages.info(request, _("You are registered for this event already; here is your registration."))
        return redirect(links.registration_link(existing))
    closed = registering.why_closed(event, timezone.now())
    # Whether a seat is free now: the page then says "join the waiting list" rather than "register".
    full = not has_a_free_seat(event)
    form = None
    if request.method == "POST":
        if closed:
            messages.error(request, closed)
            return redirect(event.get_absolute_url())
        if signed_in and request.POST.get("as") == "me":
            details = {
                "name": request.user.get_full_name() or request.user.email,
                "email": request.user.email,
                "organisation_name": "",
                "country": "",
            }
        else:
            form = RegistrationForm(request.POST)
            if not form.is_valid():
                return render(
                    request,
                    "events/register.html",
                    {"event": event, "form": form, "closed": closed, "full": full},
                )
            details = form.cleaned_data
        if answer := already_sent(request):
            return answer
        try:
            registration = registering.register(event, user=request.user if signed_in else None, **details)
        except registering.AlreadyRegistered as refusal:
            # The same answer whatever the address's state, which may be someone else's to know: its
            # owner gets the link (a double click sends nothing more).
            registering.send_the_link_again(refusal.registration)
            return redirect("events:check_your_mail", slug=event.slug)
        except registering.Refused as refusal:
            messages.error(request, refusal.message)
            return redirect("events:register", slug=event.slug)
        if REGISTRATION.has(registration, UNCONFIRMED):
            return sent(request, redirect("events:check_your_mail", slug=event.slug))
        return sent(request, redirect(links.registration_link(registration)))
    if form is None:
        initial = {}
        if signed_in:
            initial = {"name": request.user.get_full_name(), "email": request.user.email}
        form = RegistrationForm(initial=initial)
    return render(
        request, "events/register.html", {"event": event, "form": form, "closed": closed, "full": full}
    )


@login_not_required
@never_cache
@require_safe
def check_your_mail(request, slug):
    return render(request, "events/check_your_mail.html", {"event": published_event(slug)})


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def confirm_address(request, token):
    try:
        found = links.address_from(token)
    except signing.SignatureExpired:
        return render(request, "events/link_expired.html", status=410)
    if found is None:
        raise Http404
    registration_id, email = found
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=registration_id)
    if request.method == "POST":
        try:
            registration = registering.confirm_address(registration_id, email)
        except registering.Refused as refusal:
            messages.error(request, refusal.message)
            return redirect(registration.event.get_absolute_url())
        messages.success(request, _("Your address is confirmed."))
        return redirect(links.registration_link(registration))
    if not REGISTRATION.has(registration, UNCONFIRMED):
        return redirect(links.registration_link(registration))
    return render(
        request, "events/confirm_address.html", {"registration": registration, "event": registration.event}
    )


def registration_by_token(token):
    registration_id = links.registration_id_from(token)
    if registration_id is None:
        raise Http404
    return get_object_or_404(Registration.objects.select_related("event"), pk=registration_id)


ACTIONS = {
    "cancel": lambda registration: registering.cancel(registration),
    "accept": registering.accept_offer,
    # Declining an offer is cancelling: the seat goes on to the next person.
    "decline": lambda registration: registering.cancel(registration),
}
DONE = {
    "cancel": gettext_lazy("Your registration is cancelled."),
    "accept": gettext_lazy("The seat is yours."),
    "decline": gettext_lazy("You declined the seat; it goes to the next person waiting."),
}


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def registration(request, token):
    registration = registration_by_token(token)
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            messages.error(request, _("That is not something one can do with a registration."))
            return redirect(request.path)
        if action == "cancel" and request.POST.get("sure") != "yes":
            messages.error(
                request, _("Tick the box to confirm that you are cancelling; nothing was changed.")
            )
            return redirect(request.path)
        was_active = REGISTRATION.has(registration, ACTIVE)
        try:
            registration = ACTIONS[action](registration)
        except registering.Refused as refusal:
            messages.error(request, refusal.message)
            return redirect(request.path)
        if action in ("cancel", "decline") and not was_active:
            messages.info(request, _("This registration was cancelled already; nothing changed."))
        else:
            messages.success(request, str(DONE[action]))
        return redirect(request.path)
    event = registration.event
    state = REGISTRATION.current(registration)
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": event,
            "state": state,
            "active": REGISTRATION.has(registration, ACTIVE),
            "confirmed": REGISTRATION.has(registration, CONFIRMED),
            "offered": REGISTRATION.has(registration, OFFERED),
            "position": position_in_waiting_list(registration)
            if REGISTRATION.has(registration, WAITING)
            else None,
            "has_days": event.when.has_days,
            "may_register_again": not REGISTRATION.has(registration, ACTIVE) and event.registration_open,
        },
    )


@login_not_required
@never_cache
@require_safe
def registration_ics(request, token):
    """The registrant's own calendar entry: with the joining link, once confirmed."""
    registration = registration_by_token(token)
    if not REGISTRATION.has(registration, CONFIRMED) or not registration.event.when.has_days:
        raise Http404
    return ics_response(calendars.for_registrant(registration), f"{registration.event.slug}.ics")
