"""The Project Implementer's workflows, declared as data: the yearly call and the proposals to it.

The annual report's four steps: cities submit project proposals through Activator Discover (1);
WeGO reviews them and selects a beneficiary city (2); WeGO selects the consulting company (3); the
feasibility study and the pilot project are carried out in the beneficiary city (4).

A decision on a proposal is recorded first in a state the city does not see (it reads "Under
review" meanwhile); the call's "release the results" then tells every applicant at once, in the
one transaction that releases them all.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.roles import SECRETARIAT, officials, roles_of_officials, staff_roles
from organisations.staff import secretariat
from wego.workflow.definitions import (
    AWAITING,
    DRAFT,
    FINAL,
    NEW,
    REVIEW,
    Audience,
    State,
    Thread,
    Transition,
    Workflow,
    state,
)

from .workflow import EDITABLE, OFFICIAL, QUESTION, REASON, THREAD_OPEN, take_version

# The call ------------------------------------------------------------------------------------

# What a call's states mean.
ANNOUNCED = "announced"  # shown on the public pages
RECEIVING = "receiving"  # cities may propose between its opening and closing moments
SETTING_UP = "setting_up"  # its questions may still change: nobody has answered them
RESULTS = "results"  # its decisions are released to the applicants


def must_be_ready_to_announce(call):
    missing = []
    if call.opens_at is None or call.closes_at is None:
        missing.append(_("the opening and closing moments"))
    if call.scorecard is None or not call.scorecard.criteria.exists():
        missing.append(_("the selection criteria"))
    if missing:
        return _("Before the call is announced, give %(missing)s.") % {
            "missing": str(_(" and ")).join(str(part) for part in missing)
        }
    return None


def must_have_decided_every_proposal(call):
    from .models import Proposal

    if call.closes_at is None or timezone.now() < call.closes_at:
        return _("The results are released once the call has closed: cities may still send proposals.")

    waiting = Proposal.objects.filter(call=call).filter(~PROPOSAL.q(DRAFT) & ~PROPOSAL.q(FINAL))
    waiting = waiting.exclude(PROPOSAL.q(DECIDED))
    if waiting.exists():
        return _(
            "%(count)d proposals have no decision yet: decide on each (select it or not, or declare it "
            "ineligible) before the results are released."
        ) % {"count": waiting.count()}
    return None


def release_decisions(call, *, actor, note):
    """Every decision recorded on the call's proposals is told to its city now, in this transaction."""
    from .services.implementer import release

    call.results_released_at = timezone.now()
    call.save(update_fields=["results_released_at", "updated_at"])
    release(call, actor=actor)


