"""States and transitions, declared as data in each app's workflow.py.

A workflow never reads meaning out of a state's name or its position in a list: what a state
means is a flag declared on it, what a step needs on screen and in mail is declared on the
transition, and who is told is an audience declared on the workflow. `Workflow` checks the
declaration when it is built, so a mistake fails at import, not in front of a user.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The source of a transition that creates its object: creating a submission is a recorded step.
NEW = ""

# Flags every workflow may use, with what they mean to the engine and the admin.
FINAL = "final"  # the end: no step leads out, and the admin's queue lists it last
DRAFT = "draft"  # the submitter's working copy: staff do not see it until it is submitted
AWAITING = "awaiting"  # the next step is staff's: the admin's queue lists it first, the longest waiting first
COMMON_FLAGS = {
    FINAL: "The end: no step leads out of it.",
    DRAFT: "The submitter's working copy, not shown to staff.",
    AWAITING: "The next step is staff's.",
}

# Where a step's button appears on the site: on the submission's own page, or on the page where
# the submitter reads their answers over before sending them.
PAGE = "page"
REVIEW = "review"

# What a step's button looks like, from its declaration (Transition.kind): the way forward, a step
# back to the submitter, or a refusal (declining, withdrawing, ending), which cannot be undone.
GO_ON = "go-on"
SEND_BACK = "send-back"
REFUSE = "refuse"
KINDS = (GO_ON, SEND_BACK, REFUSE)


@dataclass(frozen=True)
class State:
    name: str
    staff_label: str
    applicant_label: str
    flags: frozenset[str] = frozenset()
    # Whether the applicant sees this state as such; if not, they see the last state they could see.
    shown_to_applicant: bool = True

    @property
    def final(self):
        return FINAL in self.flags


def state(name, staff_label, applicant_label, *flags):
    """A State, its flags listed after its labels."""
    return State(name, staff_label, applicant_label, flags=frozenset(flags))


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    staff_label: str
    # What the applicant reads in the history, and in the mail that tells them, when this happened.
    applicant_label: str
    roles: frozenset[str]
    # Extra domain work done in the same transaction, e.g. creating a member on approval.
    effect: Callable | None = None
    # The audiences of the workflow told of this step, each in its own voice, in the same transaction.
    notify: tuple[str, ...] = ()
    # What staff read when they are told of this step (required when a staff audience is told).
    staff_notice: str = ""
    note_required: bool = False
    # The label of the note box; without one, the site shows no note box unless a note is required.
    note_label: str = ""
    # What readers see above the note, in the history and in mail ("WeGO's preliminary feedback").
    note_heading: str = ""
    # guard(obj) -> None, or a message saying why the step cannot be taken yet; asked on the locked row.
    guard: Callable | None = None
    # For a step that cannot be undone: what the person ticks to confirm it; refused unticked.
    confirmation: str = ""
    # Shown as a warning (declining, withdrawing), not as the way forward.
    dangerous: bool = False
    # PAGE or REVIEW: where the step's button appears on the site.
    place: str = PAGE
    # Hands the submission back to the submitter to change (asks for more, returns with comments):
    # neither the way forward nor a refusal.
    sends_back: bool = False
    # The subject of the mail that tells the submitter's side (every audience but staff) of this
    # step, as a sentence: "Your request to act for %(name)s is confirmed", %(name)s being what the
    # workflow's `name_of` gives for the object. Without one, the mail says "<title> is now “<state>”".
    subject: str = ""

    @property
    def kind(self):
        """GO_ON, SEND_BACK or REFUSE: how the step's button looks, and where it is grouped."""
        if self.dangerous:
            return REFUSE
        return SEND_BACK if self.sends_back else GO_ON

    @property
    def creates(self):
        return NEW in self.sources

    @property
    def shows_note_box(self):
        return bool(self.note_required or self.note_label)


@dataclass(frozen=True)
class Audience:
    """Who is told of a step: `people(obj)` gives the users; staff read the step's staff notice and
    follow a link to the admin, everyone else reads the applicant label and follows `link(obj)`."""

    people: Callable[[object], Iterable]
    staff: bool = False
    link: Callable | None = None


@dataclass(frozen=True)
class Thread:
    """A clarification thread between staff and the submitter, open in states flagged `open_flag`:
    a person with `staff_role` writes for staff, one with `submitter_role` for the submitter, and
    each message tells the other side's audience."""

    staff_role: str
    submitter_role: str
    staff_audience: str
    submitter_audience: str
    open_flag: str = "thread_open"


