"""The membership application's transition table: every move, every refusal, every role."""

import itertools

import pytest
from django.contrib.contenttypes.models import ContentType

from members.models import Member, MembershipApplication
from members.workflow import MEMBERSHIP
from tests.factories import MembershipApplicationFactory, UserFactory, secretariat_user
from tests.states import check_move, declared_moves, put_in
from wego.workflow.engine import history, perform
from wego.workflow.errors import IllegalTransition, NoteRequired, StaleState
from wego.workflow.models import TransitionRecord

pytestmark = pytest.mark.django_db

# state -> {transition: (target, role)} as the issue describes the process.
ALLOWED = {
    "submitted": {
        "start_review": ("under_review", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "applicant"),
    },
    "under_review": {
        "request_information": ("information_requested", "secretariat"),
        "recommend": ("recommended", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "applicant"),
    },
    "information_requested": {
        "resubmit": ("resubmitted", "applicant"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "applicant"),
    },
    "resubmitted": {
        "start_review": ("under_review", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "applicant"),
    },
    "recommended": {
        "approve": ("approved", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "applicant"),
    },
    "approved": {},
    "declined": {},
    "withdrawn": {},
}
ROLES = ["applicant", "secretariat", "other official", "staff outside the Secretariat", "anonymous"]


def application_in(state):
    application = MembershipApplicationFactory()
    put_in(application, state)
    return application


def actor(role, application):
    from django.contrib.auth.models import AnonymousUser

    return {
        "applicant": lambda: application.applicant,
        "secretariat": secretariat_user,
        "other official": UserFactory,
        "staff outside the Secretariat": lambda: UserFactory(is_staff=True),
        "anonymous": AnonymousUser,
    }[role]()


def test_the_table_declares_exactly_the_issues_process():
    declared = declared_moves(MEMBERSHIP)
    assert declared == ALLOWED


CASES = list(itertools.product(ALLOWED, [t.name for t in MEMBERSHIP.transitions], ROLES))


@pytest.mark.parametrize(("state", "transition", "role"), CASES)
def test_every_move_is_allowed_or_refused_as_declared(state, transition, role):
    application = application_in(state)
    person = actor(role, application)
    record = check_move(
        ALLOWED, application, transition, person, role, note="Please send the signed letter again."
    )
    if record:
        assert record.actor == (person if person.is_authenticated else None)


def test_the_buttons_offered_are_exactly_the_allowed_moves():
    application = application_in("under_review")
    staff = secretariat_user()
    assert [t.name for t in MEMBERSHIP.available(application, staff)] == [
        "request_information",
        "recommend",
        "decline",
    ]
    assert [t.name for t in MEMBERSHIP.available(application, application.applicant)] == ["withdraw"]
    assert MEMBERSHIP.available(application, UserFactory()) == []


def test_asking_for_information_needs_a_note():
    application = application_in("under_review")
    with pytest.raises(NoteRequired):
        perform(application, "request_information", actor=secretariat_user(), note="   ")
    application.refresh_from_db()
    assert application.status == "under_review"


def test_a_move_from_a_state_no_longer_current_is_refused_as_stale():
    application = application_in("recommended")
    with pytest.raises(StaleState):
        perform(application, "decline", actor=secretariat_user(), note="No.", seen_state="under_review")


def test_an_unknown_transition_is_refused():
    with pytest.raises(IllegalTransition):
        perform(application_in("submitted"), "teleport", actor=secretariat_user())


def test_approval_creates_the_member_with_its_join_date(report_data):
    application = application_in("recommended")
    application.country = "KE"
    application.save()
    approved = perform(application, "approve", actor=secretariat_user())
    member = Member.objects.get(pk=approved.member_id)
    assert member.name == application.organisation_name
    assert member.region.slug == "africa"  # Kenya's members are in Africa
    assert member.joined_on is not None and member.approved_at_excom == member.joined_on.year
    assert history(approved).get().to_state == "approved"


def test_history_is_kept_per_object():
    first, second = application_in("submitted"), application_in("submitted")
    staff = secretariat_user()
    perform(first, "start_review", actor=staff)
    perform(second, "decline", actor=staff, note="Not eligible.")
    assert [r.transition for r in history(first)] == ["start_review"]
    assert [r.note for r in history(second)] == ["Not eligible."]
    assert set(TransitionRecord.objects.values_list("content_type", flat=True)) == {
        ContentType.objects.get_for_model(MembershipApplication).pk
    }


def test_a_state_not_meant_for_the_applicant_shows_them_the_last_one_that_is(monkeypatch):
    import dataclasses

    from wego.workflow.engine import history_for_applicant, state_for_applicant

    hidden = dataclasses.replace(MEMBERSHIP.state("recommended"), shown_to_applicant=False)
    states = tuple(hidden if state.name == "recommended" else state for state in MEMBERSHIP.states)
    monkeypatch.setattr(MembershipApplication, "workflow", dataclasses.replace(MEMBERSHIP, states=states))
    application = application_in("under_review")
    moved = perform(application, "recommend", actor=secretariat_user())
    assert moved.status == "recommended"
    assert state_for_applicant(moved).name == "under_review"
    assert history_for_applicant(moved) == []
