"""Domain actions on membership; the only place that changes members and applications."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from organisations.services import create_organisation, grant_affiliation, same_organisation
from wego.workflow.engine import start

from .models import Member, MembershipApplication
from .workflow import EDITABLE, MEMBERSHIP


class NotEditable(Exception):
    """The application cannot be changed in its current state; the message says why."""


@transaction.atomic
def admit_member(application: MembershipApplication, *, approved_by):
    """Make the organisation an approved application names a member, joining today; the organisation
    is the one already on the portal under that name in that country, or a new one. The applicant
    becomes its first official."""
    today = timezone.localdate()
    organisation = same_organisation(
        application.organisation_name, application.country
    ) or create_organisation(
        name=application.organisation_name,
        kind=application.type,
        country=application.country,
        city=application.city,
        website=application.website,
    )
    member, _created = Member.objects.get_or_create(
        organisation=organisation, defaults={"joined_on": today, "approved_at_excom": today.year}
    )
    application.member = member
    application.save(update_fields=["member", "updated_at"])
    if not organisation.affiliations.filter(user=application.applicant).exists():
        grant_affiliation(
            application.applicant,
            organisation,
            granted_by=approved_by,
            title=gettext("Membership applicant"),
            justification=gettext("Submitted the organisation's membership application."),
        )
    return member


@transaction.atomic
def submit_application(form, applicant):
    """A new membership application: received, kept as version 1, the applicant and the Secretariat told."""
    application = form.save(commit=False)
    application.applicant = applicant
    return start(application, "submit", actor=applicant)


@transaction.atomic
def correct_application(form):
    """The applicant changes its answers while the Secretariat asks for more information; the state
    read with the form is never written back."""
    locked = MembershipApplication.objects.select_for_update().get(pk=form.instance.pk)
    if not MEMBERSHIP.has(locked, EDITABLE):
        raise NotEditable(
            gettext("The application can be changed only when the Secretariat asks for more information.")
        )
    application = form.save(commit=False)
    application.save(update_fields=[*form.Meta.fields, "updated_at"])
    return application