CALL = Workflow(
    name="implementer-call",
    verbose_name=_("Project Implementer call"),
    title=lambda call: _("The Project Implementer call %(year)s") % {"year": call.year},
    name_of=lambda call: str(call.year),
    flags={
        ANNOUNCED: "Shown on the public pages.",
        RECEIVING: "Cities may propose between the opening and the closing moments.",
        SETTING_UP: "Its questions may change: nobody answered them yet.",
        RESULTS: "Its decisions are released to the applicants.",
    },
    states=(
        state("preparing", _("Preparing"), _("Preparing"), SETTING_UP),
        state("announced", _("Announced"), _("Announced"), ANNOUNCED, RECEIVING),
        state("results_released", _("Results released"), _("Results released"), FINAL, ANNOUNCED, RESULTS),
        state("cancelled", _("Cancelled"), _("Cancelled"), FINAL),
    ),
    transitions=(
        Transition(
            "announce",
            frozenset({"preparing"}),
            "announced",
            staff_label=_("Announce the call"),
            applicant_label=_("The call was announced"),
            roles=frozenset({SECRETARIAT}),
            guard=must_be_ready_to_announce,
            confirmation=_("Yes: the call is public now, and its questions can no longer change."),
        ),
        Transition(
            "release_results",
            frozenset({"announced"}),
            "results_released",
            staff_label=_("Release the results to every applicant"),
            applicant_label=_("The results were released"),
            roles=frozenset({SECRETARIAT}),
            guard=must_have_decided_every_proposal,
            effect=release_decisions,
            confirmation=_("Yes: tell every applicant of this call its result now."),
        ),
        Transition(
            "cancel",
            frozenset({"preparing", "announced"}),
            "cancelled",
            staff_label=_("Cancel the call"),
            applicant_label=_("The call was cancelled"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            confirmation=_("Yes, cancel this call. This cannot be undone."),
            dangerous=True,
        ),
    ),
    initial="preparing",
    roles_of=lambda user, call: staff_roles(user) if user and user.is_authenticated else set(),
)


# Proposals -----------------------------------------------------------------------------------

# What a proposal's states mean, beyond the Solution Finder's flags it shares.
DECIDED = "decided"  # a decision is recorded, not yet released
SELECTED = "selected"  # the beneficiary: its consultant is chosen, its study and pilot carried out
PROJECT = "project"  # a beneficiary's project, under way or completed: its page, milestones and Plan
UNDER_REVIEW = "under_review"  # reviewers score it
RANKED = "ranked"  # found eligible: its reviews count in the call's ranking, decided or not
REPLACEABLE = "replaceable"  # withdrawn: the organisation may send another proposal to the call
RELEASING = "releasing"  # the role of the call's release: held by the Secretariat once the results are out


def must_be_complete(proposal):
    from .implementer_steps import steps_to_complete

    missing = steps_to_complete(proposal)
    if missing:
        return _("The proposal is not complete yet: %(parts)s.") % {
            "parts": ", ".join(str(step.title) for step in missing)
        }
    return None


def must_be_in_time(proposal):
    """The call's closing moment by the server's clock, never the browser's."""
    call = proposal.call
    if not call.is_receiving():
        return call.closed_message()
    return must_be_complete(proposal)


def must_have_every_milestone_accepted(proposal):
    from .implementation_workflow import ACCEPTED, MILESTONE
    from .models import Phase

    milestones = list(proposal.milestones.all())
    phases = {milestone.phase for milestone in milestones}
    if not all(value in phases for value in Phase.values):
        return _("Both phases, the feasibility study and the pilot, need their milestones first.")
    if not all(MILESTONE.has(milestone, ACCEPTED) for milestone in milestones):
        return _("Every milestone must be accepted before the project is completed.")
    return None


def publish_the_project(proposal, *, actor, note):
    from .services.implementation import publish_the_project as publish

    publish(proposal, actor=actor)


def record_the_beneficiary(proposal, *, actor, note):
    from .services.implementer import record_beneficiary

    record_beneficiary(proposal)


def the_call_of(proposal):
    """Every step on a proposal locks its call first (PROPOSAL's lock_first): the call's release of
    the results, which moves every proposal, then waits for a step in progress, and the reverse."""
    from .models import ImplementerCall

    return ImplementerCall.objects.filter(pk=proposal.call_id)


def roles_of_proposal(user, proposal):
    roles = roles_of_officials("organisation", OFFICIAL)(user, proposal)
    if SECRETARIAT in roles and CALL.has(proposal.call, RESULTS):
        roles.add(RELEASING)
    return roles


def hidden(name, staff_label, *flags):
    """A state the city does not see: it reads the last state it could see."""
    return State(name, staff_label, staff_label, frozenset(flags), shown_to_applicant=False)


# The city may withdraw its proposal until the decision on it is told: one recorded and not yet
# released changes nothing the city can see, withdrawing included.
OPEN_FOR_CITY = frozenset(
    {
        "draft",
        "submitted",
        "screening",
        "clarification_requested",
        "under_review",
        "shortlisted",
        "to_be_selected",
        "not_to_be_selected",
    }
)

PROPOSAL = Workflow(
    name="implementer-proposal",
    verbose_name=_("Project Implementer proposal"),
    title=lambda proposal: (
        _("The Project Implementer proposal of %(name)s") % {"name": proposal.organisation.name}
    ),
    name_of=lambda proposal: proposal.organisation.name,
    flags={
        EDITABLE: "The city may change its answers.",
        THREAD_OPEN: "The city and the Secretariat write to each other.",
        QUESTION: "The city reads WeGO's question.",
        REASON: "The city reads why the proposal cannot go on.",
        UNDER_REVIEW: "Reviewers score it.",
        REPLACEABLE: "Withdrawn: the organisation may send another proposal to the call.",
        RANKED: "Found eligible: its reviews count in the call's ranking, decided or not.",
        DECIDED: "A decision is recorded, to be released with the call's results.",
        SELECTED: "The beneficiary: its consultant is chosen, its study and pilot carried out.",
        PROJECT: "A beneficiary's project, under way or completed: its page, milestones and Plan.",
    },
    audiences={
        "city": officials(lambda proposal: proposal.organisation_id),
        "secretariat": Audience(lambda proposal: secretariat() if proposal.submitted_at else [], staff=True),
    },
    thread=Thread(
        staff_role=SECRETARIAT,
        submitter_role=OFFICIAL,
        staff_audience="secretariat",
        submitter_audience="city",
    ),
    states=(
        state("draft", _("Draft"), _("Draft: not sent yet"), DRAFT, EDITABLE),
        state("submitted", _("Submitted"), _("Submitted to WeGO"), AWAITING, THREAD_OPEN),
        state("screening", _("Screening"), _("WeGO checks that it is eligible"), AWAITING, THREAD_OPEN),
        state(
            "clarification_requested",
            _("Clarification requested"),
            _("WeGO asks you to clarify"),
            EDITABLE,
            THREAD_OPEN,
            QUESTION,
        ),
        state("ineligible", _("Ineligible"), _("Not eligible for this call"), FINAL, REASON),
        state(
            "under_review", _("Under review"), _("Under review"), AWAITING, THREAD_OPEN, UNDER_REVIEW, RANKED
        ),
        hidden("shortlisted", _("Shortlisted"), AWAITING, THREAD_OPEN, UNDER_REVIEW, RANKED),
        hidden("to_be_selected", _("To be selected (not released yet)"), THREAD_OPEN, DECIDED, RANKED),
        hidden(
            "not_to_be_selected", _("Not to be selected (not released yet)"), THREAD_OPEN, DECIDED, RANKED
        ),
        state(
            "selected", _("Selected"), _("Selected as a beneficiary"), THREAD_OPEN, SELECTED, PROJECT, RANKED
        ),
        state("completed", _("Completed"), _("Project completed"), FINAL, PROJECT, RANKED),
        state("not_selected", _("Not selected"), _("Not selected this year"), FINAL, REASON, RANKED),
        state("withdrawn", _("Withdrawn"), _("Withdrawn by your organisation"), FINAL, REPLACEABLE),
    ),
    transitions=(
        Transition(
            "start",
            frozenset({NEW}),
            "draft",
            staff_label=_("Start a proposal"),
            applicant_label=_("Your organisation started the proposal"),
            roles=frozenset({OFFICIAL}),
        ),
        Transition(
            "submit",
            frozenset({"draft"}),
            "submitted",
            staff_label=_("Submit the proposal"),
            applicant_label=_("Your organisation submitted the proposal"),
            subject=_("We received the Project Implementer proposal of %(name)s"),
            roles=frozenset({OFFICIAL}),
            guard=must_be_in_time,
            effect=take_version,
            notify=("city", "secretariat"),
            staff_notice=_("A new Project Implementer proposal: screen it."),
            place=REVIEW,
        ),
        Transition(
            "start_screening",
            frozenset({"submitted"}),
            "screening",
            staff_label=_("Start screening"),
            applicant_label=_("WeGO started checking that the proposal is eligible"),
            roles=frozenset({SECRETARIAT}),
        ),
        Transition(
            "request_clarification",
            frozenset({"screening"}),
            "clarification_requested",
            staff_label=_("Ask the city to clarify"),
            applicant_label=_("WeGO asked for clarifications"),
            subject=_("WeGO asks %(name)s to clarify its Project Implementer proposal"),
            roles=frozenset({SECRETARIAT}),
            sends_back=True,
            note_required=True,
            note_heading=_("WeGO asks:"),
            notify=("city",),
        ),
        Transition(
            "resubmit",
            frozenset({"clarification_requested"}),
            "screening",
            staff_label=_("Send the clarified proposal"),
            applicant_label=_("Your organisation answered and sent the proposal again"),
            subject=_("We received the clarifications on the Project Implementer proposal of %(name)s"),
            roles=frozenset({OFFICIAL}),
            guard=must_be_complete,
            effect=take_version,
            note_label=_("What you clarified (WeGO reads it with the new version)"),
            notify=("city", "secretariat"),
            staff_notice=_("The city answered your clarification request: see what changed."),
            place=REVIEW,
        ),
        Transition(
            "declare_eligible",
            frozenset({"screening"}),
            "under_review",
            staff_label=_("Eligible: send to the reviewers"),
            applicant_label=_("The proposal is eligible and under review"),
            subject=_("The Project Implementer proposal of %(name)s is under review"),
            roles=frozenset({SECRETARIAT}),
            notify=("city",),
        ),
        Transition(
            "declare_ineligible",
            frozenset({"submitted", "screening"}),
            "ineligible",
            staff_label=_("Not eligible"),
            applicant_label=_("WeGO found the proposal not eligible for this call"),
            subject=_("The Project Implementer proposal of %(name)s is not eligible"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("Why:"),
            notify=("city",),
            dangerous=True,
        ),
        Transition(
            "shortlist",
            frozenset({"under_review"}),
            "shortlisted",
            staff_label=_("Shortlist"),
            applicant_label=_("Shortlisted"),
            roles=frozenset({SECRETARIAT}),
        ),
        Transition(
            "choose",
            frozenset({"under_review", "shortlisted"}),
            "to_be_selected",
            staff_label=_("Select (told with the call's results)"),
            applicant_label=_("Selected"),
            roles=frozenset({SECRETARIAT}),
        ),
        Transition(
            "pass_over",
            frozenset({"under_review", "shortlisted"}),
            "not_to_be_selected",
            staff_label=_("Do not select (told with the call's results)"),
            applicant_label=_("Not selected"),
            roles=frozenset({SECRETARIAT}),
            note_label=_("A word for the city, sent with the results"),
        ),
        Transition(
            "reconsider",
            frozenset({"to_be_selected", "not_to_be_selected"}),
            "shortlisted",
            staff_label=_("Take back the decision"),
            applicant_label=_("Shortlisted"),
            roles=frozenset({SECRETARIAT}),
            sends_back=True,
        ),
        Transition(
            "release_selection",
            frozenset({"to_be_selected"}),
            "selected",
            staff_label=_("Tell the city it is selected"),
            applicant_label=_("Your organisation's proposal was selected"),
            subject=_("%(name)s is selected by the Project Implementer"),
            roles=frozenset({RELEASING}),
            effect=record_the_beneficiary,
            notify=("city",),
        ),
        Transition(
            "release_refusal",
            frozenset({"not_to_be_selected"}),
            "not_selected",
            staff_label=_("Tell the city it is not selected"),
            applicant_label=_("Your organisation's proposal was not selected this year"),
            subject=_("The Project Implementer proposal of %(name)s was not selected"),
            roles=frozenset({RELEASING}),
            notify=("city",),
        ),
        Transition(
            "complete",
            frozenset({"selected"}),
            "completed",
            staff_label=_("Complete the project and publish it in the Exchange"),
            applicant_label=_("The project was completed and published in the Exchange"),
            subject=_("The project of %(name)s is completed and in the Exchange"),
            roles=frozenset({SECRETARIAT}),
            guard=must_have_every_milestone_accepted,
            effect=publish_the_project,
            notify=("city",),
            confirmation=_("Yes: the feasibility study and the pilot are done; publish the project."),
        ),
        Transition(
            "withdraw",
            OPEN_FOR_CITY,
            "withdrawn",
            staff_label=_("Withdraw"),
            applicant_label=_("Your organisation withdrew the proposal"),
            subject=_("%(name)s withdrew its Project Implementer proposal"),
            roles=frozenset({OFFICIAL}),
            confirmation=_("Yes, withdraw this proposal. This cannot be undone."),
            notify=("city", "secretariat"),
            staff_notice=_("The city withdrew its proposal."),
            dangerous=True,
        ),
    ),
    initial="draft",
    roles_of=roles_of_proposal,
    lock_first=the_call_of,
)
