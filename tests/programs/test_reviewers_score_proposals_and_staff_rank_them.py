"""Step 2 of a call on the site: staff assign reviewers; a reviewer reads the version a proposal is
in, scores it on its own page, sees the others' scores only after their own, declares a conflict;
staff read the ranking, sorted and as CSV. Nobody else finds any of these pages."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from reviews.models import Assignment, Review
from reviews.services import assign
from reviews.workflow import SCORECARD, SCORING
from tests.factories import MemberFactory, official_of, secretariat_user, staff_in
from tests.programs.implementer_helpers import city_with_official, closed, open_call, ready_proposal
from tests.states import put_in
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

REVIEWER = "Programme reviewer"


def under_review(call, name):
    """A proposal sent, screened and found eligible: version 1 is what reviewers judge."""
    organisation, official = city_with_official(name)
    proposal = ready_proposal(call, organisation, official)
    perform(proposal, "submit", actor=official)
    staff = secretariat_user()
    perform(proposal, "start_screening", actor=staff)
    return perform(proposal, "declare_eligible", actor=staff)


@pytest.fixture
def call():
    call = open_call()
    put_in(call.scorecard, sorted(SCORECARD.states_with(SCORING))[0])
    return call


def scores_for(call, *values, recommendation="support"):
    data = {
        "recommendation": recommendation,
        "note_for_applicant": "Clear and well argued.",
        "seen_version": 1,
    }
    for criterion, value in zip(call.scorecard.criteria.order_by("position"), values, strict=True):
        data[f"score-{criterion.pk}"] = value
        data[f"comment-{criterion.pk}"] = f"Scored {value}."
    return data


def test_a_reviewer_scores_the_version_they_read_and_then_sees_the_others(client, call):
    proposal = under_review(call, "Baguio")
    ana, ben = staff_in(REVIEWER, first_name="Ana"), staff_in(REVIEWER, first_name="Ben")
    first, second = (
        assign(call.scorecard, proposal, ana, by=ana),
        assign(call.scorecard, proposal, ben, by=ana),
    )
    client.force_login(ben)
    client.post(reverse("reviews:score", args=[second.pk]), scores_for(call, 2, 2, 2, 2, 2))
    client.force_login(ana)
    page = client.get(reverse("reviews:assignment", args=[first.pk]))
    assert "A third of the water is lost in leaks." in page.content.decode()
    assert not page.context["others"]  # not before their own review
    response = client.post(
        reverse("reviews:score", args=[first.pk]), scores_for(call, 5, 4, 4, 3, 5), follow=True
    )
    assert "Your review is saved" in response.content.decode()
    review = Review.objects.get(assignment=first)
    assert review.version.number == 1 and sorted(s.value for s in review.scores.all()) == [3, 4, 4, 5, 5]
    assert [other.assignment.reviewer for other in response.context["others"]] == [ben]


def test_a_reviewer_lists_their_own_assignments_and_nobody_elses(client, call):
    baguio, makati = under_review(call, "Baguio"), under_review(call, "Makati")
    ana, ben = staff_in(REVIEWER), staff_in(REVIEWER)
    assign(call.scorecard, baguio, ana, by=ana)
    assign(call.scorecard, makati, ben, by=ana)
    client.force_login(ana)
    page = client.get(reverse("reviews:assignments")).content.decode()
    assert "Baguio" in page and "Makati" not in page and "To score" in page
    ana.groups.clear()  # no longer a reviewer: nothing listed
    assert "Baguio" not in client.get(reverse("reviews:assignments")).content.decode()


def test_a_score_outside_the_scale_or_missing_is_refused_with_nothing_saved(client, call):
    proposal = under_review(call, "Baguio")
    reviewer = staff_in(REVIEWER)
    assignment = assign(call.scorecard, proposal, reviewer, by=reviewer)
    client.force_login(reviewer)
    for values in [(9, 4, 4, 3, 5), (5, 4, 4, 3, "")]:
        response = client.post(reverse("reviews:score", args=[assignment.pk]), scores_for(call, *values))
        assert response.status_code == 400 and response.context["form"].errors
    assert not Review.objects.exists()


def test_a_review_of_a_version_that_is_no_longer_the_latest_is_refused(client, call):
    proposal = under_review(call, "Baguio")
    reviewer = staff_in(REVIEWER)
    assignment = assign(call.scorecard, proposal, reviewer, by=reviewer)
    from wego.workflow.versions import record_version

    record_version(proposal, actor=secretariat_user())  # the city sent a new version meanwhile
    client.force_login(reviewer)
    response = client.post(
        reverse("reviews:score", args=[assignment.pk]), scores_for(call, 5, 4, 4, 3, 5), follow=True
    )
    assert "read version 2, then score it" in response.content.decode()
    assert not Review.objects.exists()


def test_a_reviewer_whose_score_was_for_an_earlier_version_is_told(client, call):
    proposal = under_review(call, "Baguio")
    reviewer = staff_in(REVIEWER)
    assignment = assign(call.scorecard, proposal, reviewer, by=reviewer)
    client.force_login(reviewer)
    client.post(reverse("reviews:score", args=[assignment.pk]), scores_for(call, 5, 4, 4, 3, 5))
    from wego.workflow.versions import record_version

    record_version(proposal, actor=secretariat_user())
    page = client.get(reverse("reviews:assignment", args=[assignment.pk])).content.decode()
    assert "Your scores are for version 1." in page


def test_a_reviewer_declares_a_conflict_and_can_no_longer_score(client, call):
    proposal = under_review(call, "Baguio")
    reviewer = staff_in(REVIEWER)
    assignment = assign(call.scorecard, proposal, reviewer, by=reviewer)
    client.force_login(reviewer)
    client.post(reverse("reviews:conflict", args=[assignment.pk]), {"note": "I advised Baguio in 2025."})
    assignment.refresh_from_db()
    assert assignment.recused
    page = client.get(reverse("reviews:assignment", args=[assignment.pk]))
    assert not page.context["scoring"] and "You are recused" in page.content.decode()
    client.post(reverse("reviews:score", args=[assignment.pk]), scores_for(call, 5, 4, 4, 3, 5))
    assert not Review.objects.exists()


def test_a_reviewer_acting_for_the_city_is_recused_at_once():
    call = open_call()
    proposal = under_review(call, "Baguio")
    reviewer = staff_in(REVIEWER)
    official_of(proposal.organisation, user=reviewer)
    assert assign(call.scorecard, proposal, reviewer, by=reviewer).recused


def test_nobody_but_the_assigned_reviewer_opens_or_scores_an_assignment(client, call):
    proposal = under_review(call, "Baguio")
    reviewer = staff_in(REVIEWER)
    assignment = assign(call.scorecard, proposal, reviewer, by=reviewer)
    urls = [reverse("reviews:assignment", args=[assignment.pk])]
    others = [
        staff_in(REVIEWER),  # a reviewer not assigned
        official_of(proposal.organisation),
        official_of(MemberFactory(name="Elsewhere")),
        secretariat_user(),
    ]
    for person in others:
        client.force_login(person)
        assert client.get(urls[0]).status_code == 404
        assert (
            client.post(
                reverse("reviews:score", args=[assignment.pk]), scores_for(call, 5, 4, 4, 3, 5)
            ).status_code
            == 404
        )
    reviewer.authenticator_set.all().delete()  # no second factor: no reviewer
    client.force_login(reviewer)
    assert client.get(urls[0]).status_code == 404
    assert not Review.objects.exists()


def test_staff_assign_by_hand_and_at_random(client, call):
    proposals = [under_review(call, name) for name in ("Baguio", "Makati", "Quezon")]
    reviewers = [staff_in(REVIEWER, first_name=name) for name in ("Ana", "Ben", "Chloé")]
    client.force_login(secretariat_user())
    url = reverse("programs:implementer-assign", args=[call.year])
    client.post(url, {"subject": proposals[0].pk, "reviewer": reviewers[0].pk})
    assert Assignment.objects.filter(subject_id=proposals[0].pk, reviewer=reviewers[0]).exists()
    client.post(reverse("programs:implementer-draw", args=[call.year]), {"per_proposal": 2})
    assert all(Assignment.objects.filter(subject_id=p.pk).count() == 2 for p in proposals)
    response = client.post(reverse("programs:implementer-draw", args=[call.year]), {"per_proposal": 0})
    assert response.status_code == 400


def test_the_ranking_matches_a_hand_computed_example_and_exports_it(client, call):
    """Weights are 1 each for the five usual criteria. Baguio: (5+4+4+3+5)/5 = 4.2 and 2.0 → mean
    3.1, median 3.1, spread 2.2 (flagged: the scorecard flags 2 apart). Makati: 3.0 and 3.4 → mean 3.2,
    spread 0.4. Quezon: nobody reviewed it."""
    baguio, makati, quezon = (under_review(call, name) for name in ("Baguio", "Makati", "Quezon"))
    ana, ben = staff_in(REVIEWER), staff_in(REVIEWER)
    given = {
        (baguio, ana): (5, 4, 4, 3, 5),
        (baguio, ben): (2, 2, 2, 2, 2),
        (makati, ana): (3, 3, 3, 3, 3),
        (makati, ben): (4, 3, 4, 3, 3),
    }
    for (proposal, reviewer), values in given.items():
        assignment = assign(call.scorecard, proposal, reviewer, by=reviewer)
        client.force_login(reviewer)
        client.post(reverse("reviews:score", args=[assignment.pk]), scores_for(call, *values))
    client.force_login(secretariat_user())
    rows = client.get(reverse("programs:implementer-ranking", args=[call.year])).context["rows"]
    assert [row["subject"] for row in rows] == [makati, baguio, quezon]
    assert rows[0]["standing"].shown == (Decimal("3.20"), Decimal("3.20"), Decimal("0.40"))
    assert rows[1]["standing"].shown == (Decimal("3.10"), Decimal("3.10"), Decimal("2.20"))
    assert rows[1]["standing"].disagreement and not rows[0]["standing"].disagreement
    assert rows[2]["standing"] is None
    by_spread = client.get(reverse("programs:implementer-ranking", args=[call.year]), {"sort": "spread"})
    assert [row["subject"] for row in by_spread.context["rows"]] == [baguio, makati, quezon]
    exported = client.get(reverse("programs:implementer-ranking", args=[call.year]), {"format": "csv"})
    lines = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert lines[1][:7] == ["1", "Makati", "Smart water meters", "2", "3.20", "3.20", "0.40"]
    assert lines[2][7] == "yes" and lines[3][3:] == ["0", "", "", "", ""]
    bad = client.get(
        reverse("programs:implementer-ranking", args=[call.year]), {"sort": "'; drop"}, follow=True
    )
    assert bad.status_code == 200 and "cannot be sorted by" in bad.content.decode()


@pytest.mark.parametrize("count", [2, 6])
def test_the_ranking_costs_the_same_queries_with_more_proposals(
    client, call, count, django_assert_max_num_queries
):
    reviewer = staff_in(REVIEWER)
    for number in range(count):
        proposal = under_review(call, f"City {number}")
        assignment = assign(call.scorecard, proposal, reviewer, by=reviewer)
        client.force_login(reviewer)
        client.post(reverse("reviews:score", args=[assignment.pk]), scores_for(call, 3, 3, 3, 3, 3))
    client.force_login(secretariat_user())
    with django_assert_max_num_queries(12):
        assert client.get(reverse("programs:implementer-ranking", args=[call.year])).status_code == 200


def test_only_the_secretariat_opens_the_reviewers_and_ranking_pages(client, call):
    urls = [
        reverse("programs:implementer-reviewing", args=[call.year]),
        reverse("programs:implementer-ranking", args=[call.year]),
    ]
    for person in [
        staff_in(REVIEWER),
        official_of(MemberFactory()),
        staff_in("Secretariat", email="x@we-gov.org"),
    ]:
        if person.email == "x@we-gov.org":
            person.authenticator_set.all().delete()  # staff without a second factor
        client.force_login(person)
        assert [client.get(url).status_code for url in urls] == [404, 404]
    client.force_login(secretariat_user())
    assert [client.get(url).status_code for url in urls] == [200, 200]


def test_the_city_reads_the_reviewers_notes_once_the_results_are_released(client, call):
    proposal = under_review(call, "Baguio")
    reviewer, recused = staff_in(REVIEWER), staff_in(REVIEWER)
    for person, note in ((reviewer, "Clear and well argued."), (recused, "Not to be read.")):
        assignment = assign(call.scorecard, proposal, person, by=person)
        client.force_login(person)
        client.post(
            reverse("reviews:score", args=[assignment.pk]),
            {**scores_for(call, 4, 4, 4, 4, 4), "note_for_applicant": note},
        )
    Assignment.objects.filter(reviewer=recused).update(recusal="declared")
    city = official_of(proposal.organisation)
    client.force_login(city)
    page = reverse("programs:proposal", args=[proposal.pk])
    assert "Clear and well argued." not in client.get(page).content.decode()  # not before the results
    staff = secretariat_user()
    perform(proposal, "choose", actor=staff)
    perform(closed(call), "release_results", actor=staff)
    shown = client.get(page).content.decode()
    assert "Clear and well argued." in shown and "Not to be read." not in shown
