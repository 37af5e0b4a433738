"""Staff assign reviewers by hand or at random, balancing the load; a reviewer who acts for the
applicant, or (when the scorecard says so) for an organisation of its country, is recused at once;
a reviewer may declare a conflict. Every refusal says why and changes nothing."""

import random
from collections import Counter

import pytest

from reviews import services
from reviews.models import Assignment, Recusal
from tests.factories import UserFactory, official_of, secretariat_user, staff_in

from .conftest import REVIEWER, submission

pytestmark = pytest.mark.django_db


def test_only_people_of_the_scorecards_group_may_be_assigned(scorecard):
    staff = secretariat_user()
    with pytest.raises(services.ReviewRefused, match="is not in the Programme reviewer group"):
        services.assign(scorecard, submission(), UserFactory(), by=staff)
    assert not Assignment.objects.exists()


def test_a_reviewer_who_acts_for_the_applicant_is_recused_at_once(scorecard):
    application = submission("Cauayan")
    reviewer = staff_in(REVIEWER)
    official_of(application.organisation, user=reviewer)
    assignment = services.assign(scorecard, application, reviewer, by=secretariat_user())
    assert assignment.recusal == Recusal.AFFILIATED and assignment.recused_at is not None


def test_a_reviewer_from_the_applicants_country_is_recused_only_where_the_scorecard_says_so(scorecard):
    reviewer = staff_in(REVIEWER)
    official_of(submission("Iloilo", "PH").organisation, user=reviewer)
    staff = secretariat_user()
    assert services.assign(scorecard, submission("Cauayan", "PH"), reviewer, by=staff).recusal == Recusal.NONE
    scorecard.recuse_same_country = True
    scorecard.save()
    assert (
        services.assign(scorecard, submission("Davao", "PH"), reviewer, by=staff).recusal
        == Recusal.SAME_COUNTRY
    )


def test_a_reviewer_is_assigned_to_a_submission_once(scorecard, reviewers):
    application, staff = submission(), secretariat_user()
    services.assign(scorecard, application, reviewers[0], by=staff)
    with pytest.raises(services.ReviewRefused, match="already assigned"):
        services.assign(scorecard, application, reviewers[0], by=staff)
    assert Assignment.objects.count() == 1


def test_reviewers_assigned_at_random_share_the_load_and_never_judge_their_own(scorecard, reviewers):
    applications = [submission(f"City {number}", "KE") for number in range(4)]
    official_of(applications[0].organisation, user=reviewers[0])
    made, short = services.assign_at_random(
        scorecard, applications, 2, by=secretariat_user(), rng=random.Random(7)
    )
    assert len(made) == 8 and short == []
    load = Counter(assignment.reviewer_id for assignment in made)
    assert max(load.values()) - min(load.values()) <= 1
    assert not [a for a in made if a.reviewer == reviewers[0] and a.subject_id == applications[0].pk]
    assert all(not assignment.recused for assignment in made)


def test_too_few_free_reviewers_leave_a_submission_short_and_say_so(scorecard, reviewers):
    application = submission("Cauayan")
    for reviewer in reviewers[:2]:
        official_of(application.organisation, user=reviewer)
    made, short = services.assign_at_random(scorecard, [application], 2, by=secretariat_user())
    assert [assignment.reviewer for assignment in made] == [reviewers[2]]
    assert short == [application]


def test_a_declared_conflict_needs_a_reason_and_comes_from_the_reviewer_alone(scorecard, reviewers):
    assignment = services.assign(scorecard, submission(), reviewers[0], by=secretariat_user())
    with pytest.raises(services.ReviewRefused, match="Only the reviewer"):
        services.declare_conflict(assignment, by=reviewers[1], note="Not mine to say.")
    with pytest.raises(services.ReviewRefused, match="what the conflict of interest is"):
        services.declare_conflict(assignment, by=reviewers[0], note="  ")
    assignment.refresh_from_db()
    assert not assignment.recused
    services.declare_conflict(assignment, by=reviewers[0], note="My sister leads this project.")
    assert assignment.recusal == Recusal.DECLARED


def test_a_recused_reviewer_does_not_count_towards_the_number_asked_for(scorecard, reviewers):
    application, staff = submission("Cauayan"), secretariat_user()
    recused = services.assign(scorecard, application, reviewers[0], by=staff)
    services.declare_conflict(recused, by=reviewers[0], note="I know the mayor's office well.")
    made, short = services.assign_at_random(scorecard, [application], 2, by=staff)
    assert sorted(assignment.reviewer.pk for assignment in made) == sorted(r.pk for r in reviewers[1:])
    assert short == []


def test_a_drawing_runs_as_many_queries_for_six_submissions_as_for_two(scorecard, reviewers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programs.models import SolutionFinderApplication

    staff = secretariat_user()
    counts = []
    for number in (2, 6):
        ids = [submission(f"City {number}-{index}", "KE").pk for index in range(number)]
        subjects = SolutionFinderApplication.objects.select_related("organisation").filter(pk__in=ids)
        with CaptureQueriesContext(connection) as captured:
            made, _ = services.assign_at_random(scorecard, subjects, 2, by=staff)
        assert len(made) == 2 * number
        counts.append(len(captured))
    assert counts[0] == counts[1]