@dataclass(frozen=True)
class Workflow:
    name: str
    # What the thing moved is called, in mail and on the admin's pages ("Membership application").
    verbose_name: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    initial: str
    # roles_of(user, obj) -> set of role names the user holds for this object.
    roles_of: Callable
    # The meaning a state may carry beyond COMMON_FLAGS: flag name -> what it means (for developers).
    flags: dict = field(default_factory=dict)
    audiences: dict = field(default_factory=dict)
    thread: Thread | None = None
    # title(obj) -> how mail names the object ("WeGO membership application of Mombasa County").
    title: Callable | None = None
    # name_of(obj) -> what a step's declared subject calls the object, as %(name)s ("Cauayan").
    name_of: Callable | None = None
    state_field: str = "status"
    # lock_first(obj) -> a queryset of rows a step locks before the object itself: those a step of
    # it moves as well (a tender whose bids are chosen together), so that every path locks them in
    # the same order and two people acting at once never deadlock.
    lock_first: Callable | None = None
    _by_name: dict = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        states = {state.name: state for state in self.states}
        transitions = {transition.name: transition for transition in self.transitions}
        problems = []
        if len(states) != len(self.states) or len(transitions) != len(self.transitions):
            problems.append("state and transition names must be unique")
        if self.initial not in states:
            problems.append(f"unknown initial state {self.initial!r}")
        known_flags = COMMON_FLAGS.keys() | self.flags.keys()
        for state in self.states:
            if unknown := state.flags - known_flags:
                problems.append(f"state {state.name!r} has undeclared flags {sorted(unknown)}")
        for step in self.transitions:
            if unknown := ((step.sources - {NEW}) | {step.target}) - states.keys():
                problems.append(f"{step.name!r} names unknown states {sorted(unknown)}")
            if any(source in states and states[source].final for source in step.sources):
                problems.append(f"{step.name!r} leads out of a final state")
            if unknown := set(step.notify) - self.audiences.keys():
                problems.append(f"{step.name!r} tells undeclared audiences {sorted(unknown)}")
            if not step.staff_notice and any(
                self.audiences[a].staff for a in step.notify if a in self.audiences
            ):
                problems.append(f"{step.name!r} tells staff but has no staff_notice")
            if step.dangerous and step.sends_back:
                problems.append(f"{step.name!r} is both dangerous and sends back: which does it look like?")
            if step.subject:
                try:
                    str(step.subject) % {"name": ""}
                except (KeyError, ValueError, TypeError):
                    problems.append(f"{step.name!r} has a subject that names more than %(name)s")
            if step.place not in (PAGE, REVIEW):
                problems.append(f"{step.name!r} has an unknown place {step.place!r}")
        if self.thread:
            if (
                unknown := {self.thread.staff_audience, self.thread.submitter_audience}
                - self.audiences.keys()
            ):
                problems.append(f"the thread tells undeclared audiences {sorted(unknown)}")
            if self.thread.open_flag not in known_flags:
                problems.append(f"the thread's flag {self.thread.open_flag!r} is not declared")
        if problems:
            raise ValueError(f"Workflow {self.name}: " + "; ".join(problems) + ".")
        object.__setattr__(self, "_by_name", {"states": states, "transitions": transitions})

    def state(self, name):
        return self._by_name["states"][name]

    def transition(self, name):
        return self._by_name["transitions"].get(name)

    def choices(self):
        return [(state.name, state.staff_label) for state in self.states]

    def state_model_field(self, max_length=20, **options):
        """The model field that holds an object's state: its choices are the declared states, it
        starts in the initial one, and no form edits it (only wego.workflow.engine writes it)."""
        return models.CharField(
            _("status"),
            max_length=max_length,
            choices=self.choices(),
            default=self.initial,
            editable=False,
            **options,
        )

    def title_for(self, obj):
        return str(self.title(obj)) if self.title else f"{self.verbose_name}: {obj}"

    def name_for(self, obj):
        return str(self.name_of(obj)) if self.name_of else str(obj)

    def subject_for(self, step, obj):
        """The sentence a step's declared subject makes for the object, or "" if it declares none."""
        return str(step.subject) % {"name": self.name_for(obj)} if step.subject else ""

    def current(self, obj):
        """The State the object is in."""
        return self.state(getattr(obj, self.state_field))

    def states_with(self, flag):
        """The names of the states that carry `flag`."""
        self._check_flag(flag)
        return frozenset(state.name for state in self.states if flag in state.flags)

    def state_with(self, flag):
        """The name of the one state that carries `flag` (for data loaded as it stands, e.g. published)."""
        [name] = self.states_with(flag)
        return name

    def has(self, obj, flag):
        """Whether the object's current state carries `flag`."""
        self._check_flag(flag)
        return flag in self.current(obj).flags

    def q(self, flag, *, prefix=""):
        """A filter for objects whose state carries `flag`, reached through `prefix` ("affiliations__")."""
        return Q(**{f"{prefix}{self.state_field}__in": sorted(self.states_with(flag))})

    def _check_flag(self, flag):
        if flag not in COMMON_FLAGS and flag not in self.flags:
            raise ValueError(f"Workflow {self.name} declares no flag {flag!r}.")

    def available(self, obj, user):
        """The transitions this user may take from the object's current state, in declared order."""
        return self.available_for_roles(obj, self.roles_of(user, obj))

    def available_for_roles(self, obj, roles):
        """The same, for roles already known (a page listing many objects asks for them once)."""
        current = getattr(obj, self.state_field)
        return [t for t in self.transitions if current in t.sources and t.roles & roles]
