"""The affiliation's workflow, declared as data: a person asks to act for an organisation (one they
may have proposed themselves), and the Secretariat confirms the request, and the organisation with it."""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from wego.workflow.definitions import AWAITING, FINAL, NEW, Transition, Workflow, state

from .roles import (
    SECRETARIAT,
    officials,
    person,
    roles_of_officials,
    roles_of_person,
    secretariat_staff,
)

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
    subject=_("Your request to act for %(name)s is confirmed"),
)


AFFILIATION = Workflow(
    name="affiliation",
    verbose_name=_("Affiliation"),
    # The subject of its mail reads "Maria Santos's request to act for Cauayan is now “Confirmed”".
    title=lambda affiliation: (
        _("%(person)s's request to act for %(name)s")
        % {"person": affiliation.user, "name": affiliation.organisation.name}
    ),
    # What a step's subject calls it: "Your request to act for Cauayan is confirmed".
    name_of=lambda affiliation: affiliation.organisation.name,
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
        replace(
            APPROVE, name="grant", sources=frozenset({NEW}), subject=_("You now act for %(name)s on WeGO")
        ),
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
            subject=_("Your request to act for %(name)s is declined"),
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
            subject=_("You no longer act for %(name)s: the Secretariat ended your affiliation"),
            dangerous=True,
        ),
    ),
    initial="requested",
    roles_of=roles_of_person("user", REQUESTER),
)


# The public profile's workflow: an official proposes a change to the organisation's profile
# (description, website, logo, contact), and the Secretariat approves it, which makes it public, or
# declines it. Nothing proposed is shown to visitors before the approval.

OFFICIAL = "official"

PENDING = "pending"  # proposed: the Secretariat has not decided yet; one at a time per organisation


def publish_profile_change(change, *, actor, note):
    from .public_profile import apply_profile_change  # the models import this module

    apply_profile_change(change)


PROFILE_CHANGE = Workflow(
    name="profile_change",
    verbose_name=_("Profile change"),
    # The subject of its mail reads "The change to the public profile of Cauayan is now “Approved…”".
    title=lambda change: (
        _("The change to the public profile of %(name)s") % {"name": change.organisation.name}
    ),
    flags={
        PENDING: "Proposed: waits for the Secretariat; one such change per organisation.",
        REASON: "Declined by the Secretariat: the officials read why.",
    },
    audiences={
        "officials": officials(lambda change: change.organisation),
        "secretariat": secretariat_staff(),
    },
    states=(
        state("proposed", _("Proposed"), _("Waiting for the Secretariat's review"), PENDING, AWAITING),
        state("approved", _("Approved: public"), _("Approved: now on the public page"), FINAL),
        state("declined", _("Declined"), _("Declined"), FINAL, REASON),
    ),
    transitions=(
        Transition(
            "propose",
            frozenset({NEW}),
            "proposed",
            staff_label=_("Propose a change to the profile"),
            applicant_label=_("A change to the public profile was proposed"),
            roles=frozenset({OFFICIAL}),
            notify=("secretariat", "officials"),
            staff_notice=_("An organisation proposes a change to its public profile: approve or decline it."),
        ),
        Transition(
            "approve",
            frozenset({"proposed"}),
            "approved",
            staff_label=_("Approve and publish"),
            applicant_label=_("The Secretariat approved the change: it is on the public page"),
            roles=frozenset({SECRETARIAT}),
            effect=publish_profile_change,
            notify=("officials",),
        ),
        Transition(
            "decline",
            frozenset({"proposed"}),
            "declined",
            staff_label=_("Decline"),
            applicant_label=_("The Secretariat declined the change"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("Why:"),
            notify=("officials",),
            dangerous=True,
        ),
    ),
    initial="proposed",
    roles_of=roles_of_officials("organisation", OFFICIAL),
)
