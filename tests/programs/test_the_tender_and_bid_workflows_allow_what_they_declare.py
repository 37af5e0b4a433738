"""TENDER's and BID's transition tables: every state × transition × role, allowed or refused as
declared; the guards on their own."""

import datetime
import itertools

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser

from programs.models import Bid
from programs.services import tenders as services
from programs.tender_workflow import BID, TENDER
from tests.factories import MemberFactory, UserFactory, official_of, secretariat_user
from tests.programs.implementer_helpers import BID_FIELDS, consultant, open_tender
from tests.states import check_move, declared_moves, put_in
from wego.workflow.engine import perform
from wego.workflow.errors import NotReady

pytestmark = pytest.mark.django_db

TENDER_ALLOWED = {
    "preparing": {"open": ("open", "secretariat"), "cancel": ("cancelled", "secretariat")},
    "open": {"start_evaluation": ("evaluating", "secretariat"), "cancel": ("cancelled", "secretariat")},
    "evaluating": {"award": ("awarded", "choosing"), "cancel": ("cancelled", "secretariat")},
    "awarded": {},
    "cancelled": {},
}
BID_ALLOWED = {
    "sent": {"choose": ("chosen", "secretariat"), "pass_over": ("not_chosen", "choosing")},
    "chosen": {},
    "not_chosen": {},
}
ROLES = ["bidder", "secretariat", "official of a city", "staff outside the Secretariat", "anonymous"]


def test_the_tables_declare_exactly_the_issues_process():
    assert declared_moves(TENDER) == TENDER_ALLOWED
    assert declared_moves(BID) == {"sent": BID_ALLOWED["sent"], "chosen": {}, "not_chosen": {}}


def people(role, bidder_official):
    return {
        "bidder": lambda: bidder_official,
        "secretariat": secretariat_user,
        "official of a city": lambda: official_of(MemberFactory()),
        "staff outside the Secretariat": lambda: UserFactory(is_staff=True),
        "anonymous": AnonymousUser,
    }[role]()


def tender_with_a_bid(state):
    partner, official = consultant()
    tender = open_tender(invited=[partner])
    services.save_bid(tender, partner, official, BID_FIELDS)
    return put_in(tender, state), official


@pytest.mark.parametrize(
    ("state", "transition", "role"),
    list(itertools.product(TENDER_ALLOWED, [t.name for t in TENDER.transitions], ROLES)),
)
def test_every_tender_move_is_allowed_or_refused_as_declared(state, transition, role):
    tender, official = tender_with_a_bid(state)
    # Past the deadline, so that unsealing's guard lets the move the table allows through.
    with time_machine.travel(tender.deadline + datetime.timedelta(minutes=1)):
        if state == "preparing":
            tender.deadline = tender.deadline + datetime.timedelta(days=1)
            tender.save(update_fields=["deadline"])
        check_move(
            TENDER_ALLOWED, tender, transition, people(role, official), role, note="The project was stopped."
        )


@pytest.mark.parametrize(
    ("state", "transition", "role"),
    list(itertools.product(BID_ALLOWED, [t.name for t in BID.transitions if not t.creates], ROLES)),
)
def test_every_bid_move_is_allowed_or_refused_as_declared(state, transition, role):
    tender, official = tender_with_a_bid("evaluating")
    bid = put_in(Bid.objects.get(), state)
    check_move(BID_ALLOWED, bid, transition, people(role, official), role)


def test_a_tender_opens_only_with_a_deadline_to_come_and_someone_to_bid():
    tender, _ = tender_with_a_bid("preparing")
    tender.invited.clear()
    with pytest.raises(NotReady, match="Invite at least one consultant"):
        perform(tender, "open", actor=secretariat_user())
    with time_machine.travel(tender.deadline + datetime.timedelta(seconds=1)):
        with pytest.raises(NotReady, match="deadline in the future"):
            perform(tender, "open", actor=secretariat_user())


def test_a_bid_is_chosen_only_while_the_tender_is_evaluated():
    tender, _ = tender_with_a_bid("open")
    with pytest.raises(NotReady, match="while the tender is being evaluated"):
        perform(Bid.objects.get(), "choose", actor=secretariat_user())
