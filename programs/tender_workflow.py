"""Step 3 of the Project Implementer, declared as data: WeGO chooses the consulting company for a
selected proposal by a tender with sealed bids.

A tender opens with a deadline; consultant partners (those invited, or all of them) send bids and
may change them until the deadline, by the server's clock. Nobody but the bidder sees a bid before
the evaluation starts, and the evaluation can start only once the deadline has passed: what makes
a bid readable by staff is the tender's state (UNSEALED), never a check of the clock on each page.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.access import officials_of_any
from organisations.roles import SECRETARIAT, officials, roles_of_officials, staff_roles
from wego.workflow.definitions import AWAITING, FINAL, NEW, Audience, Transition, Workflow, state
from wego.workflow.versions import record_version

BIDDER = "bidder"  # an official of the partner that bids

# What a tender's states mean.
BIDDING = "bidding"  # partners send and change bids until the deadline
UNSEALED = "unsealed"  # staff read the bids: the deadline has passed
SETTING_UP = "setting_up"  # its scope, documents and invitations may change
AWARDED = "awarded"  # a bid was chosen: every other bid is told it was not
REPLACEABLE = "replaceable"  # cancelled: another tender may be opened for the same proposal

# The role of a bid's choice: the Secretariat holds it on a tender once one of its bids is chosen,
# and on the other bids once the tender is awarded, so that choosing one bid takes the rest with it.
CHOOSING = "choosing"

# What a bid's states mean.
CHOSEN = "chosen"  # the bid WeGO chose: its partner is the project's consultant


def must_be_ready_to_open(tender):
    if tender.deadline is None or tender.deadline <= timezone.now():
        return _("Give a deadline in the future before opening the tender.")
    if not tender.open_to_all and not tender.invited.exists():
        return _("Invite at least one consultant, or open the tender to every consultant partner.")
    return None


def must_be_past_the_deadline(tender):
    if tender.deadline is None or timezone.now() < tender.deadline:
        return _("The bids stay sealed until the deadline has passed.")
    return None


def keep_what_each_bid_said(tender, *, actor, note):
    """The bids as they stood at the deadline: the version every reviewer judges."""
    for bid in tender.bids.select_related("partner__organisation"):
        record_version(bid, actor=actor)


def invited_officials(tender):
    """Who may bid: the officials of the consultants invited, or of every consultant partner."""
    from .models import Partner, PartnerType

    partners = (
        Partner.objects.filter(type=PartnerType.CONSULTANT) if tender.open_to_all else tender.invited.all()
    )
    return officials_of_any(partners.values("organisation"))


TENDER = Workflow(
    name="implementer-tender",
    verbose_name=_("Consultant tender"),
    audiences={
        "invited": Audience(invited_officials, link=lambda tender: tender.get_absolute_url()),
    },
    title=lambda tender: _("The tender for %(name)s") % {"name": tender.proposal.organisation.name},
    name_of=lambda tender: tender.proposal.organisation.name,
    flags={
        BIDDING: "Partners send and change bids until the deadline.",
        UNSEALED: "Staff read the bids: the deadline has passed.",
        SETTING_UP: "Its scope, documents and invitations may change.",
        AWARDED: "A bid was chosen; every other bid is told it was not.",
        REPLACEABLE: "Cancelled: another tender may be opened for the same proposal.",
    },
    states=(
        state("preparing", _("Preparing"), _("Preparing"), SETTING_UP),
        state("open", _("Open for bids"), _("Open for bids"), BIDDING),
        state("evaluating", _("Evaluating the bids"), _("Evaluating the bids"), AWAITING, UNSEALED),
        state("awarded", _("Awarded"), _("Awarded"), FINAL, UNSEALED, AWARDED),
        state("cancelled", _("Cancelled"), _("Cancelled"), FINAL, REPLACEABLE),
    ),
    transitions=(
        Transition(
            "open",
            frozenset({"preparing"}),
            "open",
            staff_label=_("Open the tender"),
            applicant_label=_("The tender opened"),
            roles=frozenset({SECRETARIAT}),
            guard=must_be_ready_to_open,
            subject=_("WeGO invites your bid for the project of %(name)s"),
            notify=("invited",),
            confirmation=_("Yes: invited consultants are told and may bid until the deadline."),
        ),
        Transition(
            "start_evaluation",
            frozenset({"open"}),
            "evaluating",
            staff_label=_("Unseal the bids and evaluate them"),
            applicant_label=_("The bids are being evaluated"),
            roles=frozenset({SECRETARIAT}),
            guard=must_be_past_the_deadline,
            effect=keep_what_each_bid_said,
        ),
        Transition(
            "award",
            frozenset({"evaluating"}),
            "awarded",
            staff_label=_("Awarded"),
            applicant_label=_("The tender was awarded"),
            # Taken by choosing a bid (BID's "choose"), never on its own.
            roles=frozenset({CHOOSING}),
        ),
        Transition(
            "cancel",
            frozenset({"preparing", "open", "evaluating"}),
            "cancelled",
            staff_label=_("Cancel the tender"),
            applicant_label=_("The tender was cancelled"),
            subject=_("The tender for the project of %(name)s was cancelled"),
            roles=frozenset({SECRETARIAT}),
            note_required=True,
            note_heading=_("Why:"),
            notify=("invited",),
            confirmation=_("Yes, cancel this tender. This cannot be undone."),
            dangerous=True,
        ),
    ),
    initial="preparing",
    roles_of=lambda user, tender: roles_of_tender(user, tender),
)


def roles_of_tender(user, tender):
    if user is None or not user.is_authenticated:
        return set()
    roles = staff_roles(user)
    if SECRETARIAT in roles and tender.bids.filter(BID.q(CHOSEN)).exists():
        roles.add(CHOOSING)
    return roles


def roles_of_bid(user, bid):
    roles = roles_of_officials("partner", BIDDER)(user, bid)
    if SECRETARIAT in roles and TENDER.has(bid.tender, AWARDED):
        roles.add(CHOOSING)
    return roles


def choose_this_bid(bid, *, actor, note):
    """The chosen bid's partner becomes the project's consultant; the tender is awarded and every
    other bid told it was not chosen, in this transaction."""
    from .services.tenders import award

    award(bid, actor=actor)


def tender_of(bid):
    from .models import Tender

    return Tender.objects.filter(pk=bid.tender_id)


def must_be_evaluated(bid):
    from .models import Tender

    # Locked before the bid (BID's lock_first): two staff choosing two bids at once are served one
    # after the other, and the second finds the tender awarded.
    tender = Tender.objects.get(pk=bid.tender_id)
    if not TENDER.has(tender, UNSEALED) or TENDER.current(tender).final:
        return _("Bids are chosen while the tender is being evaluated, and only one of them.")
    if tender.proposal.consultant_id is not None:
        return _("The project has its consultant already.")
    return None


BID = Workflow(
    name="implementer-bid",
    verbose_name=_("Bid"),
    title=lambda bid: _("The bid of %(name)s") % {"name": bid.partner.organisation.name},
    name_of=lambda bid: bid.partner.organisation.name,
    flags={CHOSEN: "The bid WeGO chose: its partner is the project's consultant."},
    audiences={"bidder": officials(lambda bid: bid.partner_id)},
    states=(
        state("sent", _("Sent"), _("Sent"), AWAITING),
        state("chosen", _("Chosen"), _("Chosen by WeGO"), FINAL, CHOSEN),
        state("not_chosen", _("Not chosen"), _("Not chosen"), FINAL),
    ),
    transitions=(
        Transition(
            "send",
            frozenset({NEW}),
            "sent",
            staff_label=_("Send a bid"),
            applicant_label=_("Your organisation sent its bid"),
            roles=frozenset({BIDDER}),
        ),
        Transition(
            "choose",
            frozenset({"sent"}),
            "chosen",
            staff_label=_("Choose this bid"),
            applicant_label=_("WeGO chose your organisation's bid"),
            subject=_("WeGO chose the bid of %(name)s"),
            roles=frozenset({SECRETARIAT}),
            guard=must_be_evaluated,
            effect=choose_this_bid,
            notify=("bidder",),
            confirmation=_("Yes: choose this bid; every other bidder is told."),
        ),
        Transition(
            "pass_over",
            frozenset({"sent"}),
            "not_chosen",
            staff_label=_("Not chosen"),
            applicant_label=_("WeGO chose another bid"),
            subject=_("The bid of %(name)s was not chosen"),
            # Taken for every other bid when one is chosen, never on its own.
            roles=frozenset({CHOOSING}),
            notify=("bidder",),
        ),
    ),
    initial="sent",
    roles_of=roles_of_bid,
    # Choosing one bid moves the tender and every other bid: the tender is locked first, always.
    lock_first=lambda bid: tender_of(bid),
)
