"""Setting a submission's state for a test's set-up, without taking a step: the state named must be
one its workflow declares, so that a test never sets up a state the portal does not have. And the
transition tables' one check of a move: taken as declared, or refused with nothing changed."""

import pytest

from wego.workflow.engine import history, perform
from wego.workflow.errors import IllegalTransition, TransitionNotAllowed
from wego.workflow.models import TransitionRecord


def put_in(obj, state, **fields):
    """Put `obj` in `state` (and set `fields`) directly in the database, and read it back."""
    workflow = type(obj).workflow
    workflow.state(state)  # KeyError for a state the workflow does not declare
    type(obj)._default_manager.filter(pk=obj.pk).update(**{workflow.state_field: state}, **fields)
    obj.refresh_from_db()
    return obj


def declared_moves(workflow):
    """{state: {transition: (target, roles)}} as the workflow declares them, roles joined by "|"."""
    return {
        state.name: {
            step.name: (step.target, "|".join(sorted(step.roles)))
            for step in workflow.transitions
            if state.name in step.sources
        }
        for state in workflow.states
    }


def check_move(table, obj, transition, person, role, **kwargs):
    """Take `transition` on `obj` as `person` in `role`, and check it against the table
    {state: {transition: (target, roles)}}: a move the table gives the role reaches its target and is
    recorded once; any other is refused (no such step from here, or not this role's) and changes and
    records nothing. Returns the record of the step taken, or None."""
    state_field = type(obj).workflow.state_field
    state = getattr(obj, state_field)
    expected = table[state].get(transition)
    records, steps = TransitionRecord.objects.count(), history(obj).count()
    if expected and role in expected[1].split("|"):
        moved = perform(obj, transition, actor=person, **kwargs)
        assert getattr(moved, state_field) == expected[0]
        assert history(moved).count() == steps + 1
        record = history(moved).last()
        assert (record.from_state, record.to_state, record.transition) == (state, expected[0], transition)
        return record
    with pytest.raises(IllegalTransition if expected is None else TransitionNotAllowed):
        perform(obj, transition, actor=person, **kwargs)
    obj.refresh_from_db()
    assert getattr(obj, state_field) == state
    assert TransitionRecord.objects.count() == records
    return None
