"""Approving a membership makes the organisation a member (the one already on the portal, or a new one)
and its applicant an official, whatever the applicant had asked before; an organisation that is a
member already cannot be admitted twice: staff read why, nothing breaks."""

import pytest

from members.models import Member, MembershipApplication
from organisations.access import acts_for
from organisations.models import Affiliation, Organisation
from organisations.services import propose_and_request, request_affiliation
from organisations.workflow import ACTING, AFFILIATION
from tests.factories import (
    MemberFactory,
    MembershipApplicationFactory,
    OrganisationFactory,
    UserFactory,
    secretariat_user,
)
from tests.states import put_in
from wego.workflow.engine import perform, start
from wego.workflow.errors import NotReady

pytestmark = pytest.mark.django_db


def recommended(**kwargs):
    application = MembershipApplicationFactory(**kwargs)
    put_in(application, "recommended")
    return application


def test_an_organisation_already_on_the_portal_becomes_the_member(client):
    organisation = OrganisationFactory(name="Mombasa County", country="KE", confirmed=True)
    application = recommended(organisation_name="MOMBASA county", country="KE")
    approved = perform(application, "approve", actor=secretariat_user())
    assert approved.member.organisation == organisation
    assert acts_for(application.applicant, organisation)


def test_the_applicants_pending_request_is_the_one_confirmed():
    applicant = UserFactory()
    request = propose_and_request(
        applicant,
        proposal={
            "name": "Mombasa County",
            "kind": "local-government",
            "country": "KE",
            "city": "",
            "website": "",
        },
        title="County Secretary",
        justification="I run the county's office.",
    )
    application = recommended(organisation_name="Mombasa County", country="KE", applicant=applicant)
    perform(application, "approve", actor=secretariat_user())
    request.refresh_from_db()
    assert AFFILIATION.has(request, ACTING) and request.organisation.confirmed
    assert Affiliation.objects.filter(user=applicant).count() == 1
    assert Organisation.objects.filter(name="Mombasa County").count() == 1


def test_an_earlier_declined_request_does_not_keep_the_applicant_out():
    organisation = OrganisationFactory(name="Mombasa County", country="KE")
    applicant = UserFactory()
    staff = secretariat_user()
    declined = request_affiliation(applicant, organisation, title="Clerk", justification="x")
    perform(declined, "decline", actor=staff, note="Nobody could confirm it.")
    application = recommended(organisation_name="Mombasa County", country="KE", applicant=applicant)
    perform(application, "approve", actor=staff)
    assert acts_for(applicant, organisation)


def test_an_existing_member_is_not_admitted_twice_and_staff_read_why(client):
    MemberFactory(name="Mombasa County", country="KE")
    application = recommended(organisation_name="Mombasa County", country="KE")
    staff = secretariat_user()
    with pytest.raises(NotReady, match="Mombasa County is already a member of WeGO."):
        perform(application, "approve", actor=staff)
    seen = application.status
    client.force_login(staff)
    response = client.post(
        f"/admin/members/membershipapplication/{application.pk}/transition/",
        {"transition": "approve", "seen_state": seen, "confirmed": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Mombasa County is already a member of WeGO." in response.text
    application.refresh_from_db()
    assert application.status == seen and Member.objects.count() == 1  # nothing moved


def test_an_application_for_an_existing_member_is_refused_when_it_is_made():
    MemberFactory(name="Seoul", country="KR")
    application = MembershipApplicationFactory.build(
        organisation_name="seoul", country="KR", applicant=UserFactory()
    )
    with pytest.raises(NotReady, match="Seoul is already a member of WeGO."):
        start(application, "submit", actor=application.applicant)
    assert not MembershipApplication.objects.exists()
