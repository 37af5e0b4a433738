"""Staff set a scorecard's criteria and scale in the admin while nobody has scored, then open the
scoring: from then on the criteria and the scale stay as the reviewers found them."""

import pytest

from reviews.models import Criterion
from reviews.workflow import SCORECARD
from tests.factories import secretariat_user
from tests.states import put_in

pytestmark = pytest.mark.django_db


def change_url(card):
    return f"/admin/reviews/scorecard/{card.pk}/change/"


def test_criteria_are_edited_while_preparing_and_fixed_once_the_scoring_opens(client, scorecard):
    put_in(scorecard, SCORECARD.initial)
    client.force_login(secretariat_user())
    page = client.get(change_url(scorecard))
    assert page.status_code == 200
    assert 'name="criteria-0-weight"' in page.text

    response = client.post(
        f"/admin/reviews/scorecard/{scorecard.pk}/transition/",
        {"transition": "open_scoring", "seen_state": SCORECARD.initial, "note": ""},
    )
    assert response.status_code == 302
    scorecard.refresh_from_db()
    assert scorecard.status != SCORECARD.initial

    page = client.get(change_url(scorecard)).text
    assert 'name="criteria-0-weight"' not in page
    assert "Commitment" in page
    assert Criterion.objects.get(name="Commitment").weight == 2


def test_scorecards_are_made_by_their_programme_not_in_the_admin(client, scorecard):
    client.force_login(secretariat_user())
    assert client.get("/admin/reviews/scorecard/add/").status_code == 403
    assert client.get("/admin/reviews/scorecard/").status_code == 200
