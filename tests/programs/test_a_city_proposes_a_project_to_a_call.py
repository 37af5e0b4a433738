"""A city's official proposes a project to the Project Implementer's call: in steps with drafts, from
a Solution Finder application if it has one, once per call, and only before the call closes by the
server's clock."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from programs.implementer_workflow import PROPOSAL
from programs.models import Proposal
from programs.services import implementer as services
from tests.factories import MemberFactory, OrganisationFactory, SolutionFinderApplicationFactory, official_of
from tests.programs.implementer_helpers import city_with_official, letter, open_call, ready_proposal
from wego.workflow.definitions import DRAFT
from wego.workflow.engine import perform
from wego.workflow.errors import NotReady
from wego.workflow.versions import versions_of

pytestmark = pytest.mark.django_db


def test_an_official_starts_a_proposal_from_the_calls_page_and_lands_on_its_first_step(client):
    call = open_call()
    organisation, official = city_with_official()
    client.force_login(official)
    page = client.get(call.get_absolute_url())
    assert "Start a proposal" in page.content.decode()
    response = client.post(
        reverse("programs:implementer-start", args=[call.year]), {"organisation": organisation.pk}
    )
    proposal = Proposal.objects.get()
    assert response.url == reverse("programs:proposal-step", args=[proposal.pk, "project"])
    assert (proposal.organisation, proposal.started_by, proposal.status) == (organisation, official, "draft")


def test_a_second_proposal_of_the_same_organisation_to_the_call_is_refused():
    call = open_call()
    organisation, official = city_with_official()
    services.start_proposal(call, organisation, official)
    with pytest.raises(NotReady, match="has a proposal for this call already"):
        services.start_proposal(call, organisation, official_of(organisation))
    assert Proposal.objects.count() == 1


def test_an_organisation_the_call_does_not_admit_cannot_propose():
    call = open_call()
    company = MemberFactory(name="Smart Corp", type="corporation")
    with pytest.raises(NotReady, match="not eligible"):
        services.start_proposal(call, company.organisation, official_of(company))
    not_a_member = OrganisationFactory(kind="local-government")
    with pytest.raises(NotReady, match="not eligible"):
        services.start_proposal(call, not_a_member, official_of(not_a_member))
    assert not Proposal.objects.exists()


def test_nobody_proposes_for_an_organisation_they_do_not_act_for(client):
    call = open_call()
    organisation, official = city_with_official()
    other, _ = city_with_official("Another City")
    with pytest.raises(NotReady, match="do not act for"):
        services.start_proposal(call, other, official)
    client.force_login(official)
    client.post(reverse("programs:implementer-start", args=[call.year]), {"organisation": other.pk})
    assert not Proposal.objects.exists()


def test_a_proposal_starts_from_the_citys_solution_finder_application():
    call = open_call()
    application = SolutionFinderApplicationFactory()
    organisation = application.organisation
    official = official_of(organisation)
    proposal = services.start_proposal(call, organisation, official, application)
    challenge = application.challenges.get()
    assert proposal.from_application == application
    assert challenge.problem_statement in proposal.problem
    assert (proposal.objectives, proposal.expected_outcomes) == (
        application.goals,
        application.expected_outcomes,
    )
    assert proposal.duration_months == application.duration_months
    assert set(proposal.areas.all()) == {challenge.area}


def test_a_step_saved_as_a_draft_keeps_what_was_typed_and_says_what_is_missing(client):
    call = open_call()
    organisation, official = city_with_official()
    proposal = services.start_proposal(call, organisation, official)
    client.force_login(official)
    url = reverse("programs:proposal-step", args=[proposal.pk, "budget"])
    response = client.post(
        url, {"budget_amount": "-5", "budget_currency": "usd", "save_draft": "1"}, follow=True
    )
    assert "Draft saved. Before you submit, complete or correct: Total budget" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.budget_currency == "USD" and proposal.budget_amount is None
    assert client.get(url).context["form"]["budget_amount"].value() == "-5"
    assert "budget" in {step.slug for step in services_steps_to_complete(proposal)}


def services_steps_to_complete(proposal):
    from programs.implementer_steps import steps_to_complete

    return steps_to_complete(proposal)


def test_the_calls_own_questions_are_asked_and_kept_with_the_question_as_asked(client):
    call = open_call()
    call.questions.create(key="digital-plan", label="Does the city have a digital master plan?")
    organisation, official = city_with_official()
    proposal = services.start_proposal(call, organisation, official)
    client.force_login(official)
    url = reverse("programs:proposal-step", args=[proposal.pk, "questions"])
    client.post(url, {"digital-plan": "Yes, adopted in 2024."})
    proposal.refresh_from_db()
    assert proposal.answers == {
        "digital-plan": {
            "question": "Does the city have a digital master plan?",
            "answer": "Yes, adopted in 2024.",
        }
    }
    # Next year's wording does not change what was answered.
    call.questions.update(label="Another question")
    proposal.refresh_from_db()
    assert proposal.answers["digital-plan"]["question"] == "Does the city have a digital master plan?"


def test_an_answer_too_long_or_with_control_characters_is_refused_and_nothing_is_written(client):
    call = open_call()
    call.questions.create(key="plan", label="Your plan?", max_length=20)
    organisation, official = city_with_official()
    proposal = services.start_proposal(call, organisation, official)
    client.force_login(official)
    url = reverse("programs:proposal-step", args=[proposal.pk, "questions"])
    for answer in ["x" * 21, "Seoul\x01City"]:
        response = client.post(url, {"plan": answer})
        assert response.status_code == 200 and response.context["form"].errors["plan"]
    proposal.refresh_from_db()
    assert proposal.answers == {} and "questions" not in proposal.steps_saved


def test_the_letter_of_intent_must_be_a_pdf_by_its_content(client):
    call = open_call()
    organisation, official = city_with_official()
    proposal = services.start_proposal(call, organisation, official)
    client.force_login(official)
    url = reverse("programs:proposal-step", args=[proposal.pk, "letter"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("letter.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(url, {"letter_of_intent": fake})
    assert response.status_code == 200 and response.context["form"].errors["letter_of_intent"]
    proposal.refresh_from_db()
    assert not proposal.letter_of_intent
    client.post(url, {"letter_of_intent": letter()})
    proposal.refresh_from_db()
    assert proposal.letter_of_intent.read().startswith(b"%PDF")


def test_a_complete_proposal_sent_in_time_is_versioned_and_the_secretariat_is_told():
    call = open_call()
    proposal = ready_proposal(call)
    official = official_of(proposal.organisation)
    perform(proposal, "submit", actor=official)
    proposal.refresh_from_db()
    assert proposal.status == PROPOSAL.transition("submit").target
    assert versions_of(proposal).count() == 1 and proposal.submitted_at is not None


def test_one_second_after_the_closing_moment_a_draft_is_kept_and_sending_is_refused(client):
    call = open_call(closes_in=datetime.timedelta(hours=1))
    proposal = ready_proposal(call)
    official = official_of(proposal.organisation)
    client.force_login(official)
    with time_machine.travel(call.closes_at + datetime.timedelta(seconds=1)):
        response = client.post(
            reverse("programs:proposal-step", args=[proposal.pk, "timeline"]),
            {"duration_months": "20", "timeline": "Later.", "save_draft": "1"},
            follow=True,
        )
        proposal.refresh_from_db()
        assert proposal.duration_months == 20  # kept
        review = client.get(reverse("programs:proposal-review", args=[proposal.pk]))
        assert "proposals can no longer be sent. Your draft is kept." in review.content.decode()
        client.post(
            reverse("programs:proposal-transition", args=[proposal.pk]),
            {"transition": "submit", "seen_state": "draft"},
        )
    proposal.refresh_from_db()
    assert PROPOSAL.has(proposal, DRAFT) and proposal.submitted_at is None
    assert not versions_of(proposal).exists()
    assert response.status_code == 200 and "Saved: Timeline." in response.content.decode()


def test_one_second_before_the_closing_moment_the_proposal_is_sent():
    call = open_call()
    proposal = ready_proposal(call)
    with time_machine.travel(call.closes_at - datetime.timedelta(seconds=1)):
        perform(proposal, "submit", actor=official_of(proposal.organisation))
    proposal.refresh_from_db()
    assert proposal.submitted_at is not None


def test_another_citys_official_and_a_visitor_do_not_find_a_proposal(client):
    proposal = ready_proposal(open_call())
    urls = [
        reverse("programs:proposal", args=[proposal.pk]),
        reverse("programs:proposal-step", args=[proposal.pk, "project"]),
        reverse("programs:proposal-review", args=[proposal.pk]),
        reverse("programs:proposal-letter", args=[proposal.pk]),
    ]
    client.force_login(official_of(MemberFactory(name="Elsewhere")))
    assert [client.get(url).status_code for url in urls] == [404] * 4
    client.logout()
    assert all(client.get(url).status_code in (302, 404) for url in urls)
