"""The Secretariat's pages for what the Project Implementer has judged by reviewers: a call's
proposals (step 2) and a tender's bids (step 3). Reviewers are assigned by hand or at random, and the
submissions ranked by their reviews, as a table and a CSV. Staff pages on the site, as the admin
cannot show a scorecard's ranking well; 404 for anyone but the Secretariat, and for a tender's bids
while they are sealed."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from organisations.staff import is_secretariat
from reviews import services as reviews
from reviews.models import Assignment
from reviews.ranking import standings
from reviews.workflow import ASSIGNING, SCORECARD
from wego.exports import csv_response
from wego.submissions.once import already_sent, sent
from wego.workflow.definitions import FINAL

from ..forms.reviewing import AssignForm, DrawForm
from ..implementer_workflow import PROPOSAL, RANKED, UNDER_REVIEW
from ..models import Bid, ImplementerCall, Proposal, Tender
from ..tender_workflow import BID, TENDER, UNSEALED

# How the ranking may be sorted: the name in the address, and the row's key (the best first).
SORTS = {
    "mean": lambda row: (row["standing"].mean is None, -(row["standing"].mean or 0)),
    "median": lambda row: (row["standing"].median is None, -(row["standing"].median or 0)),
    "spread": lambda row: (row["standing"].spread is None, -(row["standing"].spread or 0)),
    "reviews": lambda row: -row["standing"].reviews,
    "name": lambda row: row["subject"].organisation.name_folded,
}


@dataclass(frozen=True)
class Judged:
    """What one scorecard judges, as its pages need it."""

    owner: object  # the call or the tender, with its scorecard
    title: str
    subjects: QuerySet  # everything ranked, with its organisation
    assignable: QuerySet  # those reviewers may still be assigned to
    subject_label: str  # "Proposal", "Bid"
    detail_label: str  # what the ranking shows beside the organisation: "Project", "Price"
    detail: callable  # detail(subject) -> text
    url_name: str  # the pages' name prefix: "implementer", "tender"
    key: object  # the owner's part of the address: a year, a pk

    def url(self, page):
        return reverse(f"programs:{self.url_name}-{page}", args=[self.key])

    # The addresses its pages link to and post to.
    url_reviewing = property(lambda self: self.url("reviewing"))
    url_assign = property(lambda self: self.url("assign"))
    url_draw = property(lambda self: self.url("draw"))
    url_ranking = property(lambda self: self.url("ranking"))


def of_call(request, year):
    if not is_secretariat(request.user):
        raise Http404
    call = get_object_or_404(ImplementerCall, year=year)
    if call.scorecard is None:
        raise Http404
    subjects = (
        Proposal.objects.filter(call=call).filter(PROPOSAL.q(RANKED)).select_related("organisation", "call")
    )
    return Judged(
        owner=call,
        title=str(call),
        subjects=subjects.order_by("organisation__name_folded", "pk"),
        assignable=subjects.filter(PROPOSAL.q(UNDER_REVIEW)),
        subject_label=gettext_lazy("Proposal"),
        detail_label=gettext_lazy("Project"),
        detail=lambda proposal: proposal.title,
        url_name="implementer",
        key=call.year,
    )


def of_tender(request, pk):
    if not is_secretariat(request.user):
        raise Http404
    # Sealed bids are judged by nobody: the pages exist once staff unsealed them after the deadline.
    tender = get_object_or_404(
        Tender.objects.filter(TENDER.q(UNSEALED)).select_related("proposal__organisation"), pk=pk
    )
    subjects = Bid.objects.filter(tender=tender).select_related("partner__organisation")
    return Judged(
        owner=tender,
        title=str(tender),
        subjects=subjects.order_by("partner__organisation__name_folded", "pk"),
        assignable=subjects.exclude(BID.q(FINAL)),  # a bid chosen or not needs no more reviewers
        subject_label=gettext_lazy("Bid"),
        detail_label=gettext_lazy("Price"),
        detail=lambda bid: f"{bid.price:,} {bid.currency}",
        url_name="tender",
        key=tender.pk,
    )


def reviewing_page(judged_of):
    @require_safe
    def view(request, key):
        return render_reviewing(request, judged_of(request, key))

    return view


def render_reviewing(request, judged, assign_form=None, draw_form=None, status=200):
    scorecard = judged.owner.scorecard
    by_subject = defaultdict(list)
    subject_type = ContentType.objects.get_for_model(judged.subjects.model)
    for assignment in Assignment.objects.filter(
        scorecard=scorecard, subject_type=subject_type
    ).select_related("reviewer", "review"):
        by_subject[assignment.subject_id].append(assignment)
    return render(
        request,
        "programs/implementer/reviewing.html",
        {
            "judged": judged,
            "scorecard": scorecard,
            "rows": [(subject, by_subject[subject.pk]) for subject in judged.subjects],
            "assigning": SCORECARD.has(scorecard, ASSIGNING),
            "assign_form": assign_form or assign_form_of(judged),
            "draw_form": draw_form or DrawForm(),
        },
        status=status,
    )


def assign_form_of(judged, data=None):
    form = AssignForm(
        data, subjects=judged.assignable, reviewers=reviews.reviewers_of(judged.owner.scorecard)
    )
    form.fields["subject"].label = judged.subject_label
    return form


def assign_page(judged_of):
    @require_POST
    def view(request, key):
        judged = judged_of(request, key)
        form = assign_form_of(judged, request.POST)
        if not form.is_valid():
            return render_reviewing(request, judged, assign_form=form, status=400)
        if answer := already_sent(request):
            return answer
        reviewer = form.cleaned_data["reviewer"]
        try:
            made = reviews.assign(
                judged.owner.scorecard, form.cleaned_data["subject"], reviewer, by=request.user
            )
        except reviews.ReviewRefused as refusal:
            messages.error(request, str(refusal))
        else:
            if made.recused:
                messages.warning(
                    request,
                    _("%(person)s is assigned but recused at once: %(why)s.")
                    % {"person": reviewer, "why": made.get_recusal_display()},
                )
            else:
                messages.success(request, _("%(person)s is assigned.") % {"person": reviewer})
        return sent(request, redirect(judged.url("reviewing")))

    return view


def draw_page(judged_of):
    @require_POST
    def view(request, key):
        judged = judged_of(request, key)
        form = DrawForm(request.POST)
        if not form.is_valid():
            return render_reviewing(request, judged, draw_form=form, status=400)
        if answer := already_sent(request):
            return answer
        try:
            made, short = reviews.assign_at_random(
                judged.owner.scorecard, judged.assignable, form.cleaned_data["per_proposal"], by=request.user
            )
        except reviews.ReviewRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("%(count)d assignments made.") % {"count": len(made)})
            if short:
                messages.warning(
                    request,
                    _("Not enough reviewers free of conflicts for: %(names)s.")
                    % {"names": ", ".join(subject.organisation.name for subject in short)},
                )
        return sent(request, redirect(judged.url("reviewing")))

    return view


def ranking_rows(judged, sort):
    """What is judged with its standing, sorted; what nobody reviews yet last."""
    subjects = {subject.pk: subject for subject in judged.subjects}
    ranked = [
        {"subject": subjects[standing.subject_id], "standing": standing}
        for standing in standings(judged.owner.scorecard)  # the best mean first
        if standing.subject_id in subjects
    ]
    if sort != "mean":
        ranked.sort(key=SORTS[sort])
    listed = {row["subject"].pk for row in ranked}
    return ranked + [{"subject": s, "standing": None} for pk, s in subjects.items() if pk not in listed]


def ranking_page(judged_of):
    @require_safe
    def view(request, key):
        judged = judged_of(request, key)
        sort = request.GET.get("sort", "mean")
        if sort not in SORTS:
            messages.error(
                request,
                _("The ranking cannot be sorted by “%(sort)s”; it is sorted by the mean.") % {"sort": sort},
            )
            sort = "mean"
        rows = ranking_rows(judged, sort)
        if request.GET.get("format") == "csv":
            return ranking_csv(judged, rows)
        return render(
            request,
            "programs/implementer/ranking.html",
            {"judged": judged, "scorecard": judged.owner.scorecard, "rows": rows, "sort": sort},
        )

    return view


def ranking_csv(judged, rows):
    header = [
        _("Rank"),
        _("Organisation"),
        str(judged.detail_label),
        _("Reviews"),
        _("Weighted mean"),
        _("Median"),
        _("Spread"),
        _("Reviewers disagree"),
    ]
    lines = []
    for number, row in enumerate(rows, start=1):
        standing = row["standing"]
        figures = (
            (standing.reviews, *standing.shown, _("yes") if standing.disagreement else _("no"))
            if standing
            else (0, "", "", "", "")
        )
        lines.append([number, row["subject"].organisation.name, judged.detail(row["subject"]), *figures])
    return csv_response(f"ranking-{judged.url_name}-{judged.key}.csv", header, lines)


reviewing = reviewing_page(of_call)
assign = assign_page(of_call)
draw = draw_page(of_call)
ranking = ranking_page(of_call)
tender_reviewing = reviewing_page(of_tender)
tender_assign = assign_page(of_tender)
tender_draw = draw_page(of_tender)
tender_ranking = ranking_page(of_tender)
