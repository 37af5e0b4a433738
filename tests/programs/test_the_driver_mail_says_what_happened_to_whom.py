"""The Smart City Driver's mail to cities and partners says in its subject what happened, naming the
city, the introduction or the project; staff keep the subject that names the new state."""

import pytest

from programs.workflow import INTRODUCTION, PROJECT_SHARING, SOLUTION_FINDER
from tests.factories import (
    MemberFactory,
    PartnerFactory,
    ProjectFactory,
    official_of,
    official_of_partner,
    secretariat_user,
)
from tests.programs.sf_helpers import application_in, introduce
from tests.states import put_in
from wego.notifications.models import Notification
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "workflow", [SOLUTION_FINDER, INTRODUCTION, PROJECT_SHARING], ids=lambda workflow: workflow.name
)
def test_every_step_that_tells_a_city_or_a_partner_declares_its_subject(workflow):
    telling_outside = [
        step.name
        for step in workflow.transitions
        if any(not workflow.audiences[name].staff for name in step.notify)
    ]
    assert telling_outside
    assert [name for name in telling_outside if not workflow.transition(name).subject] == []


def test_a_city_asked_to_clarify_reads_it_in_the_subject(django_capture_on_commit_callbacks):
    application = application_in("under_review", organisation=MemberFactory(name="Cauayan").organisation)
    official = official_of(application.organisation)
    staff = secretariat_user()
    with django_capture_on_commit_callbacks(execute=True):
        perform(application, "request_clarification", actor=staff, note="Which districts flood?")
    told = Notification.objects.get(recipient=official)
    assert told.subject == "WeGO asks Cauayan to clarify its Solution Finder application"


def test_both_sides_of_an_introduction_read_who_accepted(django_capture_on_commit_callbacks):
    application = application_in("feedback_given", organisation=MemberFactory(name="Cauayan").organisation)
    partner = PartnerFactory(name="River Sensors Co")
    introduction = introduce(application, partner)
    city_official = official_of(application.organisation)
    partner_official = official_of_partner(partner)
    with django_capture_on_commit_callbacks(execute=True):
        perform(introduction, "city_accepts", actor=city_official)
    assert Notification.objects.get(recipient=partner_official).subject == (
        "The city accepted the introduction of Cauayan and River Sensors Co; the partner has yet to answer"
    )
    assert not Notification.objects.filter(recipient=city_official).exists()


def test_a_returned_project_names_itself_and_staff_read_the_state(django_capture_on_commit_callbacks):
    member = MemberFactory(name="Bogotá")
    sharer = official_of(member)
    project = put_in(
        ProjectFactory(title="Bus priority lanes", city=member, organisation=member, shared_by=sharer),
        "submitted",
    )
    staff = secretariat_user()
    with django_capture_on_commit_callbacks(execute=True):
        perform(project, "return", actor=staff, note="Add the budget's source.")
        perform(project, "resubmit", actor=sharer)
    assert Notification.objects.get(recipient=sharer).subject == (
        "Your project “Bus priority lanes” is returned with comments"
    )
    assert Notification.objects.get(recipient=staff).subject == (
        "The Exchange project “Bus priority lanes” is now “Submitted”"
    )
