"""The affiliation's workflow, declared as data: a person asks to act for an organisation (one they
may have proposed themselves), and the Secretariat confirms the request, and the organisation with it."""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from wego.workflow.definitions import AWAITING, FINAL, NEW, Transition, Workflow, state

from .roles import SECRETARIAT, person, roles_of_person, secretariat_staff

REQUESTER = "requester"

# Flags of the affiliation's states.
LIVE = "live"  # asked or confirmed: one such affiliation per person and organisation
ACTING = "acting"  # confirmed: the person acts for the organisation
REASON = "reason"  # declined or ended by the Secretariat: the person reads why


def confirm_organisation(affiliation, *, actor, note):
    """Confirming a request for an organisation the person proposed confirms the organisation too."""
    from .services import confirm

    confirm(affiliation.organisation)


APPROVE = Transition(
    "approve",
    frozenset({"requested"}),
    "approved",
    staff_label=_("Confirm"),
    applicant_label=_("The Secretariat confirmed that you act for this organisation"),
    roles=frozenset({SECRETARIAT}),
    effect=confirm_organisation,
    notify=("requester",),
)


AFFILIATION = Workflow(
    name="affiliation",
    verbose_name=_("Affiliation"),
    title=lambda affiliation: (
        _("Acting for %(name)s on the WeGO Portal") % {"name": affiliation.organisation.name}
    ),
    flags={
        LIVE: "Asked or confirmed: one such request per person and organisation.",
        ACTING: "Confirmed: the person acts for the organisation.",
        REASON: "Declined or ended by the Secretariat: the person reads why.",
    },
    audiences={"requester": person("user"), "secretariat": secretariat_staff()},
    states=(
        state("requested", _("Requested"), _("Waiting for the Secretariat to confirm"), LIVE, AWAITING),
        state("approved", _("Confirmed"), _("Confirmed: you act for this organisation"), LIVE, ACTING),
        state("declined", _("Declined"), _("Declined"), FINAL, REASON),
        state("withdrawn", _("Withdrawn"), _("Withdrawn by you"), FINAL),
        state("revoked", _("Ended by the Secretariat"), _("Ended by the Secretariat"), FINAL, REASON),
    ),
    transitions=(
        Transition(
            "request",
            frozenset({NEW}),
            "requested",
            staff_label=_("Ask to act for the organisation"),
            applicant_label=_("You asked to act for this organisation"),
            roles=frozenset({REQUESTER}),
            notify=("secretariat",),
            staff_notice=_("Someone asks to act for this organisation: confirm or decline the request."),
        ),
        # The Secretariat confirms an affiliation nobody asked for (the applicant of a new member).
        replace(APPROVE, name="grant", sources=frozenset({NEW})),
        APPROVE,
        Transition(
            "decline",
            frozenset({"requested"}),
            "declined",
            staff_label=_("Decline"),
            applicant_label=_("The Secretariat declined the request"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("Why:"),
            notify=("requester",),
            dangerous=True,
        ),
        Transition(
            "withdraw",
            frozenset({"requested", "approved"}),
            "withdrawn",
            staff_label=_("Withdraw"),
            applicant_label=_("You stopped acting for this organisation"),
            roles=frozenset({REQUESTER}),
            confirmation=_("Yes: I do not act for this organisation (or no longer ask to)."),
            dangerous=True,
        ),
        Transition(
            "revoke",
            frozenset({"requested", "approved"}),
            "revoked",
            staff_label=_("End this affiliation"),
            applicant_label=_("The Secretariat ended your affiliation to this organisation"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("Why:"),
            notify=("requester",),
            dangerous=True,
        ),
    ),
    initial="requested",
    roles_of=roles_of_person("user", REQUESTER),
)
