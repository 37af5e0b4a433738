"""Setting a submission's state for a test's set-up, without taking a step: the state named must be
one its workflow declares, so that a test never sets up a state the portal does not have."""


def put_in(obj, state, **fields):
    """Put `obj` in `state` (and set `fields`) directly in the database, and read it back."""
    workflow = type(obj).workflow
    workflow.state(state)  # KeyError for a state the workflow does not declare
    type(obj)._default_manager.filter(pk=obj.pk).update(**{workflow.state_field: state}, **fields)
    obj.refresh_from_db()
    return obj


def declared_moves(workflow):
    """{state: {transition: (target, role)}} as the workflow declares them, for the transition tables."""
    return {
        state.name: {
            step.name: (step.target, role)
            for step in workflow.transitions
            if state.name in step.sources
            for role in step.roles
        }
        for state in workflow.states
    }
