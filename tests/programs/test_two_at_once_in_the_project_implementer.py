"""Two people acting at the same moment, on real database connections: two officials sending their
proposal at the closing second, two staff deciding on one proposal, two releases of the results."""

import datetime

import pytest
import time_machine

from programs.implementer_workflow import CALL, RESULTS
from programs.models import Proposal
from tests.concurrency import at_once
from tests.factories import official_of, secretariat_user
from tests.programs.implementer_helpers import closed, open_call, ready_proposal
from tests.states import put_in
from wego.notifications.models import Notification
from wego.workflow.engine import perform
from wego.workflow.errors import TransitionError
from wego.workflow.versions import versions_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_officials_sending_one_proposal_at_the_closing_second_send_it_once():
    call = open_call()
    proposal = ready_proposal(call)
    first, second = official_of(proposal.organisation), official_of(proposal.organisation)
    with time_machine.travel(call.closes_at - datetime.timedelta(milliseconds=500), tick=False):
        results = at_once(
            lambda: perform(proposal, "submit", actor=first),
            lambda: perform(proposal, "submit", actor=second),
        )
    assert sum(isinstance(result, Proposal) for result in results) == 1
    assert sum(isinstance(result, TransitionError) for result in results) == 1
    assert versions_of(proposal).count() == 1


def test_cities_sending_a_second_before_the_closing_moment_are_sent_and_at_the_moment_refused():
    call = open_call()
    in_time, too_late = [ready_proposal(call) for _ in range(2)], [ready_proposal(call) for _ in range(2)]

    def sending(proposals):
        return [lambda p=p: perform(p, "submit", actor=official_of(p.organisation)) for p in proposals]

    with time_machine.travel(call.closes_at - datetime.timedelta(seconds=1), tick=False):
        sent = at_once(*sending(in_time))
    with time_machine.travel(call.closes_at, tick=False):
        refused = at_once(*sending(too_late))
    assert all(isinstance(result, Proposal) for result in sent)
    assert all(isinstance(result, TransitionError) for result in refused)
    assert all("proposals can no longer be sent" in str(result) for result in refused)
    assert not any(versions_of(proposal).exists() for proposal in too_late)


def test_two_staff_deciding_one_proposal_at_once_record_one_decision():
    proposal = ready_proposal(open_call())
    put_in(proposal, "shortlisted", submitted_at=proposal.call.opens_at)
    staff = [secretariat_user(), secretariat_user()]
    results = at_once(
        lambda: perform(proposal, "choose", actor=staff[0], seen_state="shortlisted"),
        lambda: perform(proposal, "pass_over", actor=staff[1], seen_state="shortlisted"),
    )
    assert sum(isinstance(result, Proposal) for result in results) == 1
    assert sum(isinstance(result, TransitionError) for result in results) == 1


def test_releasing_the_results_twice_at_once_tells_each_city_once():
    call = open_call()
    proposal = ready_proposal(call)
    put_in(proposal, "to_be_selected", submitted_at=call.opens_at)
    Notification.objects.all().delete()
    staff = [secretariat_user(), secretariat_user()]
    closed(call)
    results = at_once(*(lambda s=s: perform(call, "release_results", actor=s) for s in staff))
    assert sum(isinstance(result, TransitionError) for result in results) == 1
    call.refresh_from_db()
    assert CALL.has(call, RESULTS)
    assert (
        Notification.objects.filter(
            recipient__in=[*Proposal.objects.get().organisation.affiliations.values_list("user", flat=True)]
        ).count()
        >= 1
    )
    assert Notification.objects.count() == len(set(Notification.objects.values_list("recipient", flat=True)))
