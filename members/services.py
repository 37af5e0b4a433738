"""Domain actions on membership; the only place that changes members and applications."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from organisations.models import Organisation
from organisations.services import confirm, create_organisation, make_official, same_organisation
from wego.workflow.engine import start
from wego.workflow.errors import NotEditable

from .models import Member, MembershipApplication
from .workflow import EDITABLE, MEMBERSHIP


def organisation_called(name, country):
    """The organisation on the portal of this name in this country: a confirmed one first, else one
    someone proposed; None if there is none."""
    confirmed = same_organisation(name, country, Organisation.objects.confirmed())
    return confirmed or same_organisation(name, country)


def member_called(name, country):
    """The member of this name in this country, if that organisation is a member already."""
    if not name or not country:
        return None
    return Member.objects.filter(organisation=organisation_called(name, country)).first()


def member_named(application):
    return member_called(application.organisation_name, application.country)


@transaction.atomic
def admit_member(application: MembershipApplication, *, approved_by):
    """Make the organisation an approved application names a member, joining today: the organisation
    already on the portal under that name in that country (confirmed now), or a new one. The applicant
    becomes its first official."""
    today = timezone.localdate()
    organisation = organisation_called(
        application.organisation_name, application.country
    ) or create_organisation(
        name=application.organisation_name,
        kind=application.type,
        country=application.country,
        city=application.city,
        website=application.website,
    )
    confirm(organisation)
    application.member = Member.objects.create(
        organisation=organisation, joined_on=today, approved_at_excom=today.year
    )
    application.save(update_fields=["member", "updated_at"])
    applicant = application.applicant
    # Written once, so in the language the applicant reads the portal in.
    with translation.override(applicant.language or settings.LANGUAGE_CODE):
        make_official(
            applicant,
            organisation,
            by=approved_by,
            title=gettext("Membership applicant"),
            justification=gettext("Submitted the organisation's membership application."),
        )
    return application.member


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
