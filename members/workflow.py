"""The membership application's workflow, declared as data (annual report: an organisation applies,
the Secretariat reviews it, recommends it to EXCOM, and it is approved at an EXCOM meeting, or
declined). While the Secretariat waits for more information the applicant may change its answers;
each submission is kept as a numbered version, and a thread carries the questions and answers."""

from django.utils.translation import gettext_lazy as _

from organisations.roles import SECRETARIAT, person, roles_of_person, secretariat_staff
from wego.workflow.definitions import AWAITING, FINAL, NEW, REVIEW, Thread, Transition, Workflow, state
from wego.workflow.versions import record_version

APPLICANT = "applicant"

EDITABLE = "editable"  # the applicant may change its answers
THREAD_OPEN = "thread_open"  # the applicant and the Secretariat write to each other


def approve(application, *, actor, note):
    from .services import admit_member

    admit_member(application, approved_by=actor)


def not_yet_a_member(application):
    from .services import member_named

    member = member_named(application)
    if member is not None:
        return _("%(name)s is already a member of WeGO.") % {"name": member.name}
    return None


MEMBERSHIP = Workflow(
    name="membership-application",
    verbose_name=_("Membership application"),
    title=lambda application: (
        _("WeGO membership application of %(name)s") % {"name": application.organisation_name}
    ),
    # What a step's subject calls it: "Your application for Cauayan to join WeGO is received".
    name_of=lambda application: application.organisation_name,
    flags={
        EDITABLE: "The applicant may change its answers.",
        THREAD_OPEN: "The applicant and the Secretariat write to each other.",
    },
    audiences={"applicant": person("applicant"), "secretariat": secretariat_staff()},
    thread=Thread(
        staff_role=SECRETARIAT,
        submitter_role=APPLICANT,
        staff_audience="secretariat",
        submitter_audience="applicant",
    ),
    states=(
        state("submitted", _("Submitted"), _("Received"), AWAITING, THREAD_OPEN),
        state(
            "under_review", _("Under review"), _("Being reviewed by the Secretariat"), AWAITING, THREAD_OPEN
        ),
        state(
            "information_requested",
            _("More information requested"),
            _("More information needed from you"),
            EDITABLE,
            THREAD_OPEN,
        ),
        state("resubmitted", _("Resubmitted"), _("Received again, with your answers"), AWAITING, THREAD_OPEN),
        state(
            "recommended",
            _("Recommended to EXCOM"),
            _("Recommended to the Executive Committee"),
            AWAITING,
            THREAD_OPEN,
        ),
        state("approved", _("Approved"), _("Approved: welcome to WeGO"), FINAL),
        state("declined", _("Declined"), _("Declined"), FINAL),
        state("withdrawn", _("Withdrawn"), _("Withdrawn by you"), FINAL),
    ),
    transitions=(
        Transition(
            "submit",
            frozenset({NEW}),
            "submitted",
            staff_label=_("Apply to join WeGO"),
            applicant_label=_("Application received"),
            subject=_("We received your application for %(name)s to join WeGO"),
            roles=frozenset({APPLICANT}),
            guard=not_yet_a_member,
            effect=record_version,
            notify=("applicant", "secretariat"),
            staff_notice=_("A new application to join WeGO: review it."),
        ),
        Transition(
            "start_review",
            frozenset({"submitted", "resubmitted"}),
            "under_review",
            staff_label=_("Start review"),
            applicant_label=_("The Secretariat started reviewing the application"),
            subject=_("The Secretariat is reviewing your application for %(name)s to join WeGO"),
            roles=frozenset({SECRETARIAT}),
            notify=("applicant",),
        ),
        Transition(
            "request_information",
            frozenset({"under_review"}),
            "information_requested",
            staff_label=_("Ask for more information"),
            applicant_label=_("The Secretariat asked for more information"),
            subject=_("The Secretariat asks for more information on your application for %(name)s"),
            roles=frozenset({SECRETARIAT}),
            sends_back=True,
            note_required=True,
            note_heading=_("The Secretariat asks:"),
            notify=("applicant",),
        ),
        Transition(
            "resubmit",
            frozenset({"information_requested"}),
            "resubmitted",
            staff_label=_("Resubmit the application"),
            applicant_label=_("You answered and resubmitted"),
            subject=_("We received your answers on the application for %(name)s"),
            roles=frozenset({APPLICANT}),
            note_label=_("Your answer to the Secretariat (optional)"),
            note_heading=_("Answer to the Secretariat:"),
            effect=record_version,
            notify=("applicant", "secretariat"),
            staff_notice=_("The applicant answered and resubmitted: see what changed."),
            place=REVIEW,
        ),
        Transition(
            "recommend",
            frozenset({"under_review"}),
            "recommended",
            staff_label=_("Recommend to EXCOM"),
            applicant_label=_("The Secretariat recommended the application to the Executive Committee"),
            subject=_("Your application for %(name)s is recommended to the Executive Committee"),
            roles=frozenset({SECRETARIAT}),
            notify=("applicant",),
        ),
        Transition(
            "approve",
            frozenset({"recommended"}),
            "approved",
            staff_label=_("Approve (EXCOM decision)"),
            applicant_label=_("The Executive Committee approved the membership"),
            subject=_("Welcome to WeGO: %(name)s is now a member"),
            roles=frozenset({SECRETARIAT}),
            guard=not_yet_a_member,
            effect=approve,
            notify=("applicant",),
            confirmation=_(
                "Yes: the Executive Committee approved this membership. Make the organisation a member."
            ),
        ),
        Transition(
            "decline",
            frozenset({"submitted", "under_review", "information_requested", "resubmitted", "recommended"}),
            "declined",
            staff_label=_("Decline"),
            applicant_label=_("The application was declined"),
            subject=_("Your application for %(name)s to join WeGO is declined"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("Why:"),
            notify=("applicant",),
            dangerous=True,
        ),
        Transition(
            "withdraw",
            frozenset({"submitted", "under_review", "information_requested", "resubmitted", "recommended"}),
            "withdrawn",
            staff_label=_("Withdraw"),
            applicant_label=_("You withdrew the application"),
            subject=_("You withdrew the application for %(name)s to join WeGO"),
            roles=frozenset({APPLICANT}),
            notify=("applicant", "secretariat"),
            staff_notice=_("The applicant withdrew the application."),
            confirmation=_("Yes, withdraw this application. This cannot be undone."),
            dangerous=True,
        ),
    ),
    initial="submitted",
    roles_of=roles_of_person("applicant", APPLICANT),
)
