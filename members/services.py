"""Domain actions on members, applications and affiliations; the only place that changes them."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from wego.notifications.outbox import queue
from wego.workflow.engine import perform

from .models import Affiliation, Member, MembershipApplication, User
from .workflow import SECRETARIAT_GROUP

# Addresses under /members/ that are pages, not members.
RESERVED_SLUGS = {"join", "offices", "stats", "export-csv", "export-json"}


def unique_slug(name):
    base = slugify(name)[:180] or "member"
    if base in RESERVED_SLUGS:
        base = f"{base}-member"
    slug, number = base, 1
    while Member.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def region_for(country):
    """The region the directory already places this country in, if it does so unambiguously."""
    placed = Member.objects.filter(country=country, region__isnull=False).order_by()
    regions = set(placed.values_list("region", flat=True).distinct())
    return regions.pop() if len(regions) == 1 else None


@transaction.atomic
def admit_member(application: MembershipApplication, *, approved_by):
    """Create the member an approved application asked for, with today's join date;
    the applicant becomes its first official."""
    today = timezone.localdate()
    application.member = Member.objects.create(
        name=application.organisation_name,
        slug=unique_slug(application.organisation_name),
        type=application.type,
        country=application.country,
        region_id=region_for(application.country),
        joined_on=today,
        approved_at_excom=today.year,
    )
    application.save(update_fields=["member", "updated_at"])
    affiliation = Affiliation.objects.create(
        user=application.applicant,
        member=application.member,
        title=gettext("Membership applicant"),
        justification=gettext("Submitted the organisation's membership application."),
    )
    perform(affiliation, "approve", actor=approved_by)
    return application.member


@transaction.atomic
def request_affiliation(user, organisation, *, title, justification):
    """A signed-in person asks to act for a member organisation or a strategic partner; the
    Secretariat is told."""
    side = "member" if isinstance(organisation, Member) else "partner"
    affiliation = Affiliation.objects.create(
        user=user, **{side: organisation}, title=title, justification=justification
    )
    for staff in User.objects.filter(is_active=True, is_staff=True, groups__name=SECRETARIAT_GROUP):
        queue("members:affiliation_requested", recipient=staff, related=affiliation)
    return affiliation


@transaction.atomic
def submit_application(form, applicant):
    """Save a new membership application; tell the applicant it arrived and the Secretariat to review it."""
    application = form.save(commit=False)
    application.applicant = applicant
    application.save()
    queue("members:application_received", recipient=applicant, related=application)
    for staff in User.objects.filter(is_active=True, is_staff=True, groups__name=SECRETARIAT_GROUP):
        queue("members:application_new", recipient=staff, related=application)
    return application
