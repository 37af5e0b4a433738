"""Every public list, filter, export and compare page takes control characters in its query string
(NUL made PostgreSQL refuse the query: a 500) and answers its normal page; they are removed, by
one middleware, before any view reads request.GET (wego.input)."""

import json

import pytest
from django.http import QueryDict

from members.filters import MemberFilter
from programs.filters.catalogue import PartnerFilter, SolutionFilter
from programs.filters.exchange import ProjectFilter
from tests.factories import (
    MemberFactory,
    ProjectFactory,
    RegionFactory,
    SolutionFactory,
    UserFactory,
    with_mfa,
)
from tests.listing import listed
from wego.input import cleaned_query, without_control_characters

pytestmark = pytest.mark.django_db

CONTROL_CHARACTERS = ["\x00", "\x01", "\x1b", "\x7f"]
UNKNOWN = "utm_source"

# The public pages that read a query string (members/urls.py, programs/urls/), with the filters
# whose parameters they read: every parameter a filter declares is tried, and `page`.
LISTS = {
    "/members/": MemberFilter,
    "/members/export.csv": MemberFilter,
    "/members/export.json": MemberFilter,
    "/driver/partners/": PartnerFilter,
    "/driver/solutions/": SolutionFilter,
    "/driver/exchange/": ProjectFilter,
    "/driver/exchange/export.csv": ProjectFilter,
    "/driver/exchange/export.json": ProjectFilter,
}
CASES = [
    (url, parameter)
    for url, filter_class in LISTS.items()
    for parameter in [*filter_class.base_filters, "page", UNKNOWN]
] + [("/driver/exchange/compare/", "p"), ("/driver/exchange/compare/", UNKNOWN)]


@pytest.fixture
def something_on_every_list():
    europe = RegionFactory(name="Europe")
    ProjectFactory(title="Bus priority lanes", city=MemberFactory(name="Paris", country="FR", region=europe))
    SolutionFactory(name="Open data platform")
    MemberFactory(name="Nairobi", country="KE", region=RegionFactory(name="Africa"))


def assert_normal_page(response, url, parameter=None, value=""):
    if url.endswith(".json") and parameter == "page" and without_control_characters(value):
        # What is left is not a page number: the JSON exports say so (wego/exports.py).
        assert response.status_code == 400
        assert "The page must be a whole number from 1" in response.json()["error"]
        return
    assert response.status_code == 200
    if url.endswith(".csv"):
        assert response["Content-Type"].startswith("text/csv")
        assert ",slug," in response.text.splitlines()[0]  # the header row, at least
    elif url.endswith(".json"):
        assert isinstance(json.loads(response.content), list)
    else:
        assert "<h1" in response.text and response.text.rstrip().endswith("</html>")


@pytest.mark.parametrize(("url", "parameter"), CASES)
def test_every_list_export_and_compare_page_answers_normally_with_control_characters_in_any_parameter(
    client, something_on_every_list, url, parameter
):
    for character in CONTROL_CHARACTERS:
        for value in [character, f"{character}euro{character}pe"]:
            response = client.get(url, {parameter: value})
            assert_normal_page(response, url, parameter, value)


@pytest.mark.parametrize("character", CONTROL_CHARACTERS)
def test_control_characters_in_a_parameters_name_are_removed_too(client, something_on_every_list, character):
    response = client.get(f"/members/?reg{character}ion=europe")
    assert listed(response) == ["Paris"]


def test_a_filter_value_with_a_control_character_inside_still_filters(client, something_on_every_list):
    response = client.get("/members/", {"region": "eur\x00ope", "q": "pa\x1bris"})
    assert listed(response) == ["Paris"]
    assert not response.context["notices"]


def test_the_compare_page_finds_a_project_whose_address_came_with_a_nul(client, something_on_every_list):
    response = client.get("/driver/exchange/compare/", {"p": ["bus-priority-lanes\x00", "\x00"]})
    assert response.status_code == 200
    assert [project.title for project in response.context["projects"]] == ["Bus priority lanes"]


def test_the_admin_lists_take_control_characters_in_their_query_string_too(client, something_on_every_list):
    client.force_login(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    for url in ["/admin/members/member/", "/admin/programs/project/", "/admin/organisations/organisation/"]:
        response = client.get(url, {"q": "Par\x00is", "o": "\x7f", "p": "\x01"})
        assert response.status_code == 200
        assert response.context["cl"].result_count == 1


def test_cleaning_keeps_every_value_and_drops_tabs_and_line_breaks_as_well():
    query = QueryDict("p=a%00b&p%01=c&q=%09bus%0A%0D&r=%E2%9C%93%7F")
    cleaned = cleaned_query(query)
    assert cleaned.getlist("p") == ["ab", "c"]
    assert cleaned["q"] == "bus"
    assert cleaned["r"] == "✓"
    with pytest.raises(AttributeError):  # read-only, as Django's own request.GET
        cleaned["q"] = "tram"
