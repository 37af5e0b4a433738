"""Step 3's domain actions: a tender made ready, bids sent and changed until the deadline (by the
server's clock, on the locked tender), and a bid chosen. Refusals raise NotReady with a message."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from organisations.access import acts_for, organisations_of
from reviews.services import scorecard_of
from wego.workflow.engine import perform, start
from wego.workflow.errors import NotReady

from ..models import Bid, BidDocument, Partner, PartnerType, Proposal, Tender
from ..tender_workflow import BID, BIDDING, CHOSEN, SETTING_UP, TENDER

# What a consultant's bid is usually judged on: offered on every new tender, for staff to change.
DEFAULT_CRITERIA = (
    gettext_noop("Approach and method"),
    gettext_noop("Team and experience"),
    gettext_noop("Timeline"),
    gettext_noop("Price"),
)


def scorecard_for(tender):
    """The tender's scorecard, made with the usual criteria the first time it is asked for."""
    title = _("Bids for the project of %(city)s") % {"city": tender.proposal.organisation.name}
    return scorecard_of(tender, title=title, criteria=DEFAULT_CRITERIA)


def bidders_of(tender, user):
    """The partners this person acts for that may bid on `tender`: those invited, or every
    consultant partner when the tender is open to all."""
    partners = Partner.objects.filter(organisation__in=organisations_of(user))
    may_bid = Q(pk__in=tender.invited.values("pk"))
    if tender.open_to_all:
        may_bid |= Q(type=PartnerType.CONSULTANT)
    return partners.filter(may_bid)


def tenders_for(user):
    """The open tenders this person's partners may bid on, and those they bid on already."""
    partners = Partner.objects.filter(organisation__in=organisations_of(user))
    consultant = partners.filter(type=PartnerType.CONSULTANT).exists()
    condition = Q(invited__in=partners) | Q(bids__partner__in=partners)
    if consultant:
        condition |= Q(open_to_all=True)
    return (
        Tender.objects.exclude(TENDER.q(SETTING_UP))
        .filter(condition)
        .distinct()
        .select_related("proposal__organisation", "proposal__call")
    )


def save_bid(tender, partner, user, fields, documents=()):
    """Send or change `partner`'s bid, on the locked tender, only while it takes bids and before its
    deadline by the server's clock. Returns the bid."""
    with transaction.atomic():
        locked = Tender.objects.select_for_update().get(pk=tender.pk)
        if not acts_for(user, partner.pk) or not bidders_of(locked, user).filter(pk=partner.pk).exists():
            raise NotReady(_("%(name)s may not bid on this tender.") % {"name": partner.organisation.name})
        if not TENDER.has(locked, BIDDING) or not locked.before_deadline():
            raise NotReady(_("The deadline has passed: bids can no longer be sent or changed."))
        bid = Bid.objects.filter(tender=locked, partner=partner).first()
        if bid is None:
            bid = Bid(tender=locked, partner=partner, sent_by=user, **fields)
            try:
                with transaction.atomic():
                    start(bid, "send", actor=user)
            except IntegrityError:
                raise NotReady(_("Your organisation's bid was sent meanwhile: change it instead.")) from None
        else:
            for name, value in fields.items():
                setattr(bid, name, value)
            bid.save(update_fields=[*fields, "updated_at"])
        for title, upload in documents:
            BidDocument.objects.create(bid=bid, title=title, file=upload)
    return bid


def attach_to_bid(tender, bid, user, title, upload):
    """A document added to `bid`, on the locked tender and before its deadline; the bid's own answers
    are not written (another official of the partner may be changing them)."""
    with transaction.atomic():
        locked = Tender.objects.select_for_update().get(pk=tender.pk)
        if not acts_for(user, bid.partner_id):
            raise NotReady(
                _("%(name)s may not bid on this tender.") % {"name": bid.partner.organisation.name}
            )
        if not TENDER.has(locked, BIDDING) or not locked.before_deadline():
            raise NotReady(_("The deadline has passed: bids can no longer be sent or changed."))
        document = BidDocument.objects.create(bid=bid, title=title, file=upload)
        Bid.objects.filter(pk=bid.pk).update(updated_at=timezone.now())
    return document


def award(bid, *, actor):
    """The effect of choosing `bid`: its partner is the project's consultant, the tender is awarded
    and every other bid is told it was not chosen."""
    tender = bid.tender
    perform(tender, "award", actor=actor)
    Proposal.objects.filter(pk=tender.proposal_id).update(consultant=bid.partner_id)
    for other in tender.bids.exclude(pk=bid.pk).exclude(BID.q(CHOSEN)):
        perform(other, "pass_over", actor=actor)
