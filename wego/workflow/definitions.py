"""States and transitions, declared as data in each app's workflow.py.

A workflow never reads meaning out of a state's name or its position in a list:
everything a state or a transition means is an attribute here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class State:
    name: str
    staff_label: str
    applicant_label: str
    # Whether the applicant sees this state as such; if not, they see the last state they could see.
    shown_to_applicant: bool = True
    final: bool = False


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    staff_label: str
    # What the applicant reads in the history when this transition happened.
    applicant_label: str
    roles: frozenset[str]
    # Extra domain work done in the same transaction, e.g. creating a member on approval.
    effect: Callable | None = None
    # notify(obj, transition) -> [(kind, recipient user)]: messages queued in the same transaction.
    notify: Callable | None = None
    note_required: bool = False
    # guard(obj) -> None, or a message saying why the step cannot be taken yet; asked on the locked row.
    guard: Callable | None = None
    # For a step that cannot be undone: what the person ticks to confirm it; refused unticked.
    confirmation: str = ""


@dataclass(frozen=True)
class Workflow:
    name: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    initial: str
    # roles_of(user, obj) -> set of role names the user holds for this object.
    roles_of: Callable
    state_field: str = "status"
    _by_name: dict = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        states = {state.name: state for state in self.states}
        transitions = {transition.name: transition for transition in self.transitions}
        if len(states) != len(self.states) or len(transitions) != len(self.transitions):
            raise ValueError(f"{self.name}: state and transition names must be unique.")
        if self.initial not in states:
            raise ValueError(f"{self.name}: unknown initial state {self.initial!r}.")
        for transition in self.transitions:
            unknown = (transition.sources | {transition.target}) - states.keys()
            if unknown:
                raise ValueError(f"{self.name}: {transition.name!r} names unknown states {unknown}.")
        object.__setattr__(self, "_by_name", {"states": states, "transitions": transitions})

    def state(self, name):
        return self._by_name["states"][name]

    def transition(self, name):
        return self._by_name["transitions"].get(name)

    def choices(self):
        return [(state.name, state.staff_label) for state in self.states]

    def available(self, obj, user):
        """The transitions this user may take from the object's current state, in declared order."""
        return self.available_for_roles(obj, self.roles_of(user, obj))

    def available_for_roles(self, obj, roles):
        """The same, for roles already known (a page listing many objects asks for them once)."""
        current = getattr(obj, self.state_field)
        return [t for t in self.transitions if current in t.sources and t.roles & roles]
