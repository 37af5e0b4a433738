"""The domain actions of reviewing: assign, recuse, review. The only place that writes reviews.

A submission judged on a scorecard is any model with an `organisation` (its applicant): that is all
the programme apps need to give for conflicts to be found. Every refusal raises ReviewRefused with a
message for the person who tried; nothing is changed then.
"""

import random
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.access import acting
from organisations.models import Affiliation
from organisations.staff import staff_in
from wego.workflow.versions import versions_of

from .models import Assignment, Criterion, Recusal, Review, Score, Scorecard
from .workflow import ASSIGNING, SCORECARD, SCORING, SHARED


class ReviewRefused(Exception):
    """What was asked cannot be done; the message says why, to the person who asked."""


def ties_of(reviewers):
    """{reviewer id: (ids, countries) of the organisations they act for}, in one query."""
    ties = {reviewer.pk: (set(), set()) for reviewer in reviewers}
    affiliations = Affiliation.objects.filter(acting(), user__in=list(ties)).values_list(
        "user", "organisation", "organisation__country"
    )
    for user_id, organisation_id, country in affiliations:
        ties[user_id][0].add(organisation_id)
        ties[user_id][1].add(country)
    return ties


def conflict_in(scorecard, ties, organisation):
    """Recusal.AFFILIATED or SAME_COUNTRY when a reviewer with these ties (ties_of) may not judge a
    submission of `organisation`, else NONE."""
    ids, countries = ties
    if organisation.pk in ids:
        return Recusal.AFFILIATED
    if scorecard.recuse_same_country and organisation.country and organisation.country.code in countries:
        return Recusal.SAME_COUNTRY
    return Recusal.NONE


def conflict_of(scorecard, reviewer, subject):
    return conflict_in(scorecard, ties_of([reviewer])[reviewer.pk], subject.organisation)


def reviewers_of(scorecard):
    """The people who may be assigned: staff of the scorecard's group with a second factor."""
    return staff_in(scorecard.reviewers_group)


def still_assigning(scorecard):
    """The scorecard, locked, while reviewers may be assigned: closing it waits for an assignment
    being made, and an assignment asked after closing is refused."""
    locked = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    if not SCORECARD.has(locked, ASSIGNING):
        raise ReviewRefused(_("Reviewers can no longer be assigned: the scoring is closed."))
    return locked


@transaction.atomic
def assign(scorecard, subject, reviewer, *, by):
    """Ask `reviewer` to judge `subject`; one related to the applicant is recused at once, and says why."""
    scorecard = still_assigning(scorecard)
    if not reviewers_of(scorecard).filter(pk=reviewer.pk).exists():
        raise ReviewRefused(
            _("%(person)s is not in the %(group)s group, or has no second factor yet.")
            % {"person": reviewer, "group": scorecard.reviewers_group}
        )
    recusal = conflict_of(scorecard, reviewer, subject)
    try:
        with transaction.atomic():
            return Assignment.objects.create(
                scorecard=scorecard,
                subject_type=ContentType.objects.get_for_model(subject),
                subject_id=subject.pk,
                reviewer=reviewer,
                assigned_by=by,
                recusal=recusal,
                recused_at=timezone.now() if recusal else None,
            )
    except IntegrityError:
        raise ReviewRefused(
            _("%(person)s is already assigned to this submission.") % {"person": reviewer}
        ) from None


