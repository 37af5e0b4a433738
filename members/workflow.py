"""Members' workflows, declared as data: the membership application (annual report: apply,
Secretariat review, recommendation to EXCOM, approval at an EXCOM meeting, or decline) and
the affiliation (a person asks to speak for an organisation; the Secretariat confirms)."""

from django.utils.translation import gettext_lazy as _

from wego.workflow.definitions import State, Transition, Workflow

APPLICANT = "applicant"
SECRETARIAT = "secretariat"
SECRETARIAT_GROUP = "Secretariat"

STATES = (
    State("submitted", _("Submitted"), _("Received")),
    State("under_review", _("Under review"), _("Being reviewed by the Secretariat")),
    State("information_requested", _("More information requested"), _("More information needed from you")),
    State("resubmitted", _("Resubmitted"), _("Received again, with your answers")),
    State("recommended", _("Recommended to EXCOM"), _("Recommended to the Executive Committee")),
    State("approved", _("Approved"), _("Approved: welcome to WeGO"), final=True),
    State("declined", _("Declined"), _("Declined"), final=True),
    State("withdrawn", _("Withdrawn"), _("Withdrawn by you"), final=True),
)

OPEN = frozenset({"submitted", "under_review", "information_requested", "resubmitted", "recommended"})


def approve(application, *, actor, note):
    from .services import admit_member

    admit_member(application, approved_by=actor)


def roles_by_person(person_field, person_role):
    """roles_of for a submission whose `person_field` is the person who submitted it."""

    def roles_of(user, submission):
        roles = set()
        if user is None or not user.is_authenticated:
            return roles
        if getattr(submission, f"{person_field}_id") == user.pk:
            roles.add(person_role)
        if is_secretariat(user):
            roles.add(SECRETARIAT)
        return roles

    return roles_of


def tell(kind, person_field):
    """notify for a transition: message `kind` to the person in `person_field`."""
    return lambda submission, transition: [(kind, getattr(submission, person_field))]


tell_applicant = tell("members:application_status", "applicant")


TRANSITIONS = (
    Transition(
        "start_review",
        frozenset({"submitted", "resubmitted"}),
        "under_review",
        staff_label=_("Start review"),
        applicant_label=_("The Secretariat started reviewing the application"),
        roles=frozenset({SECRETARIAT}),
        notify=tell_applicant,
    ),
    Transition(
        "request_information",
        frozenset({"under_review"}),
        "information_requested",
        staff_label=_("Ask for more information"),
        applicant_label=_("The Secretariat asked for more information"),
        roles=frozenset({SECRETARIAT}),
        note_required=True,
        notify=tell_applicant,
    ),
    Transition(
        "resubmit",
        frozenset({"information_requested"}),
        "resubmitted",
        staff_label=_("Resubmit"),
        applicant_label=_("You answered and resubmitted"),
        roles=frozenset({APPLICANT}),
        notify=tell_applicant,
    ),
    Transition(
        "recommend",
        frozenset({"under_review"}),
        "recommended",
        staff_label=_("Recommend to EXCOM"),
        applicant_label=_("The Secretariat recommended the application to the Executive Committee"),
        roles=frozenset({SECRETARIAT}),
        notify=tell_applicant,
    ),
    Transition(
        "approve",
        frozenset({"recommended"}),
        "approved",
        staff_label=_("Approve (EXCOM decision)"),
        applicant_label=_("The Executive Committee approved the membership"),
        roles=frozenset({SECRETARIAT}),
        effect=approve,
        notify=tell_applicant,
    ),
    Transition(
        "decline",
        frozenset({"submitted", "under_review", "resubmitted", "recommended"}),
        "declined",
        staff_label=_("Decline"),
        applicant_label=_("The application was declined"),
        roles=frozenset({SECRETARIAT}),
        note_required=True,
        notify=tell_applicant,
    ),
    Transition(
        "withdraw",
        OPEN,
        "withdrawn",
        staff_label=_("Withdraw"),
        applicant_label=_("You withdrew the application"),
        roles=frozenset({APPLICANT}),
        notify=tell_applicant,
    ),
)


def is_secretariat(user):
    """Secretariat staff with a second factor enrolled; without one, staff have no staff powers."""
    from allauth.mfa.models import Authenticator

    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists())
        and Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


MEMBERSHIP = Workflow(
    name="membership-application",
    states=STATES,
    transitions=TRANSITIONS,
    initial="submitted",
    roles_of=roles_by_person("applicant", APPLICANT),
)


REQUESTER = "requester"


tell_requester = tell("members:affiliation_status", "user")


AFFILIATION = Workflow(
    name="affiliation",
    states=(
        State("requested", _("Requested"), _("Waiting for the Secretariat to confirm")),
        State("approved", _("Confirmed"), _("Confirmed: you act for this organisation")),
        State("declined", _("Declined"), _("Declined"), final=True),
        State("withdrawn", _("Withdrawn"), _("Withdrawn by you"), final=True),
    ),
    transitions=(
        Transition(
            "approve",
            frozenset({"requested"}),
            "approved",
            staff_label=_("Confirm"),
            applicant_label=_("The Secretariat confirmed that you act for this organisation"),
            roles=frozenset({SECRETARIAT}),
            notify=tell_requester,
        ),
        Transition(
            "decline",
            frozenset({"requested"}),
            "declined",
            staff_label=_("Decline"),
            applicant_label=_("The Secretariat declined the request"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            notify=tell_requester,
        ),
        Transition(
            "withdraw",
            frozenset({"requested", "approved"}),
            "withdrawn",
            staff_label=_("Withdraw"),
            applicant_label=_("You stopped acting for this organisation"),
            roles=frozenset({REQUESTER, SECRETARIAT}),
        ),
    ),
    initial="requested",
    roles_of=roles_by_person("user", REQUESTER),
)
