"""A filtered or searched list runs its filter once: the page's rows and how many there are in all
come from one query (wego/listing.py, COUNT(*) OVER ()), not a COUNT and then the page. A page past
the last, where no row can carry the count, still shows the last page and says so."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import MemberFactory, RegionFactory
from tests.listing import listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def thirty_in_europe(settings):
    settings.DIRECTORY_PAGE_SIZE = 12
    europe = RegionFactory(name="Europe")
    for number in range(30):
        MemberFactory(name=f"Europa {number:02d}", region=europe)
    MemberFactory(name="Nairobi", region=RegionFactory(name="Africa"))


def page_and_sql(client, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/members/", query)
    return response, [entry["sql"] for entry in captured.captured_queries]


def test_the_count_comes_with_the_rows_of_the_page(client, thirty_in_europe):
    response, sql = page_and_sql(client, {"region": "europe", "page": "2"})
    assert listed(response) == [f"Europa {number:02d}" for number in range(12, 24)]
    page = response.context["page"]
    assert page.paginator.count == 30 and page.paginator.num_pages == 3
    assert not [statement for statement in sql if re.match(r'SELECT COUNT\(\*\) AS "__count"', statement)]
    assert "30 members" in response.text


def test_a_page_past_the_last_shows_the_last_with_a_notice(client, thirty_in_europe):
    response, _ = page_and_sql(client, {"region": "europe", "page": "7"})
    assert listed(response) == [f"Europa {number:02d}" for number in range(24, 30)]
    assert "That page does not exist; showing page 3 of 3." in response.text


def test_a_search_that_finds_nothing_says_so(client, thirty_in_europe):
    response, _ = page_and_sql(client, {"q": "Atlantis"})
    assert listed(response) == []
    assert response.context["page"].paginator.count == 0


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("99999999999999999999", 3),
        ("1" + "0" * 5000, 1),
    ],  # too long for a number: the first, as Django's paginator
)
def test_a_page_number_past_any_page_shows_a_page_and_says_so(client, thirty_in_europe, page, shown):
    response, _ = page_and_sql(client, {"region": "europe", "page": page})
    assert response.status_code == 200
    first = (shown - 1) * 12
    assert listed(response) == [f"Europa {number:02d}" for number in range(first, min(first + 12, 30))]
    assert f"That page does not exist; showing page {shown} of 3." in response.text
