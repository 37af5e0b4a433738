"""A workflow's declaration is checked when it is built: a mistake fails at import, not in front of a
user. And what a state means is asked of its flags, never of its name."""

import pytest

from members.workflow import MEMBERSHIP
from organisations.workflow import AFFILIATION
from programs.workflow import INTRODUCTION, PROJECT_SHARING, SOLUTION_FINDER
from wego.workflow.definitions import FINAL, NEW, Audience, State, Thread, Transition, Workflow

WORKFLOWS = [MEMBERSHIP, AFFILIATION, SOLUTION_FINDER, INTRODUCTION, PROJECT_SHARING]


def workflow(states=None, transitions=None, **options):
    return Workflow(
        name="test",
        verbose_name="Test",
        states=states
        or (State("open", "Open", "Open"), State("done", "Done", "Done", flags=frozenset({FINAL}))),
        transitions=transitions
        or (Transition("finish", frozenset({"open"}), "done", "Finish", "Finished", frozenset({"staff"})),),
        initial="open",
        roles_of=lambda user, obj: set(),
        **options,
    )


def test_a_well_formed_workflow_is_accepted():
    assert workflow().state_with(FINAL) == "done"


@pytest.mark.parametrize(
    ("options", "complaint"),
    [
        (
            {"states": (State("open", "Open", "Open", flags=frozenset({"shiny"})),)},
            "undeclared flags ['shiny']",
        ),
        (
            {
                "transitions": (
                    Transition(
                        "reopen", frozenset({"done"}), "open", "Reopen", "Reopened", frozenset({"staff"})
                    ),
                )
            },
            "'reopen' leads out of a final state",
        ),
        (
            {
                "transitions": (
                    Transition("x", frozenset({"open"}), "nowhere", "X", "X", frozenset({"staff"})),
                )
            },
            "'x' names unknown states ['nowhere']",
        ),
        (
            {
                "transitions": (
                    Transition(
                        "x", frozenset({"open"}), "done", "X", "X", frozenset({"staff"}), notify=("city",)
                    ),
                )
            },
            "'x' tells undeclared audiences ['city']",
        ),
        (
            {
                "audiences": {"staff": Audience(lambda obj: [], staff=True)},
                "transitions": (
                    Transition(
                        "x", frozenset({"open"}), "done", "X", "X", frozenset({"staff"}), notify=("staff",)
                    ),
                ),
            },
            "'x' tells staff but has no staff_notice",
        ),
        (
            {
                "thread": Thread(
                    staff_role="staff", submitter_role="city", staff_audience="a", submitter_audience="b"
                )
            },
            "the thread tells undeclared audiences ['a', 'b']",
        ),
    ],
)
def test_a_mistake_in_a_declaration_is_refused_with_what_is_wrong(options, complaint):
    with pytest.raises(ValueError, match=complaint.replace("[", r"\[").replace("]", r"\]")):
        workflow(**options)


def test_asking_for_a_flag_no_workflow_declares_is_an_error():
    with pytest.raises(ValueError, match="declares no flag 'public'"):
        MEMBERSHIP.states_with("public")


@pytest.mark.parametrize("declared", WORKFLOWS, ids=lambda w: w.name)
def test_every_workflow_of_the_portal_creates_its_submissions_by_a_recorded_step(declared):
    creating = [step for step in declared.transitions if NEW in step.sources]
    assert creating, f"{declared.name} has no step that creates its submissions"


def test_a_flag_gives_the_states_that_carry_it_and_a_filter_for_them():
    assert SOLUTION_FINDER.states_with("editable") == {"draft", "clarification_requested"}
    assert str(PROJECT_SHARING.q("public")) == "(AND: ('status__in', ['published']))"
    assert (
        str(AFFILIATION.q("acting", prefix="affiliations__"))
        == "(AND: ('affiliations__status__in', ['approved']))"
    )


def test_a_subject_may_name_only_the_object():
    step = Transition(
        "finish",
        frozenset({"open"}),
        "done",
        "Finish",
        "Finished",
        frozenset({"staff"}),
        subject="%(person)s finished %(name)s",
    )
    with pytest.raises(ValueError, match="has a subject that names more than"):
        workflow(transitions=(step,))
