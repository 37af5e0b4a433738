"""PROPOSAL's transition table: every state × transition × role, allowed or refused as declared; the
guards on their own; and the call's results released to every applicant at once."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from programs.implementer_workflow import CALL, DECIDED, PROPOSAL, RESULTS, SELECTED
from programs.models import Beneficiary
from programs.services import implementer as services
from tests.factories import MemberFactory, UserFactory, official_of, secretariat_user
from tests.programs.implementer_helpers import closed, open_call, proposal_in, ready_proposal
from tests.states import check_move, declared_moves, put_in
from wego.notifications.models import Notification
from wego.workflow.engine import perform, state_for_applicant
from wego.workflow.errors import NotReady

pytestmark = pytest.mark.django_db

SEND_BACK = {"request_clarification": ("clarification_requested", "secretariat")}
DECIDE = {
    "choose": ("to_be_selected", "secretariat"),
    "pass_over": ("not_to_be_selected", "secretariat"),
}
WITHDRAW = {"withdraw": ("withdrawn", "official")}
# state -> {transition: (target, roles)}: the issue's process, draft → submitted → screening
# (clarification round) → under review → shortlisted → selected | not selected, or withdrawn.
ALLOWED = {
    "draft": {"submit": ("submitted", "official"), **WITHDRAW},
    "submitted": {
        "start_screening": ("screening", "secretariat"),
        "declare_ineligible": ("ineligible", "secretariat"),
        **WITHDRAW,
    },
    "screening": {
        **SEND_BACK,
        "declare_eligible": ("under_review", "secretariat"),
        "declare_ineligible": ("ineligible", "secretariat"),
        **WITHDRAW,
    },
    "clarification_requested": {"resubmit": ("screening", "official"), **WITHDRAW},
    "ineligible": {},
    "under_review": {"shortlist": ("shortlisted", "secretariat"), **DECIDE, **WITHDRAW},
    "shortlisted": {**DECIDE, **WITHDRAW},
    "to_be_selected": {
        "reconsider": ("shortlisted", "secretariat"),
        "release_selection": ("selected", "releasing"),
        **WITHDRAW,
    },
    "not_to_be_selected": {
        "reconsider": ("shortlisted", "secretariat"),
        "release_refusal": ("not_selected", "releasing"),
        **WITHDRAW,
    },
    "selected": {"complete": ("completed", "secretariat")},
    "completed": {},
    "not_selected": {},
    "withdrawn": {},
}
ROLES = ["official", "secretariat", "official of another city", "staff outside the Secretariat", "anonymous"]


def test_the_table_declares_exactly_the_issues_process():
    assert declared_moves(PROPOSAL) == ALLOWED
    assert PROPOSAL.initial == "draft"


def actor(role, proposal):
    return {
        "official": lambda: official_of(proposal.organisation),
        "secretariat": secretariat_user,
        "official of another city": lambda: official_of(MemberFactory(name="Another City")),
        "staff outside the Secretariat": lambda: UserFactory(is_staff=True),
        "anonymous": AnonymousUser,
    }[role]()


CASES = list(itertools.product(ALLOWED, [t.name for t in PROPOSAL.transitions if not t.creates], ROLES))


@pytest.mark.parametrize(("state", "transition", "role"), CASES)
def test_every_move_is_allowed_or_refused_as_declared(state, transition, role):
    proposal = proposal_in(state)
    if SELECTED in PROPOSAL.state(state).flags:
        with_every_milestone_accepted(proposal)
    person = actor(role, proposal)
    check_move(ALLOWED, proposal, transition, person, role, note="Please say who funds the pilot.")


def test_nobody_releases_one_decision_before_the_calls_results():
    proposal = proposal_in("to_be_selected")
    with pytest.raises(Exception, match="not allowed"):
        perform(proposal, "release_selection", actor=secretariat_user())
    proposal.refresh_from_db()
    assert PROPOSAL.has(proposal, DECIDED) and not CALL.has(proposal.call, RESULTS)


def test_a_city_reads_under_review_while_its_decision_waits_for_the_release():
    proposal = proposal_in("under_review")
    perform(proposal, "choose", actor=secretariat_user())
    proposal.refresh_from_db()
    assert state_for_applicant(proposal).name == "under_review"


def test_the_results_are_released_to_every_applicant_at_once_and_the_beneficiary_recorded():
    call = open_call()
    chosen = ready_proposal(call)
    passed_over = ready_proposal(call, *_city("Second City"))
    staff = secretariat_user()
    for proposal in (chosen, passed_over):
        put_in(proposal, "shortlisted", submitted_at=call.opens_at)
    perform(chosen, "choose", actor=staff)
    perform(passed_over, "pass_over", actor=staff, note="A strong proposal; please try again next year.")
    Notification.objects.all().delete()
    perform(closed(call), "release_results", actor=staff)
    chosen.refresh_from_db(), passed_over.refresh_from_db(), call.refresh_from_db()
    assert (chosen.status, passed_over.status) == ("selected", "not_selected")
    assert CALL.has(call, RESULTS) and call.results_released_at is not None
    told = {n.recipient for n in Notification.objects.all()}
    assert told == {*_officials(chosen), *_officials(passed_over)}
    assert Beneficiary.objects.get(call=call).proposal == chosen
    mail = Notification.objects.get(recipient__in=_officials(passed_over))
    assert "please try again next year" in mail.body_text


def test_the_results_wait_until_every_proposal_under_review_has_a_decision():
    call = open_call()
    proposal = ready_proposal(call)
    put_in(proposal, "under_review", submitted_at=call.opens_at)
    with pytest.raises(NotReady, match="no decision yet"):
        perform(closed(call), "release_results", actor=secretariat_user())
    call.refresh_from_db()
    assert not CALL.has(call, RESULTS)


def test_the_results_wait_for_the_call_to_close():
    call = open_call()
    proposal = ready_proposal(call)
    put_in(proposal, "to_be_selected", submitted_at=call.opens_at)
    with pytest.raises(NotReady, match="once the call has closed"):
        perform(call, "release_results", actor=secretariat_user())
    proposal.refresh_from_db()
    assert PROPOSAL.has(proposal, DECIDED) and not CALL.has(proposal.call, RESULTS)


def test_a_call_is_announced_only_with_its_moments_and_criteria():
    call = open_call()
    put_in(call, "preparing", opens_at=None)
    with pytest.raises(NotReady, match="opening and closing moments"):
        perform(call, "announce", actor=secretariat_user())
    services.scorecard_for(call).criteria.all().delete()
    put_in(call, "preparing", opens_at=call.closes_at.replace(year=call.closes_at.year - 1))
    with pytest.raises(NotReady, match="selection criteria"):
        perform(call, "announce", actor=secretariat_user())


def with_every_milestone_accepted(proposal):
    from programs.implementation_workflow import ACCEPTED, MILESTONE
    from programs.models import Milestone, Phase

    for phase in Phase.values:
        milestone = Milestone.objects.create(proposal=proposal, phase=phase, title=phase, due_on="2028-01-31")
        put_in(milestone, MILESTONE.state_with(ACCEPTED))


def _city(name):
    member = MemberFactory(name=name)
    return member.organisation, official_of(member)


def _officials(proposal):
    from organisations.access import officials_of

    return set(officials_of(proposal.organisation_id))