@transaction.atomic
def assign_at_random(scorecard, subjects, per_subject, *, by, rng=random):
    """`per_subject` reviewers for each submission (with its organisation: select_related), chosen at
    random among those free of conflict, the least loaded on this scorecard first. Returns
    (assignments made, submissions left short). Its queries do not grow with the submissions."""
    # One drawing at a time per scorecard: two staff drawing at once would both read the same loads.
    scorecard = still_assigning(scorecard)
    reviewers = list(reviewers_of(scorecard))
    ties = ties_of(reviewers)
    assigned = defaultdict(dict)  # (content type id, submission id) -> {reviewer id: recusal}
    load = Counter()
    for subject_type, subject_id, reviewer_id, recusal in Assignment.objects.filter(
        scorecard=scorecard
    ).values_list("subject_type", "subject_id", "reviewer", "recusal"):
        assigned[subject_type, subject_id][reviewer_id] = recusal
        load[reviewer_id] += 0 if recusal else 1
    made, short = [], []
    subjects = list(subjects)
    rng.shuffle(subjects)
    for subject in subjects:
        subject_type = ContentType.objects.get_for_model(subject)
        already = assigned[subject_type.pk, subject.pk]
        free = [
            reviewer
            for reviewer in reviewers
            if reviewer.pk not in already
            and not conflict_in(scorecard, ties[reviewer.pk], subject.organisation)
        ]
        rng.shuffle(free)
        free.sort(key=lambda reviewer: load[reviewer.pk])
        # A recused reviewer does not count towards the number asked for.
        wanted = max(per_subject - sum(1 for recusal in already.values() if not recusal), 0)
        for reviewer in free[:wanted]:
            made.append(
                Assignment(
                    scorecard=scorecard,
                    subject_type=subject_type,
                    subject_id=subject.pk,
                    reviewer=reviewer,
                    assigned_by=by,
                )
            )
            load[reviewer.pk] += 1
        if len(free) < wanted:
            short.append(subject)
    try:
        with transaction.atomic():
            Assignment.objects.bulk_create(made)
    except IntegrityError:
        raise ReviewRefused(_("Reviewers were assigned by someone else meanwhile; draw again.")) from None
    return made, short


def declare_conflict(assignment, *, by, note):
    """The reviewer says they may not judge this submission; their review, if any, no longer counts."""
    if by.pk != assignment.reviewer_id:
        raise ReviewRefused(_("Only the reviewer can declare their own conflict of interest."))
    if not note.strip():
        raise ReviewRefused(_("Please say briefly what the conflict of interest is."))
    with transaction.atomic():
        # Read afresh and locked: closing the scoring waits for the declaration, and the reverse.
        scorecard = Scorecard.objects.select_for_update().get(pk=assignment.scorecard_id)
        if not SCORECARD.has(scorecard, ASSIGNING):
            # Closed, its ranking stands: a review withdrawn now would change it after the fact.
            raise ReviewRefused(_("The scoring is closed; write to the Secretariat about this conflict."))
        Assignment.objects.filter(pk=assignment.pk).update(
            recusal=Recusal.DECLARED, recusal_note=note.strip(), recused_at=timezone.now()
        )
    assignment.refresh_from_db()
    return assignment


