"""The public catalogue of solutions (/driver/solutions/) and a solution's page."""

import pytest

from tests.factories import (
    AreaFactory,
    MemberFactory,
    PartnerFactory,
    SolutionFactory,
    official_of_partner,
    secretariat_user,
)
from tests.listing import listed
from tests.queries import query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def solutions():
    water, mobility = AreaFactory(name="Water Management"), AreaFactory(name="Public Transportation")
    tech = PartnerFactory(name="Aqua Metrics", type="tech-company")
    bank = PartnerFactory(name="Banco", type="development-bank")
    hidden = PartnerFactory(name="Hidden Partner", is_listed=False)
    return {
        "leak": SolutionFactory(
            name="Leak Finder", partner=tech, areas=[water], maturity="pilot", price_model="subscription"
        ),
        "bus": SolutionFactory(
            name="Bús Tracker",
            partner=tech,
            areas=[mobility],
            maturity="market",
            price_model="licence",
            summary="Real-time arrival boards at every stop.",
        ),
        "loan": SolutionFactory(
            name="Green Loan",
            partner=bank,
            areas=[water, mobility],
            maturity="scaled",
            price_model="on-request",
        ),
        "unlisted": SolutionFactory(name="Old Draft", partner=tech, areas=[water], is_listed=False),
        "of hidden": SolutionFactory(name="Hidden Tool", partner=hidden, areas=[water]),
    }


def test_lists_listed_solutions_of_listed_partners(client, solutions):
    response = client.get("/driver/solutions/")
    assert response.status_code == 200
    assert listed(response) == ["Bús Tracker", "Green Loan", "Leak Finder"]
    assert "3 solutions found" in response.text
    assert "Old Draft" not in response.text and "Hidden Tool" not in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"area": "water-management"}, ["Green Loan", "Leak Finder"]),
        ({"maturity": "pilot"}, ["Leak Finder"]),
        ({"price": "licence"}, ["Bús Tracker"]),
        ({"partner_type": "development-bank"}, ["Green Loan"]),
        ({"area": "public-transportation", "partner_type": "tech-company"}, ["Bús Tracker"]),
        ({"sort": "-name"}, ["Leak Finder", "Green Loan", "Bús Tracker"]),
    ],
)
def test_filters_and_sorts(client, solutions, params, expected):
    assert listed(client.get("/driver/solutions/", params)) == expected


@pytest.mark.parametrize(
    ("typed", "found"),
    [("bus", ["Bús Tracker"]), ("LEAK", ["Leak Finder"]), ("arrival boards", ["Bús Tracker"])],
)
def test_searches_the_name_ignoring_accents_and_the_summary(client, solutions, typed, found):
    assert listed(client.get("/driver/solutions/", {"q": typed})) == found


@pytest.mark.parametrize(
    "params",
    [{"area": "atlantis"}, {"maturity": "ripe"}, {"price": "free-lunch"}, {"partner_type": "wizard"}],
)
def test_an_unknown_filter_value_is_ignored_with_a_message(client, solutions, params):
    response = client.get("/driver/solutions/", params)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 3
    assert "This filter was ignored." in response.text


def test_paginates(client, db):
    SolutionFactory.create_batch(26)
    response = client.get("/driver/solutions/", {"page": "2"})
    assert len(response.context["page"].object_list) == 2
    assert "26 solutions found" in response.text
    assert "That page does not exist" in client.get("/driver/solutions/", {"page": "7"}).text


def test_htmx_requests_get_only_the_results(client, solutions):
    response = client.get("/driver/solutions/", {"maturity": "pilot"}, headers={"HX-Request": "true"})
    assert response.text.lstrip().startswith('<div id="results">')
    assert '<div id="result-status" role="status" hx-swap-oob="innerHTML">' in response.text
    assert "1 solution found" in response.text
    assert "HX-Request" in response["Vary"]
    assert '<form method="get" action="/driver/solutions/"' in client.get("/driver/solutions/").text


@pytest.mark.parametrize(
    "url", ["/driver/solutions/", "/driver/solutions/?area=water-management&maturity=market&q=s"]
)
def test_the_catalogue_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, url):
    areas = [AreaFactory(name="Water Management"), AreaFactory(name="Healthcare")]
    SolutionFactory.create_batch(10, areas=areas)
    with django_assert_max_num_queries(6):
        small = query_count(client, url)
    SolutionFactory.create_batch(190, areas=areas)
    with django_assert_max_num_queries(6):
        assert query_count(client, url) == small


# A solution's page --------------------------------------------------------------------------------


def test_a_solution_page_shows_what_it_is_and_where_it_is_deployed(client, solutions):
    leak = solutions["leak"]
    seoul, suwon = MemberFactory(name="Seoul"), MemberFactory(name="Suwon")
    leak.deployed_in.set([suwon.organisation, seoul.organisation])
    leak.deployed_elsewhere, leak.references = "Lyon, Porto", "Seoul Water Authority, 2019"
    leak.save()
    response = client.get("/driver/solutions/leak-finder/")
    assert response.status_code == 200
    text = response.text
    assert 'Offered by <a href="/driver/partners/aqua-metrics/">Aqua Metrics</a>' in text
    assert '<a href="/driver/areas/water-management/">Water Management</a>' in text
    assert "Proven in pilots" in text and "Subscription" in text
    assert '<a href="/members/seoul/">Seoul</a>, <a href="/members/suwon/">Suwon</a>, Lyon, Porto' in text
    assert "Seoul Water Authority, 2019" in text


def test_an_unlisted_solution_or_one_of_an_unlisted_partner_is_404_to_the_public(client, solutions):
    assert client.get("/driver/solutions/old-draft/").status_code == 404
    assert client.get("/driver/solutions/hidden-tool/").status_code == 404
    assert client.get("/driver/solutions/nothing-here/").status_code == 404
    client.force_login(official_of_partner(PartnerFactory()))
    assert client.get("/driver/solutions/old-draft/").status_code == 404


def test_an_unlisted_solution_is_shown_to_its_partner_s_officials_and_the_secretariat(client, solutions):
    for person in [official_of_partner(solutions["unlisted"].partner), secretariat_user()]:
        client.force_login(person)
        response = client.get("/driver/solutions/old-draft/")
        assert response.status_code == 200
        assert "not listed in the public catalogue" in response.text
