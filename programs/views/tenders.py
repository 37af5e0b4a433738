"""Step 3 on the site, for consultant partners: the tenders they may bid on, and their own bid,
sealed from everyone else until the deadline has passed and staff unseal the bids."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from organisations.access import acts_for, organisations_of
from organisations.staff import is_secretariat
from reviews.services import assigned_to
from wego.submissions.once import already_sent, sent
from wego.uploads import download
from wego.workflow.engine import state_for_applicant
from wego.workflow.errors import NotReady

from ..forms.tenders import BidDocumentForm, BidForm
from ..models import Bid, BidDocument
from ..services import tenders as services
from ..tender_workflow import BIDDING, TENDER, UNSEALED


@require_safe
def tenders(request):
    rows = [
        (tender, TENDER.current(tender), own_bid(tender, request.user))
        for tender in services.tenders_for(request.user)
    ]
    return render(request, "programs/tenders/list.html", {"rows": rows})


def own_bid(tender, user):
    """The bid of a partner this person acts for, or None: the only bid they may ever see."""
    return (
        Bid.objects.filter(tender=tender, partner__organisation__in=organisations_of(user))
        .select_related("partner__organisation")
        .prefetch_related("documents")
        .first()
    )


def tender_for_bidder(request, pk):
    """The tender if this person's partners may bid on it or did; 404 otherwise."""
    tender = get_object_or_404(services.tenders_for(request.user), pk=pk)
    return tender


def render_tender(request, pk, form=None, document_form=None, status=200):
    tender = tender_for_bidder(request, pk)
    bid = own_bid(tender, request.user)
    taking_bids = TENDER.has(tender, BIDDING) and tender.before_deadline()
    partners = services.bidders_of(tender, request.user)
    if form is None and taking_bids:
        form = BidForm(instance=bid, partners=partners, initial={"partner": bid.partner if bid else None})
    return render(
        request,
        "programs/tenders/tender.html",
        {
            "tender": tender,
            "state": TENDER.current(tender),
            "bid": bid,
            "bid_state": state_for_applicant(bid) if bid else None,
            "taking_bids": taking_bids,
            "form": form,
            "document_form": document_form or BidDocumentForm(),
        },
        status=status,
    )


@verified_email_required
@require_safe
def tender(request, pk):
    return render_tender(request, pk)


@verified_email_required
@require_POST
def save_bid(request, pk):
    tender = tender_for_bidder(request, pk)
    bid = own_bid(tender, request.user)
    form = BidForm(request.POST, instance=bid, partners=services.bidders_of(tender, request.user))
    if not form.is_valid():
        return render_tender(request, pk, form=form, status=400)
    if answer := already_sent(request):
        return answer
    try:
        services.save_bid(tender, form.cleaned_data["partner"], request.user, form.bid_fields())
    except NotReady as refusal:
        messages.error(request, str(refusal))
        return redirect("programs:tender", pk=pk)
    messages.success(
        request,
        _("Your bid is saved. You may change it until the deadline; nobody else reads it before then."),
    )
    return sent(request, redirect("programs:tender", pk=pk))


@verified_email_required
@require_POST
def add_document(request, pk):
    tender = tender_for_bidder(request, pk)
    bid = own_bid(tender, request.user)
    if bid is None:
        raise Http404
    form = BidDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_tender(request, pk, document_form=form, status=400)
    if answer := already_sent(request):
        return answer
    try:
        services.attach_to_bid(
            tender, bid, request.user, form.cleaned_data["title"], form.cleaned_data["file"]
        )
    except NotReady as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Attached: %(title)s.") % {"title": form.cleaned_data["title"]})
    return sent(request, redirect("programs:tender", pk=pk))


@require_safe
def tender_document(request, pk, document):
    tender = tender_for_bidder(request, pk)
    found = get_object_or_404(tender.documents, pk=document)
    return download(found.file, found.title)


@require_safe
def any_bid_document(request, pk, bid, document):
    """A bid's document: for its bidder; once the bids are unsealed, for the Secretariat and for the
    reviewers assigned to that bid. 404 for anyone else, and for everyone but the bidder while sealed."""
    found = get_object_or_404(
        BidDocument.objects.select_related("bid__tender", "bid__partner"),
        pk=document,
        bid=bid,
        bid__tender=pk,
    )
    bid = found.bid
    mine = acts_for(request.user, bid.partner_id)
    unsealed = TENDER.has(bid.tender, UNSEALED)
    if not (mine or (unsealed and (is_secretariat(request.user) or reviews_it(request.user, bid)))):
        raise Http404
    return download(found.file, found.title)


def reviews_it(user, bid):
    scorecard = bid.tender.scorecard
    return scorecard is not None and assigned_to(scorecard, bid, user)


@require_safe
def bid_document(request, pk, document):
    """A document of the person's own bid (staff read bids in the admin once they are unsealed)."""
    tender = tender_for_bidder(request, pk)
    bid = own_bid(tender, request.user)
    if bid is None:
        raise Http404
    found = get_object_or_404(bid.documents, pk=document)
    return download(found.file, found.title)
