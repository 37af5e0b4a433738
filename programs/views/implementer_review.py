"""The Secretariat's pages for step 2 of a call: reviewers assigned to its proposals (by hand or at
random), and the ranking of the proposals by their reviews, as a table and a CSV. Staff pages on
the site, as the admin cannot show a scorecard's ranking well; 404 for anyone but the Secretariat."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from organisations.staff import is_secretariat
from reviews import services as reviews
from reviews.models import Assignment
from reviews.ranking import standings
from reviews.workflow import ASSIGNING, SCORECARD
from wego.exports import csv_response
from wego.submissions.once import already_sent, sent

from ..forms.reviewing import AssignForm, DrawForm
from ..implementer_workflow import PROPOSAL, RANKED, UNDER_REVIEW
from ..models import ImplementerCall, Proposal

# How the ranking may be sorted: the name in the address, and the row's key (the best first).
SORTS = {
    "mean": lambda row: (row["standing"].mean is None, -(row["standing"].mean or 0)),
    "median": lambda row: (row["standing"].median is None, -(row["standing"].median or 0)),
    "spread": lambda row: (row["standing"].spread is None, -(row["standing"].spread or 0)),
    "reviews": lambda row: -row["standing"].reviews,
    "city": lambda row: row["proposal"].organisation.name_folded,
}


def call_for_staff(request, year):
    if not is_secretariat(request.user):
        raise Http404
    call = get_object_or_404(ImplementerCall, year=year)
    if call.scorecard is None:
        raise Http404
    return call


def ranked_proposals(call):
    """The call's proposals found eligible: the reviewers judge them, and they are ranked."""
    return (
        Proposal.objects.filter(call=call)
        .filter(PROPOSAL.q(RANKED))
        .select_related("organisation")
        .order_by("organisation__name_folded", "pk")
    )


@require_safe
def reviewing(request, year):
    return render_reviewing(request, year)


def render_reviewing(request, year, assign_form=None, draw_form=None, status=200):
    call = call_for_staff(request, year)
    scorecard = call.scorecard
    proposals = list(ranked_proposals(call))
    by_subject = defaultdict(list)
    proposal_type = ContentType.objects.get_for_model(Proposal)
    for assignment in Assignment.objects.filter(
        scorecard=scorecard, subject_type=proposal_type
    ).select_related("reviewer", "review"):
        by_subject[assignment.subject_id].append(assignment)
    open_to_review = ranked_proposals(call).filter(PROPOSAL.q(UNDER_REVIEW))
    return render(
        request,
        "programs/implementer/reviewing.html",
        {
            "call": call,
            "scorecard": scorecard,
            "rows": [(proposal, by_subject[proposal.pk]) for proposal in proposals],
            "assigning": SCORECARD.has(scorecard, ASSIGNING),
            "assign_form": assign_form
            or AssignForm(proposals=open_to_review, reviewers=reviews.reviewers_of(scorecard)),
            "draw_form": draw_form or DrawForm(),
        },
        status=status,
    )


@require_POST
def assign(request, year):
    call = call_for_staff(request, year)
    scorecard = call.scorecard
    form = AssignForm(
        request.POST,
        proposals=ranked_proposals(call).filter(PROPOSAL.q(UNDER_REVIEW)),
        reviewers=reviews.reviewers_of(scorecard),
    )
    if not form.is_valid():
        return render_reviewing(request, year, assign_form=form, status=400)
    if answer := already_sent(request):
        return answer
    try:
        made = reviews.assign(
            scorecard, form.cleaned_data["proposal"], form.cleaned_data["reviewer"], by=request.user
        )
    except reviews.ReviewRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if made.recused:
            messages.warning(
                request,
                _("%(person)s is assigned but recused at once: %(why)s.")
                % {"person": made.reviewer, "why": made.get_recusal_display()},
            )
        else:
            messages.success(request, _("%(person)s is assigned.") % {"person": made.reviewer})
    return sent(request, redirect("programs:implementer-reviewing", year=call.year))


@require_POST
def draw(request, year):
    call = call_for_staff(request, year)
    form = DrawForm(request.POST)
    if not form.is_valid():
        return render_reviewing(request, year, draw_form=form, status=400)
    if answer := already_sent(request):
        return answer
    subjects = ranked_proposals(call).filter(PROPOSAL.q(UNDER_REVIEW))
    try:
        made, short = reviews.assign_at_random(
            call.scorecard, subjects, form.cleaned_data["per_proposal"], by=request.user
        )
    except reviews.ReviewRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("%(count)d assignments made.") % {"count": len(made)})
        if short:
            messages.warning(
                request,
                _("Not enough reviewers free of conflicts for: %(names)s.")
                % {"names": ", ".join(proposal.organisation.name for proposal in short)},
            )
    return sent(request, redirect("programs:implementer-reviewing", year=call.year))


def ranking_rows(call, sort):
    """The call's eligible proposals with their standings, sorted; those nobody reviews yet last."""
    proposals = {proposal.pk: proposal for proposal in ranked_proposals(call)}
    ranked = [
        {"proposal": proposals[standing.subject_id], "standing": standing}
        for standing in standings(call.scorecard)  # the best mean first
        if standing.subject_id in proposals
    ]
    if sort != "mean":
        ranked.sort(key=SORTS[sort])
    listed = {row["proposal"].pk for row in ranked}
    return ranked + [{"proposal": p, "standing": None} for pk, p in proposals.items() if pk not in listed]


@require_safe
def ranking(request, year):
    call = call_for_staff(request, year)
    sort = request.GET.get("sort", "mean")
    if sort not in SORTS:
        messages.error(
            request,
            _("The ranking cannot be sorted by “%(sort)s”; it is sorted by the mean.") % {"sort": sort},
        )
        sort = "mean"
    rows = ranking_rows(call, sort)
    if request.GET.get("format") == "csv":
        header = [
            _("Rank"),
            _("City"),
            _("Project"),
            _("Reviews"),
            _("Weighted mean"),
            _("Median"),
            _("Spread"),
            _("Reviewers disagree"),
        ]
        return csv_response(
            f"ranking-{call.year}.csv",
            header,
            [
                [
                    number,
                    row["proposal"].organisation.name,
                    row["proposal"].title,
                    *(
                        (
                            row["standing"].reviews,
                            *row["standing"].shown,
                            _("yes") if row["standing"].disagreement else _("no"),
                        )
                        if row["standing"]
                        else (0, "", "", "", "")
                    ),
                ]
                for number, row in enumerate(rows, start=1)
            ],
        )
    return render(
        request,
        "programs/implementer/ranking.html",
        {"call": call, "scorecard": call.scorecard, "rows": rows, "sort": sort, "sorts": list(SORTS)},
    )
