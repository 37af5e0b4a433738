"""The Secretariat's pages of an event on the site: the check-in list (made for a phone at the door:
search by name, one tap), the attendance read from an online platform's report, and the attendee
export. Anyone else gets 404, as for anything not theirs."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from organisations.staff import is_secretariat
from wego.exports import csv_response
from wego.listing import is_live_update
from wego.text import fold

from ..forms import AttendanceImportForm, CheckInSearchForm
from ..models import Event
from ..services import attendance


def event_for_staff(request, slug):
    if not is_secretariat(request.user):
        raise Http404
    return get_object_or_404(Event, slug=slug)


@never_cache
@require_http_methods(["GET", "POST"])
def check_in(request, slug):
    event = event_for_staff(request, slug)
    if request.method == "POST":
        try:
            registration_id = int(request.POST.get("registration", ""))
        except ValueError:
            raise Http404 from None
        try:
            registration = attendance.check_in(
                event, registration_id, present=request.POST.get("present") != "no"
            )
        except attendance.Registration.DoesNotExist:
            raise Http404 from None
        if is_live_update(request):
            return render(request, "events/check_in.html#row", {"event": event, "registration": registration})
        return redirect(f"{request.path}?q={request.POST.get('q', '')}")
    form = CheckInSearchForm(request.GET)
    people = attendance.attendees(event)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if text:
        folded = fold(text)
        people = [p for p in people if folded in fold(p.name) or folded in p.email.lower()]
    else:
        people = list(people)
    context = {
        "event": event,
        "form": form,
        "people": people,
        "present": sum(person.attended for person in people),
    }
    if is_live_update(request):
        return render(request, "events/check_in.html#list", context)
    return render(request, "events/check_in.html", context)


@require_safe
def attendees_csv(request, slug):
    event = event_for_staff(request, slug)
    header = [_("Name"), _("Email address"), _("Organisation"), _("Country"), _("Attended"), _("From")]
    rows = [
        [
            person.name,
            person.email,
            person.organisation_name,
            person.country.code if person.country else "",
            _("yes") if person.attended else _("no"),
            person.attendance_source,
        ]
        for person in attendance.attendees(event)
    ]
    return csv_response(f"{event.slug}-attendees.csv", header, rows)


@never_cache
@require_http_methods(["GET", "POST"])
def import_attendance(request, slug):
    event = event_for_staff(request, slug)
    form = AttendanceImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            marked, already, unknown = attendance.import_attendance(
                event, upload, source=_("Report %(name)s") % {"name": upload.name}
            )
        except attendance.UnreadableReport as problem:
            form.add_error("file", str(problem))
        else:
            messages.success(
                request,
                _("%(marked)d attendees marked from the report; %(already)d were marked already.")
                % {"marked": marked, "already": already},
            )
            result = {"unknown": unknown}
    return render(request, "events/import_attendance.html", {"event": event, "form": form, "result": result})
