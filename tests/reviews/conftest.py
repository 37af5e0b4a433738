import pytest

from reviews.models import Criterion, Scorecard
from reviews.workflow import SCORECARD, SCORING
from tests.factories import MemberFactory, SolutionFinderApplicationFactory, staff_in
from tests.states import put_in

REVIEWER = "Programme reviewer"


@pytest.fixture
def scorecard():
    """A scorecard open for scoring, owned by an organisation (any model may own one), with three
    criteria weighing 2, 1 and 1 on a scale of 1 to 5; disagreement flagged from 1.5 apart."""
    owner = MemberFactory(name="WeGO Secretariat").organisation
    card = Scorecard.objects.create(owner=owner, title="Project Implementer 2021", disagreement="1.50")
    for position, (name, weight) in enumerate([("Commitment", 2), ("Alignment", 1), ("Sustainability", 1)]):
        Criterion.objects.create(scorecard=card, name=name, weight=weight, position=position)
    return put_in(card, sorted(SCORECARD.states_with(SCORING))[0])


def criteria(card):
    return list(card.criteria.order_by("position"))


@pytest.fixture
def reviewers():
    return [staff_in(REVIEWER, first_name=name) for name in ("Ana", "Ben", "Chloé")]


def submission(name="Cauayan", country="PH"):
    """What is judged: any model with an `organisation` (here a Solution Finder application)."""
    return SolutionFinderApplicationFactory(
        organisation=MemberFactory(name=name, country=country).organisation
    )
