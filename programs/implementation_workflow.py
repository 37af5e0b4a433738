"""Step 4 of the Project Implementer, declared as data: the feasibility study and the pilot carried
out in the beneficiary city, milestone by milestone. The consultant or the city delivers each
milestone's deliverable; the Secretariat accepts it or asks for rework, with a note."""

from django.utils.translation import gettext_lazy as _

from organisations.access import acts_for, officials_of
from organisations.roles import SECRETARIAT, staff_roles
from organisations.staff import secretariat
from wego.workflow.definitions import AWAITING, FINAL, Audience, Transition, Workflow, state

CITY = "city"  # an official of the beneficiary city
CONSULTANT = "consultant"  # an official of the consultant the tender chose

# What a milestone's states mean.
DELIVERING = "delivering"  # its deliverable may be uploaded or replaced
ACCEPTED = "accepted"  # the Secretariat accepted its deliverable
REWORK = "rework"  # the city and the consultant read why the Secretariat asks for rework


def must_have_a_deliverable(milestone):
    if not milestone.deliverable:
        return _("Upload the deliverable first.")
    return None


def roles_of_milestone(user, milestone):
    if user is None or not user.is_authenticated:
        return set()
    roles = staff_roles(user)
    proposal = milestone.proposal
    if acts_for(user, proposal.organisation_id):
        roles.add(CITY)
    if proposal.consultant_id and acts_for(user, proposal.consultant_id):
        roles.add(CONSULTANT)
    return roles


def the_project(milestone):
    """The officials of the city and of its consultant."""
    proposal = milestone.proposal
    people = list(officials_of(proposal.organisation_id))
    if proposal.consultant_id:
        people += [person for person in officials_of(proposal.consultant_id) if person not in people]
    return people


MILESTONE = Workflow(
    name="implementer-milestone",
    verbose_name=_("Project Implementer milestone"),
    title=lambda milestone: (
        _("The milestone “%(title)s” of %(name)s")
        % {"title": milestone.title, "name": milestone.proposal.organisation.name}
    ),
    name_of=lambda milestone: milestone.title,
    flags={
        DELIVERING: "Its deliverable may be uploaded or replaced.",
        ACCEPTED: "The Secretariat accepted its deliverable.",
        REWORK: "The city and the consultant read why the Secretariat asks for rework.",
    },
    audiences={
        "project": Audience(the_project, link=lambda milestone: milestone.get_absolute_url()),
        "secretariat": Audience(lambda milestone: secretariat(), staff=True),
    },
    states=(
        state("planned", _("Planned"), _("To deliver"), DELIVERING),
        state("delivered", _("Delivered"), _("Delivered: WeGO reviews it"), AWAITING),
        state("rework_requested", _("Rework requested"), _("WeGO asks for rework"), DELIVERING, REWORK),
        state("accepted", _("Accepted"), _("Accepted by WeGO"), FINAL, ACCEPTED),
    ),
    transitions=(
        Transition(
            "deliver",
            frozenset({"planned", "rework_requested"}),
            "delivered",
            staff_label=_("Deliver"),
            applicant_label=_("The deliverable was delivered"),
            subject=_("The deliverable of “%(name)s” was delivered"),
            roles=frozenset({CITY, CONSULTANT}),
            guard=must_have_a_deliverable,
            notify=("project", "secretariat"),
            staff_notice=_("A deliverable waits for your acceptance."),
        ),
        Transition(
            "accept",
            frozenset({"delivered"}),
            "accepted",
            staff_label=_("Accept the deliverable"),
            applicant_label=_("WeGO accepted the deliverable"),
            subject=_("WeGO accepted the deliverable of “%(name)s”"),
            roles=frozenset({SECRETARIAT}),
            notify=("project",),
        ),
        Transition(
            "request_rework",
            frozenset({"delivered"}),
            "rework_requested",
            staff_label=_("Ask for rework"),
            applicant_label=_("WeGO asked for rework"),
            subject=_("WeGO asks for rework on “%(name)s”"),
            roles=frozenset({SECRETARIAT}),
            sends_back=True,
            note_required=True,
            note_heading=_("What to rework:"),
            notify=("project",),
        ),
    ),
    initial="planned",
    roles_of=roles_of_milestone,
)