def submit_review(assignment, *, by, values, recommendation, note="", seen_version=None):
    """Record the reviewer's scores ({criterion id: (value, comment)}) for every criterion, tied to
    the submission's latest version. Sent again, it replaces the scores, tied to the version then.
    `seen_version`: the number of the version the reviewer read; refused if a later one came since."""
    with transaction.atomic():
        # Locked, so that two sendings at once are one after the other.
        # The scorecard too, so that closing it waits for a review being given, and the reverse.
        assignment = (
            Assignment.objects.select_for_update(of=("self", "scorecard"))
            .select_related("scorecard")
            .get(pk=assignment.pk)
        )
        scorecard = assignment.scorecard
        if by.pk != assignment.reviewer_id:
            raise ReviewRefused(_("Only the assigned reviewer can review this submission."))
        if not reviewers_of(scorecard).filter(pk=by.pk).exists():
            raise ReviewRefused(_("You are no longer one of this scorecard's reviewers."))
        if assignment.recused or conflict_of(scorecard, by, assignment.subject):
            raise ReviewRefused(_("You are recused from this submission, so you cannot review it."))
        if not SCORECARD.has(scorecard, SCORING):
            raise ReviewRefused(_("The scoring is not open: reviews cannot be given or changed now."))
        criteria = {criterion.pk: criterion for criterion in Criterion.objects.filter(scorecard=scorecard)}
        if missing := [criteria[pk].name for pk in criteria if pk not in values]:
            raise ReviewRefused(
                _("Please score every criterion; missing: %(names)s.") % {"names": ", ".join(missing)}
            )
        if unknown := set(values) - criteria.keys():
            raise ReviewRefused(
                _("Some scores are for criteria of another scorecard (%(ids)s).") % {"ids": sorted(unknown)}
            )
        for pk, (value, _comment) in values.items():
            if not scorecard.lowest <= value <= scorecard.highest:
                raise ReviewRefused(
                    _("%(criterion)s: scores go from %(lowest)d to %(highest)d, not %(value)s.")
                    % {
                        "criterion": criteria[pk].name,
                        "lowest": scorecard.lowest,
                        "highest": scorecard.highest,
                        "value": value,
                    }
                )
        latest = versions_of(assignment.subject).order_by("number").last()
        if seen_version is not None and (latest is None or latest.number != seen_version):
            raise ReviewRefused(
                _("A new version was sent since you opened it: read version %(number)s, then score it.")
                % {"number": latest.number if latest else "—"}
            )
        review, _created = Review.objects.update_or_create(
            assignment=assignment,
            defaults={
                "version": latest,
                "recommendation": recommendation,
                "note_for_applicant": note,
                "submitted_at": timezone.now(),
            },
        )
        review.scores.all().delete()
        Score.objects.bulk_create(
            Score(review=review, criterion_id=pk, value=value, comment=comment)
            for pk, (value, comment) in values.items()
        )
    return review


def others_reviews(assignment):
    """The other reviewers' reviews of the same submission that this reviewer may read: none until
    they submitted their own (unless the scorecard's phase shares them all), never a recused one's."""
    if assignment.recused:
        return Review.objects.none()
    own_given = Review.objects.filter(assignment=assignment).exists()
    if not (own_given or SCORECARD.has(assignment.scorecard, SHARED)):
        return Review.objects.none()
    return (
        Review.objects.filter(
            assignment__scorecard=assignment.scorecard,
            assignment__subject_type=assignment.subject_type,
            assignment__subject_id=assignment.subject_id,
            assignment__recusal="",
        )
        .exclude(assignment=assignment)
        .select_related("assignment__reviewer", "version")
        .prefetch_related("scores__criterion")
    )


def judged_an_earlier_version(review):
    """Whether the submission was sent again after this review judged it."""
    latest = (
        versions_of(review.assignment.subject).order_by("-number").values_list("number", flat=True).first()
    )
    return review.version is not None and latest is not None and review.version.number < latest


def notes_for_applicant(scorecard, subject):
    """What the reviewers who judged `subject` wrote for its applicant (recused reviewers' aside):
    for the programme to show once its decision is told."""
    return list(
        Review.objects.filter(
            assignment__scorecard=scorecard,
            assignment__subject_type=ContentType.objects.get_for_model(subject),
            assignment__subject_id=subject.pk,
            assignment__recusal="",
        )
        .exclude(note_for_applicant="")
        .order_by("submitted_at", "pk")
        .values_list("note_for_applicant", flat=True)
    )


def scorecard_of(owner, *, title, criteria):
    """The scorecard `owner` (a call, a tender: a model with a `scorecard` property read from its
    GenericRelation) judges on, made the first time it is asked for with `criteria`, names to
    translate (gettext_noop'd by the programme), in order and weighing 1 each, for staff to change
    while the scoring has not opened."""
    if owner.scorecard is None:
        with transaction.atomic():
            scorecard = Scorecard.objects.create(
                owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk, title=title
            )
            Criterion.objects.bulk_create(
                Criterion(scorecard=scorecard, name=_(name), position=position)
                for position, name in enumerate(criteria)
            )
        owner._scorecard = scorecard
    return owner.scorecard


def assigned_to(scorecard, subject, user):
    """Whether `user` is assigned to judge `subject` on `scorecard`, and not recused."""
    return Assignment.objects.filter(
        scorecard=scorecard,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        reviewer=user.pk,
        recusal="",
    ).exists()
