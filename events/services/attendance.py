"""Who came: checked in at the door by the Secretariat, or read from an online platform's participant
report (Zoom's or Webex's CSV export, matched by email address)."""

import csv
import io

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Registration
from ..workflow import CONFIRMED, REGISTRATION

CHECK_IN = "check-in"
# The largest participant report read; a real one of a few thousand rows is far smaller.
LARGEST_REPORT = 2 * 1024 * 1024
# The columns platforms name the address in, compared without case.
ADDRESS_COLUMNS = ("email", "user email", "e-mail", "attendee email", "email address", "participant email")


class UnreadableReport(Exception):
    pass


def attendees(event):
    """The confirmed registrations of an event, by name: the check-in list and the attendee export."""
    return (
        Registration.objects.filter(event=event)
        .filter(REGISTRATION.q(CONFIRMED))
        .order_by(Lower("name"), "pk")
    )


def check_in(event, registration_id, *, present=True):
    """Mark a confirmed registrant as present (or not, to undo a wrong tap). A second tap changes nothing."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .filter(event=event)
            .filter(REGISTRATION.q(CONFIRMED))
            .get(pk=registration_id)
        )
        if registration.attended != present:
            registration.attended = present
            registration.checked_in_at = timezone.now() if present else None
            registration.attendance_source = CHECK_IN if present else ""
            registration.save(update_fields=["attended", "checked_in_at", "attendance_source"])
    return registration


def addresses_in(upload):
    """The email addresses of a participant report, lower-cased; raises UnreadableReport with a
    message for the person when it is not a CSV with an address column."""
    if upload.size > LARGEST_REPORT:
        raise UnreadableReport(_("The file is larger than 2 MB; a participant report is far smaller."))
    raw = upload.read()
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableReport(_("The file is not text: export the participant report as CSV."))
    if "\x00" in text:
        raise UnreadableReport(_("The file is not text: export the participant report as CSV."))
    # Platforms put a summary table above the participants' (Zoom: the meeting and its host): each
    # table's header names its address column, and the addresses under it are read.
    addresses, column = set(), None
    for row in csv.reader(io.StringIO(text)):
        names = [cell.strip().lower() for cell in row]
        header = next((names.index(name) for name in ADDRESS_COLUMNS if name in names), None)
        if header is not None:
            column = header
        elif column is not None and len(row) > column and "@" in row[column]:
            addresses.add(row[column].strip().lower())
    if column is None:
        raise UnreadableReport(
            _(
                "No column of email addresses was found. "
                "The report needs a column named “Email” or “User Email”."
            )
        )
    return addresses


def import_attendance(event, upload, *, source):
    """Mark as attended every confirmed registrant whose address the report lists. Returns
    (marked, already marked, addresses in the report that match no confirmed registrant)."""
    addresses = addresses_in(upload)
    with transaction.atomic():
        confirmed = (
            Registration.objects.select_for_update()
            .filter(event=event)
            .filter(REGISTRATION.q(CONFIRMED))
            .annotate(address=Lower("email"))
            .filter(address__in=addresses)
        )
        found = {registration.address: registration for registration in confirmed}
        marked = already = 0
        now = timezone.now()
        for registration in found.values():
            if registration.attended:
                already += 1
                continue
            registration.attended = True
            registration.checked_in_at = now
            registration.attendance_source = source[:100]
            registration.save(update_fields=["attended", "checked_in_at", "attendance_source"])
            marked += 1
    return marked, already, sorted(addresses - found.keys())
