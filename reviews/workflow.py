"""A scorecard's phases, declared as data: their flags say what staff and reviewers may do in each."""

from django.utils.translation import gettext_lazy as _

from organisations.roles import SECRETARIAT, staff_roles
from wego.workflow.definitions import FINAL, Transition, Workflow, state

# Flags of the phases.
CRITERIA_OPEN = "criteria_open"  # staff may change the criteria, their weights and the scale
ASSIGNING = "assigning"  # staff assign reviewers
SCORING = "scoring"  # reviewers score what they are assigned
SHARED = "shared"  # every reviewer of a submission sees all its scores, submitted their own or not

SCORECARD = Workflow(
    name="scorecard",
    verbose_name=_("Scorecard"),
    flags={
        CRITERIA_OPEN: "Staff may change the criteria, their weights and the scale: nobody scored yet.",
        ASSIGNING: "Staff assign reviewers.",
        SCORING: "Reviewers score what they are assigned.",
        SHARED: "A submission's reviewers all see its scores.",
    },
    states=(
        state("preparing", _("Preparing"), _("Preparing"), CRITERIA_OPEN, ASSIGNING),
        state("scoring", _("Scoring"), _("Scoring"), ASSIGNING, SCORING),
        state("closed", _("Closed"), _("Closed"), FINAL, SHARED),
    ),
    transitions=(
        Transition(
            "open_scoring",
            frozenset({"preparing"}),
            "scoring",
            staff_label=_("Open the scoring"),
            applicant_label=_("The scoring opened"),
            roles=frozenset({SECRETARIAT}),
        ),
        Transition(
            "close",
            frozenset({"scoring"}),
            "closed",
            staff_label=_("Close the scoring"),
            applicant_label=_("The scoring closed"),
            roles=frozenset({SECRETARIAT}),
            confirmation=_("Yes: no review may be given or changed after this."),
            dangerous=True,
        ),
    ),
    initial="preparing",
    roles_of=lambda user, scorecard: staff_roles(user),
)
