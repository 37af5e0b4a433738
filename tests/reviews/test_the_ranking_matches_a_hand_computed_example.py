"""The ranking's arithmetic, against a hand-computed example: weights 2, 1, 1 on a scale of 1 to 5,
disagreement flagged from 1.5 apart.

    Cauayan: (4, 3, 5) → (8 + 3 + 5) / 4 = 4.00; (5, 5, 4) → 19 / 4 = 4.75; (2, 3, 3) → 10 / 4 = 2.50
             mean 11.25 / 3 = 3.75, median 4.00, spread 2.25: flagged
    Kisumu:  (3, 3, 3) → 3.00; (4, 3, 3) → 14 / 4 = 3.50; mean 3.25, median 3.25, spread 0.50
             (a recused reviewer's (1, 1, 1) does not count)
    Sejong:  assigned, not reviewed yet: last, no figures
"""

from decimal import Decimal

import pytest

from reviews import services
from reviews.ranking import standings, weighted
from tests.factories import staff_in

from .conftest import REVIEWER, criteria, submission

pytestmark = pytest.mark.django_db


def test_a_reviews_score_is_its_scores_weighted():
    assert weighted({"a": 4, "b": 3, "c": 5}, {"a": Decimal(2), "b": Decimal(1), "c": Decimal(1)}) == Decimal(
        "4"
    )


def review(card, subject, reviewer, scores):
    assignment = services.assign(card, subject, reviewer, by=reviewer)
    values = {criterion.pk: (value, "") for criterion, value in zip(criteria(card), scores, strict=True)}
    services.submit_review(assignment, by=reviewer, values=values, recommendation="support")
    return assignment


def test_the_ranking_weighs_compares_and_flags_as_computed_by_hand(scorecard, django_assert_max_num_queries):
    people = [staff_in(REVIEWER) for _ in range(4)]
    cauayan, kisumu, sejong = submission("Cauayan"), submission("Kisumu", "KE"), submission("Sejong", "KR")
    for person, scores in zip(people, [(4, 3, 5), (5, 5, 4), (2, 3, 3)], strict=False):
        review(scorecard, cauayan, person, scores)
    review(scorecard, kisumu, people[0], (3, 3, 3))
    review(scorecard, kisumu, people[1], (4, 3, 3))
    recused = review(scorecard, kisumu, people[2], (1, 1, 1))
    services.declare_conflict(recused, by=people[2], note="I advised Kisumu on this project.")
    services.assign(scorecard, sejong, people[3], by=people[3])

    with django_assert_max_num_queries(3):
        rows = standings(scorecard)

    assert [row.subject_id for row in rows] == [cauayan.pk, kisumu.pk, sejong.pk]
    first, second, third = rows
    assert (first.reviews, *first.shown, first.disagreement) == (
        3,
        Decimal("3.75"),
        Decimal("4.00"),
        Decimal("2.25"),
        True,
    )
    assert (second.reviews, *second.shown, second.disagreement) == (
        2,
        Decimal("3.25"),
        Decimal("3.25"),
        Decimal("0.50"),
        False,
    )
    assert (third.reviews, third.mean, third.disagreement) == (0, None, False)
