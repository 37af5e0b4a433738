"""The Secretariat's admin for the Project Implementer: a call made with its usual criteria, questions
fixed once announced; the proposals' queue by state, call, region and waiting time at a constant
number of queries; tenders and milestones waiting for staff."""

import pytest
from django.urls import reverse

from programs.implementer_workflow import CALL, RECEIVING
from programs.models import ImplementerCall, Milestone
from tests.factories import secretariat_user
from tests.programs.implementer_helpers import milestone_of, open_call, project_under_way, proposal_in
from tests.states import put_in

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:programs_proposal_changelist")


def test_a_call_made_in_the_admin_comes_with_the_usual_criteria(client):
    client.force_login(secretariat_user(is_superuser=True))
    response = client.post(
        reverse("admin:programs_implementercall_add"),
        {
            "year": "2031",
            "title": "Project Implementer 2031",
            "summary": "Support for a feasibility study and a pilot.",
            "opens_at_0": "2031-01-10",
            "opens_at_1": "09:00",
            "closes_at_0": "2031-03-31",
            "closes_at_1": "18:00",
            "beneficiaries": "1",
            "eligibility": "member-local-governments",
            "questions-TOTAL_FORMS": "1",
            "questions-INITIAL_FORMS": "0",
            "questions-0-position": "0",
            "questions-0-key": "digital-plan",
            "questions-0-label": "Does the city have a digital master plan?",
            "questions-0-required": "on",
            "questions-0-max_length": "3000",
            "selected-TOTAL_FORMS": "0",
            "selected-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    call = ImplementerCall.objects.get(year=2031)
    assert [c.name for c in call.scorecard.criteria.order_by("position")][:2] == [
        "Commitment of the city",
        "Alignment with the national strategy",
    ]
    assert call.questions.get().key == "digital-plan"


def test_a_call_that_closes_before_it_opens_is_refused(client):
    client.force_login(secretariat_user(is_superuser=True))
    client.post(
        reverse("admin:programs_implementercall_add"),
        {
            "year": "2032",
            "title": "Backwards",
            "summary": "…",
            "opens_at_0": "2032-03-31",
            "opens_at_1": "09:00",
            "closes_at_0": "2032-01-01",
            "closes_at_1": "09:00",
            "beneficiaries": "1",
            "eligibility": "member-local-governments",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "selected-TOTAL_FORMS": "0",
            "selected-INITIAL_FORMS": "0",
        },
    )
    assert not ImplementerCall.objects.filter(year=2032).exists()


def test_an_announced_calls_questions_can_no_longer_change(client):
    call = open_call()
    assert CALL.has(call, RECEIVING)
    client.force_login(secretariat_user(is_superuser=True))
    page = client.get(reverse("admin:programs_implementercall_change", args=[call.pk]))
    formset = next(f for f in page.context["inline_admin_formsets"] if f.formset.prefix == "questions")
    assert not formset.has_add_permission and not formset.has_change_permission


def test_the_proposals_queue_filters_and_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    call = open_call()
    client.force_login(secretariat_user())
    for _ in range(2):
        proposal_in("submitted", call)
    with django_assert_max_num_queries(25) as few:
        assert client.get(QUEUE).status_code == 200
    for _ in range(12):
        proposal_in("screening", call)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(QUEUE)
    assert response.status_code == 200
    shown = client.get(QUEUE, {"status__exact": "screening", "call__id__exact": call.pk})
    assert shown.context["cl"].result_count == 12


def test_drafts_are_not_in_the_queue(client):
    draft = proposal_in("draft")
    client.force_login(secretariat_user())
    assert str(draft) not in client.get(QUEUE).content.decode()


def test_delivered_milestones_wait_first_in_their_queue(client):
    proposal, city, consultant = project_under_way()
    waiting = milestone_of(proposal, title="Inception report")
    put_in(waiting, "delivered")
    milestone_of(proposal, title="Final report")
    client.force_login(secretariat_user())
    response = client.get(reverse("admin:programs_milestone_changelist"))
    titles = [str(milestone) for milestone in response.context["cl"].result_list]
    assert titles[0] == "Inception report" and Milestone.objects.count() == 2
