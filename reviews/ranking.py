"""The ranking of a scorecard's submissions: each review's scores weighted into one, and per
submission the mean, median and spread of those, and whether the reviewers disagree too much.

The arithmetic is plain functions of numbers (tested against a hand-computed example); `standings()`
reads what it needs in a constant number of queries, whatever the number of submissions.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .models import Assignment, Criterion, Score

CENT = Decimal("0.01")


def weighted(values, weights):
    """One review's score: its scores {criterion: value} weighted by {criterion: weight}."""
    total = sum(weights[criterion] for criterion in values)
    return sum(Decimal(value) * weights[criterion] for criterion, value in values.items()) / total


@dataclass(frozen=True)
class Standing:
    subject_type_id: int
    subject_id: int
    reviews: int
    mean: Decimal | None
    median: Decimal | None
    spread: Decimal | None
    disagreement: bool

    @property
    def shown(self):
        """Mean, median and spread rounded to hundredths, for a table or a CSV."""
        return tuple(
            None if value is None else value.quantize(CENT) for value in (self.mean, self.median, self.spread)
        )


def standing(subject, review_scores, threshold):
    """A submission's standing ((content type id, id)) from its reviews' weighted scores."""
    if not review_scores:
        return Standing(*subject, 0, None, None, None, False)
    spread = max(review_scores) - min(review_scores)
    return Standing(
        *subject,
        len(review_scores),
        sum(review_scores) / len(review_scores),
        statistics.median(review_scores),
        spread,
        len(review_scores) > 1 and spread >= threshold,
    )


def standings(scorecard):
    """Every assigned submission's standing, the best first; those with no review yet last.
    Recused reviewers' reviews do not count."""
    weights = dict(Criterion.objects.filter(scorecard=scorecard).values_list("pk", "weight"))
    # A submission is its content type and id: one scorecard may judge things of several kinds.
    subjects = set(
        Assignment.objects.filter(scorecard=scorecard).values_list("subject_type", "subject_id").distinct()
    )
    values = defaultdict(dict)  # review -> {criterion: value}
    subject_of = {}
    for subject_type, subject_id, review_id, criterion_id, value in Score.objects.filter(
        review__assignment__scorecard=scorecard, review__assignment__recusal=""
    ).values_list(
        "review__assignment__subject_type",
        "review__assignment__subject_id",
        "review_id",
        "criterion_id",
        "value",
    ):
        values[review_id][criterion_id] = value
        subject_of[review_id] = (subject_type, subject_id)
    by_subject = defaultdict(list)
    for review_id, review_values in values.items():
        by_subject[subject_of[review_id]].append(weighted(review_values, weights))
    rows = [standing(subject, by_subject.get(subject, []), scorecard.disagreement) for subject in subjects]
    return sorted(rows, key=lambda row: (row.mean is None, -(row.mean or 0), -row.reviews, row.subject_id))
