"""A review scores every criterion of its scorecard within the scale, by the assigned reviewer, while
the scoring is open; it is tied to the version it judged; a reviewer reads the others' reviews only
once they gave their own."""

import pytest

from reviews import services
from reviews.models import Review
from reviews.workflow import SCORECARD
from tests.factories import secretariat_user
from tests.states import put_in
from wego.workflow.versions import record_version

from .conftest import criteria, submission

pytestmark = pytest.mark.django_db


def scores(card, *values):
    return {criterion.pk: (value, "") for criterion, value in zip(criteria(card), values, strict=True)}


@pytest.fixture
def assigned(scorecard, reviewers):
    application = submission()
    staff = secretariat_user()
    return [services.assign(scorecard, application, reviewer, by=staff) for reviewer in reviewers[:2]]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ((4, 3), "Please score every criterion; missing: Sustainability"),
        ((4, 3, 6), "Sustainability: scores go from 1 to 5, not 6"),
        ((0, 3, 3), "Commitment: scores go from 1 to 5, not 0"),
    ],
)
def test_a_review_missing_a_criterion_or_off_the_scale_is_refused(
    scorecard, reviewers, assigned, values, message
):
    values = {
        criterion.pk: (value, "") for criterion, value in zip(criteria(scorecard), values, strict=False)
    }
    with pytest.raises(services.ReviewRefused, match=message):
        services.submit_review(assigned[0], by=reviewers[0], values=values, recommendation="support")
    assert not Review.objects.exists()


def test_only_the_assigned_reviewer_reviews_and_only_while_the_scoring_is_open(
    scorecard, reviewers, assigned
):
    with pytest.raises(services.ReviewRefused, match="Only the assigned reviewer"):
        services.submit_review(
            assigned[0], by=reviewers[2], values=scores(scorecard, 3, 3, 3), recommendation="support"
        )
    put_in(scorecard, sorted(SCORECARD.states_with("shared"))[0])
    with pytest.raises(services.ReviewRefused, match="The scoring is not open"):
        services.submit_review(
            assigned[0], by=reviewers[0], values=scores(scorecard, 3, 3, 3), recommendation="support"
        )
    assert not Review.objects.exists()


def test_a_recused_reviewer_cannot_review(scorecard, reviewers, assigned):
    services.declare_conflict(assigned[0], by=reviewers[0], note="I wrote part of this proposal.")
    with pytest.raises(services.ReviewRefused, match="You are recused"):
        services.submit_review(
            assigned[0], by=reviewers[0], values=scores(scorecard, 3, 3, 3), recommendation="support"
        )


def test_a_review_is_tied_to_the_version_it_judged(scorecard, reviewers, assigned):
    application = assigned[0].subject
    first = record_version(application, actor=application.started_by)
    review = services.submit_review(
        assigned[0], by=reviewers[0], values=scores(scorecard, 4, 4, 4), recommendation="support"
    )
    assert review.version == first and not services.judged_an_earlier_version(review)
    record_version(application, actor=application.started_by)  # the city sent it again
    assert services.judged_an_earlier_version(review)
    again = services.submit_review(
        assigned[0], by=reviewers[0], values=scores(scorecard, 5, 4, 4), recommendation="support"
    )
    assert (
        again.pk == review.pk and again.version.number == 2 and not services.judged_an_earlier_version(again)
    )
    assert [score.value for score in again.scores.order_by("criterion__position")] == [5, 4, 4]


def test_a_reviewer_reads_the_others_reviews_only_after_giving_their_own(scorecard, reviewers, assigned):
    services.submit_review(
        assigned[1], by=reviewers[1], values=scores(scorecard, 2, 2, 2), recommendation="do-not-support"
    )
    assert list(services.others_reviews(assigned[0])) == []
    services.submit_review(
        assigned[0], by=reviewers[0], values=scores(scorecard, 4, 4, 4), recommendation="support"
    )
    assert [review.assignment.reviewer for review in services.others_reviews(assigned[0])] == [reviewers[1]]


def test_a_reviewer_no_longer_in_the_group_or_now_acting_for_the_applicant_cannot_review(
    scorecard, reviewers, assigned
):
    from django.contrib.auth.models import Group

    from tests.factories import official_of

    reviewers[0].groups.remove(Group.objects.get(name="Programme reviewer"))
    with pytest.raises(services.ReviewRefused, match="no longer one of this scorecard's reviewers"):
        services.submit_review(
            assigned[0], by=reviewers[0], values=scores(scorecard, 3, 3, 3), recommendation="support"
        )
    official_of(assigned[1].subject.organisation, user=reviewers[1])
    with pytest.raises(services.ReviewRefused, match="You are recused"):
        services.submit_review(
            assigned[1], by=reviewers[1], values=scores(scorecard, 3, 3, 3), recommendation="support"
        )
    assert not Review.objects.exists()


def test_a_recused_reviewer_reads_no_review_even_once_the_scoring_is_closed(scorecard, reviewers, assigned):
    services.submit_review(
        assigned[1], by=reviewers[1], values=scores(scorecard, 2, 2, 2), recommendation="support"
    )
    services.declare_conflict(assigned[0], by=reviewers[0], note="I advise this city.")
    put_in(scorecard, sorted(SCORECARD.states_with("shared"))[0])
    assert list(services.others_reviews(assigned[0])) == []
    assert len(services.others_reviews(assigned[1])) == 0  # the recused one gave none


def test_a_conflict_cannot_be_declared_once_the_scoring_is_closed(scorecard, reviewers, assigned):
    put_in(scorecard, sorted(SCORECARD.states_with("shared"))[0])
    with pytest.raises(services.ReviewRefused, match="The scoring is closed"):
        services.declare_conflict(assigned[0], by=reviewers[0], note="Too late to say.")
    assigned[0].refresh_from_db()
    assert not assigned[0].recused
