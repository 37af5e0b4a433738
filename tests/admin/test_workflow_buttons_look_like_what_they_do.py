"""In the admin a step's button looks like what it does, read off its declaration: the way forward,
a step back to the applicant, or a refusal; the steps are grouped so, and the page ends without a bar
that holds a lone button."""

import re

import pytest

from members.workflow import MEMBERSHIP
from programs.workflow import PROJECT_SHARING
from tests.factories import MembershipApplicationFactory, ProjectFactory
from tests.states import put_in
from wego.workflow.definitions import GO_ON, REFUSE, SEND_BACK, Transition, Workflow, state

pytestmark = pytest.mark.django_db


def button_classes(page):
    """{step name: the classes of its button} on an admin change page."""
    forms = re.findall(r'<form[^>]*class="workflow-step[^"]*">(.*?)</form>', page, re.S)
    return {
        re.search(r'name="transition" value="([^"]+)"', form)[1]: re.search(
            r'<button[^>]*class="([^"]+)"', form
        )[1]
        for form in forms
    }


def test_each_step_is_the_kind_its_declaration_says():
    kinds = {step.name: step.kind for step in MEMBERSHIP.transitions}
    assert kinds["recommend"] == GO_ON
    assert kinds["request_information"] == SEND_BACK
    assert kinds["decline"] == REFUSE and kinds["withdraw"] == REFUSE
    assert PROJECT_SHARING.transition("return").kind == SEND_BACK
    assert PROJECT_SHARING.transition("unpublish").kind == REFUSE


def test_the_buttons_of_an_application_under_review_go_on_send_back_or_refuse(client, staff):
    application = put_in(MembershipApplicationFactory(), "under_review")
    page = client.get(f"/admin/members/membershipapplication/{application.pk}/change/").text
    classes = button_classes(page)
    assert classes["recommend"] == "button workflow-go-on"
    assert classes["request_information"] == "button workflow-send-back"
    assert classes["decline"] == "button workflow-refuse"


def test_the_steps_are_grouped_by_what_they_do_the_way_forward_first(client, staff):
    application = put_in(MembershipApplicationFactory(), "under_review")
    page = client.get(f"/admin/members/membershipapplication/{application.pk}/change/").text
    groups = re.findall(r'class="workflow-group workflow-group-([a-z-]+)"', page)
    assert groups == [GO_ON, SEND_BACK, REFUSE]
    assert "Go on" in page and "Send back to the applicant" in page and "Refuse, withdraw or end" in page


def test_a_group_without_steps_is_not_shown(client, staff):
    project = ProjectFactory()  # published: only "Take out of the Exchange" is left
    page = client.get(f"/admin/programs/project/{project.pk}/change/").text
    assert re.findall(r'class="workflow-group workflow-group-([a-z-]+)"', page) == [REFUSE]


def test_the_page_ends_on_a_way_back_to_the_queue_not_a_lone_close_button(client, staff):
    application = MembershipApplicationFactory()
    page = client.get(f"/admin/members/membershipapplication/{application.pk}/change/").text
    assert 'class="submit-row"' not in page and "closelink" not in page
    assert "Back to the queue" in page


def test_a_step_both_dangerous_and_sending_back_is_refused_when_declared():
    with pytest.raises(ValueError, match="both dangerous and sends back"):
        Workflow(
            name="w",
            verbose_name="W",
            states=(state("a", "A", "A"), state("b", "B", "B")),
            transitions=(
                Transition(
                    "t", frozenset({"a"}), "b", "T", "T", frozenset({"r"}), dangerous=True, sends_back=True
                ),
            ),
            initial="a",
            roles_of=lambda user, obj: set(),
        )
