"""A reviewer's pages on the site: what they are asked to judge, and for each submission the page
where they read the version it is in, score it, or declare a conflict of interest. A reviewer sees
only their own assignments (404 for anyone else's, and for anyone no longer a reviewer)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from organisations.staff import GROUPS, staff_in
from wego.submissions.once import already_sent, sent
from wego.workflow.versions import versions_of

from . import services
from .forms import ConflictForm, ReviewForm
from .models import Assignment, Criterion, Review
from .workflow import SCORECARD, SCORING


def assignment_of(request, pk):
    assignment = get_object_or_404(
        Assignment.objects.select_related("scorecard", "subject_type"), pk=pk, reviewer=request.user.pk
    )
    if not services.reviewers_of(assignment.scorecard).filter(pk=request.user.pk).exists():
        raise Http404
    return assignment


@require_safe
def assignments(request):
    mine = (
        Assignment.objects.filter(reviewer=request.user.pk, scorecard__in=scorecards_of(request.user))
        .select_related("scorecard", "review")
        .order_by("scorecard", "assigned_at", "pk")
    )
    rows = [(assignment, assignment.subject) for assignment in mine]
    return render(request, "reviews/assignments.html", {"rows": rows})


def scorecards_of(user):
    """The scorecards of the groups the person is a reviewer in now."""
    from .models import Scorecard

    groups = [group for group in GROUPS if staff_in(group).filter(pk=user.pk).exists()]
    return Scorecard.objects.filter(reviewers_group__in=groups)


def latest_version(subject):
    return versions_of(subject).order_by("-number").first()


def review_form(assignment, data=None):
    criteria = Criterion.objects.filter(scorecard=assignment.scorecard)
    initial = {}
    review = Review.objects.filter(assignment=assignment).prefetch_related("scores").first()
    if review is not None:
        initial = {"recommendation": review.recommendation, "note_for_applicant": review.note_for_applicant}
        for score in review.scores.all():
            initial[f"score-{score.criterion_id}"] = score.value
            initial[f"comment-{score.criterion_id}"] = score.comment
    return ReviewForm(data, initial=initial, scorecard=assignment.scorecard, criteria=criteria), review


@require_safe
def assignment(request, pk):
    return render_assignment(request, pk)


def render_assignment(request, pk, form=None, conflict_form=None, status=200):
    assignment = assignment_of(request, pk)
    subject = assignment.subject
    version = latest_version(subject)
    built, review = review_form(assignment)
    form = form or built
    form.initial["seen_version"] = version.number if version else None
    return render(
        request,
        "reviews/assignment.html",
        {
            "assignment": assignment,
            "subject": subject,
            "version": version,
            "content": [type(subject).version_item_text(item) for item in version.content] if version else [],
            # Files the programme lets a reviewer open beside the answers, if any.
            "documents": subject.review_documents() if hasattr(subject, "review_documents") else [],
            "form": form,
            "conflict_form": conflict_form or ConflictForm(),
            "review": review,
            "earlier_version": review is not None and services.judged_an_earlier_version(review),
            "scoring": SCORECARD.has(assignment.scorecard, SCORING) and not assignment.recused,
            "others": services.others_reviews(assignment),
        },
        status=status,
    )


@require_POST
def score(request, pk):
    current = assignment_of(request, pk)
    form, _review = review_form(current, request.POST)
    if not form.is_valid():
        return render_assignment(request, pk, form=form, status=400)
    if answer := already_sent(request):
        return answer
    try:
        services.submit_review(
            current,
            by=request.user,
            values=form.values(),
            recommendation=form.cleaned_data["recommendation"],
            note=form.cleaned_data["note_for_applicant"],
            seen_version=form.cleaned_data["seen_version"],
        )
    except services.ReviewRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("reviews:assignment", pk=pk)
    messages.success(request, _("Your review is saved. You can now read the other reviewers' scores."))
    return sent(request, redirect("reviews:assignment", pk=pk))


@require_POST
def declare_conflict(request, pk):
    current = assignment_of(request, pk)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        return render_assignment(request, pk, conflict_form=form, status=400)
    try:
        services.declare_conflict(current, by=request.user, note=form.cleaned_data["note"])
    except services.ReviewRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("You are recused from this submission. Thank you for saying so."))
    return redirect("reviews:assignment", pk=pk)
