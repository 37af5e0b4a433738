"""The Solution Finder's and the introductions' transition tables: every move, every refusal, every role."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from programs.workflow import INTRODUCTION, SOLUTION_FINDER
from tests.factories import MemberFactory, PartnerFactory, UserFactory, official_of, secretariat_user
from tests.states import check_move, declared_moves, put_in
from wego.workflow.engine import perform
from wego.workflow.errors import NoteRequired, NotReady
from wego.workflow.versions import versions_of

from .sf_helpers import application_in, introduce, official_of_partner, package_for

pytestmark = pytest.mark.django_db

CITY_OPEN = ("draft", "submitted", "under_review", "clarification_requested", "resubmitted", "feedback_given")

# state -> {transition: (target, role)}: the annual report's four steps as the issue details them.
ALLOWED = {
    "draft": {"submit": ("submitted", "official"), "withdraw": ("withdrawn", "official")},
    "submitted": {
        "start_review": ("under_review", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "official"),
    },
    "under_review": {
        "request_clarification": ("clarification_requested", "secretariat"),
        "give_feedback": ("feedback_given", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "official"),
    },
    "clarification_requested": {
        "resubmit": ("resubmitted", "official"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "official"),
    },
    "resubmitted": {
        "start_review": ("under_review", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "official"),
    },
    "feedback_given": {
        "request_clarification": ("clarification_requested", "secretariat"),
        "connect_partners": ("partners_connected", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "official"),
    },
    "partners_connected": {
        "start_implementation": ("implementing", "official|secretariat"),
        "withdraw": ("withdrawn", "official"),
    },
    "implementing": {"complete": ("completed", "secretariat"), "withdraw": ("withdrawn", "official")},
    "completed": {},
    "declined": {},
    "withdrawn": {},
}
ROLES = [
    "official",
    "secretariat",
    "official of another city",
    "partner introduced",
    "staff outside the Secretariat",
    "anonymous",
]


def test_the_table_declares_exactly_the_issues_process():
    assert declared_moves(SOLUTION_FINDER) == ALLOWED


def actor(role, application):
    if role == "official":
        return official_of(application.organisation)
    if role == "secretariat":
        return secretariat_user()
    if role == "official of another city":
        return official_of(MemberFactory())
    if role == "partner introduced":
        partner = PartnerFactory()
        introduce(application, partner)
        return official_of_partner(partner)
    if role == "staff outside the Secretariat":
        return UserFactory(is_staff=True)
    return AnonymousUser()


def ready_for(application, transition):
    """What the guards ask for, so that an allowed move is refused only for its role."""
    if transition == "connect_partners":
        introduce(application, connected=True)
    if transition == "start_implementation":
        package_for(application)


CASES = list(itertools.product(ALLOWED, [t.name for t in SOLUTION_FINDER.transitions], ROLES))


@pytest.mark.parametrize(("state", "transition", "role"), CASES)
def test_every_move_is_allowed_or_refused_as_declared(state, transition, role):
    application = application_in(state)
    ready_for(application, transition)
    person = actor(role, application)
    check_move(
        ALLOWED, application, transition, person, role, note="Please tell us more about the bus fleet."
    )


def test_an_incomplete_draft_cannot_be_submitted_and_says_what_is_missing():
    application = application_in("draft", goals="", challenges=False)
    with pytest.raises(NotReady) as refusal:
        perform(application, "submit", actor=official_of(application.organisation))
    assert "Urban challenges" in str(refusal.value) and "Goals and expected outcomes" in str(refusal.value)
    application.refresh_from_db()
    assert application.status == "draft" and not versions_of(application).exists()


def test_partners_are_connected_only_once_an_introduction_is_accepted_by_both():
    application = application_in("feedback_given")
    put_in(introduce(application), "city_accepted")
    with pytest.raises(NotReady):
        perform(application, "connect_partners", actor=secretariat_user())
    introduce(application, connected=True)
    assert perform(application, "connect_partners", actor=secretariat_user()).status == "partners_connected"


def test_implementation_starts_only_with_a_package():
    application = application_in("partners_connected")
    with pytest.raises(NotReady, match="solution package"):
        perform(application, "start_implementation", actor=official_of(application.organisation))


@pytest.mark.parametrize("transition", ["request_clarification", "give_feedback", "decline"])
def test_staff_explain_clarifications_feedback_and_declines(transition):
    application = application_in("under_review")
    with pytest.raises(NoteRequired):
        perform(application, transition, actor=secretariat_user(), note=" ")


def test_each_submission_is_kept_as_a_numbered_version():
    application = application_in("draft")
    official = official_of(application.organisation)
    perform(application, "submit", actor=official)
    staff = secretariat_user()
    perform(application, "start_review", actor=staff)
    perform(application, "request_clarification", actor=staff, note="Which bus lines?")
    application.refresh_from_db()
    application.goals = "Cut waiting times on lines 3 and 7."
    application.save()
    perform(application, "resubmit", actor=official, note="Lines 3 and 7.")
    versions = versions_of(application)
    assert [v.number for v in versions] == [1, 2]
    goals = [next(item["value"] for item in v.content if item["key"] == "goals") for v in versions]
    assert goals == ["Cut waiting times at bus stops.", "Cut waiting times on lines 3 and 7."]


def test_the_feedback_is_kept_on_the_application():
    application = application_in("under_review")
    moved = perform(application, "give_feedback", actor=secretariat_user(), note="Start with real-time data.")
    assert moved.feedback == "Start with real-time data." and moved.feedback_at is not None


# Introductions --------------------------------------------------------------------------------

INTRODUCTION_ALLOWED = {
    "proposed": {
        "city_accepts": ("city_accepted", "city"),
        "partner_accepts": ("partner_accepted", "partner"),
        "city_declines": ("declined", "city"),
        "partner_declines": ("declined", "partner"),
        "withdraw": ("withdrawn", "secretariat"),
    },
    "city_accepted": {
        "partner_accepts_too": ("connected", "partner"),
        "partner_declines": ("declined", "partner"),
        "withdraw": ("withdrawn", "secretariat"),
    },
    "partner_accepted": {
        "city_accepts_too": ("connected", "city"),
        "city_declines": ("declined", "city"),
        "withdraw": ("withdrawn", "secretariat"),
    },
    "connected": {},
    "declined": {},
    "withdrawn": {},
}
INTRODUCTION_ROLES = [
    "city",
    "partner",
    "secretariat",
    "another partner",
    "official of another city",
    "anonymous",
]


def test_the_introduction_table_declares_both_sides_accepting():
    assert declared_moves(INTRODUCTION) == INTRODUCTION_ALLOWED


def introduction_actor(role, introduction):
    return {
        "city": lambda: official_of(introduction.application.organisation),
        "partner": lambda: official_of_partner(introduction.partner),
        "secretariat": secretariat_user,
        "another partner": lambda: official_of_partner(PartnerFactory()),
        "official of another city": lambda: official_of(MemberFactory()),
        "anonymous": AnonymousUser,
    }[role]()


INTRODUCTION_CASES = list(
    itertools.product(INTRODUCTION_ALLOWED, [t.name for t in INTRODUCTION.transitions], INTRODUCTION_ROLES)
)


@pytest.mark.parametrize(("state", "transition", "role"), INTRODUCTION_CASES)
def test_every_introduction_move_is_allowed_or_refused_as_declared(state, transition, role):
    introduction = put_in(introduce(application_in("feedback_given")), state)
    check_move(INTRODUCTION_ALLOWED, introduction, transition, introduction_actor(role, introduction), role)
