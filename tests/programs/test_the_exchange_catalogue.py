"""The Exchange catalogue: published projects only, filters, sorting, pages, live updates, bad input."""

import pytest

from programs.models import Project
from tests.factories import AreaFactory, MemberFactory, ProjectFactory, RegionFactory
from tests.listing import listed
from tests.queries import query_count

pytestmark = pytest.mark.django_db

URL = "/driver/exchange/"


@pytest.fixture
def projects():
    europe, africa = RegionFactory(name="Europe"), RegionFactory(name="Africa")
    mobility, water = AreaFactory(name="Public Transportation"), AreaFactory(name="Water Management")
    paris = MemberFactory(name="Paris", country="FR", region=europe)
    nairobi = MemberFactory(name="Nairobi", country="KE", region=africa)
    made = {
        "buses": ProjectFactory(
            title="Bus priority lanes",
            city=paris,
            stage="pilot",
            start_year=2018,
            end_year=2020,
            areas=[mobility],
        ),
        "meters": ProjectFactory(
            title="Smart water meters",
            city=nairobi,
            stage="implemented",
            start_year=2020,
            areas=[water],
        ),
        "ticketing": ProjectFactory(
            title="Account-based ticketing",
            city=nairobi,
            stage="scaled",
            start_year=2016,
            end_year=2019,
            areas=[mobility, water],
        ),
        "draft": ProjectFactory(
            title="Bus rapid transit study", city=paris, status="submitted", areas=[mobility]
        ),
        "gone": ProjectFactory(title="Bike sharing", city=paris, status="unpublished", areas=[mobility]),
    }
    return made


def test_lists_only_published_projects_with_a_count(client, projects):
    response = client.get(URL)
    assert response.status_code == 200
    assert listed(response, "title") == [
        "Account-based ticketing",
        "Bus priority lanes",
        "Smart water meters",
    ]
    assert "3 projects found" in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"area": "water-management"}, ["Account-based ticketing", "Smart water meters"]),
        ({"region": "europe"}, ["Bus priority lanes"]),
        ({"country": "KE"}, ["Account-based ticketing", "Smart water meters"]),
        ({"country": "ke"}, ["Account-based ticketing", "Smart water meters"]),
        ({"stage": "pilot"}, ["Bus priority lanes"]),
        ({"area": "public-transportation", "country": "KE"}, ["Account-based ticketing"]),
    ],
)
def test_filters(client, projects, params, expected):
    assert listed(client.get(URL, params), "title") == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # A project counts in every year from its start to its end; without an end, in its start year.
        ("2019", ["Account-based ticketing", "Bus priority lanes"]),
        ("2020", ["Bus priority lanes", "Smart water meters"]),
        ("2016", ["Account-based ticketing"]),
    ],
)
def test_a_project_counts_for_every_year_it_ran(client, projects, year, expected):
    assert listed(client.get(URL, {"year": year}), "title") == expected


def test_the_year_choices_span_the_published_projects(client, projects):
    form = client.get(URL).context["filter"].form
    assert [value for value, _ in form.fields["year"].choices][1:] == [str(y) for y in range(2020, 2015, -1)]


def test_the_country_choices_are_those_of_published_projects(client, projects):
    ProjectFactory(title="Unpublished in Japan", city=MemberFactory(country="JP"), status="submitted")
    form = client.get(URL).context["filter"].form
    assert list(form.fields["country"].choices) == [("", "All countries"), ("FR", "France"), ("KE", "Kenya")]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["Account-based ticketing", "Bus priority lanes", "Smart water meters"]),
        ("-title", ["Smart water meters", "Bus priority lanes", "Account-based ticketing"]),
        ("-start", ["Smart water meters", "Bus priority lanes", "Account-based ticketing"]),
        ("stage", ["Bus priority lanes", "Smart water meters", "Account-based ticketing"]),
    ],
)
def test_sorts(client, projects, sort, expected):
    assert listed(client.get(URL, {"sort": sort}), "title") == expected


def test_searches_and_filters_together(client, projects):
    response = client.get(URL, {"q": "bus", "country": "FR"})
    assert listed(response, "title") == ["Bus priority lanes"]


def test_the_filters_in_force_are_listed(client, projects):
    response = client.get(URL, {"area": "water-management", "stage": "scaled", "q": "ticket"})
    assert response.context["filter"].active_filters() == [
        ("Search", "ticket"),
        ("Area", "Water Management"),
        ("Stage", "Scaled"),
    ]
    assert "Clear all filters" in response.text


def test_each_row_can_be_picked_for_the_benchmark_without_javascript(client, projects):
    response = client.get(URL)
    assert '<form method="get" action="/driver/exchange/compare/"' in response.text
    assert 'name="p" value="bus-priority-lanes"' in response.text
    assert '<form method="get" action="/driver/exchange/"' in response.text


def test_htmx_requests_get_only_the_results(client, projects):
    response = client.get(URL, {"stage": "pilot"}, headers={"HX-Request": "true"})
    assert response.text.lstrip().startswith('<div id="results">')
    assert "<html" not in response.text
    assert '<div id="result-status" role="status" hx-swap-oob="innerHTML">' in response.text
    assert "1 project found" in response.text
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_whole_page(client, projects):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in client.get(URL, headers=headers).text


def test_paginates_and_page_links_keep_the_filters(client):
    area = AreaFactory(name="Public Transportation")
    ProjectFactory.create_batch(45, areas=[area], stage="pilot")
    response = client.get(URL, {"stage": "pilot", "page": "2"})
    page = response.context["page"]
    assert page.number == 2 and len(page.object_list) == 20
    assert "page 2 of 3" in response.text
    assert 'href="?stage=pilot&amp;page=3"' in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"area": "atlantis"},
        {"region": "mars"},
        {"country": "ZZ"},
        {"stage": "dreaming"},
        {"year": "last-year"},
        {"year": "1850"},
        {"sort": "secret_column"},
    ],
)
def test_an_unknown_filter_value_is_ignored_with_a_message(client, projects, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 3
    assert "This filter was ignored." in response.text


def test_a_bad_filter_does_not_cancel_the_good_ones(client, projects):
    response = client.get(URL, {"area": "atlantis", "stage": "pilot"})
    assert listed(response, "title") == ["Bus priority lanes"]
    assert "Area: There is no area “atlantis”. This filter was ignored." in response.text


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("-3", 1), ("0", 1), ("99999999999999999999", 1)])
def test_a_bad_page_number_shows_a_page(client, projects, page, expected):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number == expected


def test_a_page_beyond_the_end_says_so(client, projects):
    response = client.get(URL, {"page": "9999"})
    assert "That page does not exist; showing page 1 of 1." in response.text


def test_a_very_long_search_is_cut_with_a_message(client, projects):
    response = client.get(URL, {"q": "bus " + "x" * 10_000})
    assert response.status_code == 200
    assert "only the first 100 were used" in response.text
    assert len(response.content) < 60_000


@pytest.mark.parametrize(
    "text",
    [
        "bus'; DROP TABLE programs_project;--\x00",
        "\x01\x02\x1f bus",
        '"unterminated',
        "-",
        "or or or",
        "!!! ::: &&& |||",
        "(bus) <-> :*",
        "😀 ścieżka 公交",
    ],
)
def test_odd_searches_are_just_text(client, projects, text):
    response = client.get(URL, {"q": text})
    assert response.status_code == 200
    assert Project.objects.count() == 5


def test_markup_is_never_rendered(client, projects):
    attack = '"><script>alert(1)</script>'
    response = client.get(URL, {"q": attack, "area": attack})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_a_huge_bad_value_is_quoted_back_only_briefly(client, projects):
    response = client.get(URL, {"stage": "X" * 10_000})
    assert response.status_code == 200
    assert "“" + "X" * 40 + "…”" in response.text
    assert len(response.content) < 60_000


@pytest.mark.parametrize(
    "url",
    [
        URL,
        URL + "?q=buses+dashboard&stage=implemented&area=public-transportation&region=asia-pacific&year=2019",
        URL + "?q=buses&country=KR&sort=-start&page=2",
    ],
)
def test_the_catalogue_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, url):
    areas = [AreaFactory(name=name) for name in ["Public Transportation", "Water Management", "e-Government"]]
    city = MemberFactory(region=RegionFactory(name="Asia-Pacific"))
    ProjectFactory.create_batch(30, city=city, areas=areas)  # two pages
    small = query_count(client, url)
    ProjectFactory.create_batch(270, city=city, areas=areas)
    for number in range(10):
        AreaFactory(name=f"Extra area {number}")
    large = query_count(client, url)
    assert small == large
    with django_assert_max_num_queries(10):
        client.get(url)


def test_the_country_and_year_choices_follow_publication_at_once(client):
    from django.urls import reverse

    from wego.workflow.engine import perform

    from .sf_helpers import secretariat_user

    ProjectFactory(city=MemberFactory(country="KR"), start_year=2019)
    first = client.get(reverse("programs:exchange")).content.decode()
    assert 'value="KE"' not in first and 'value="2024"' not in first
    waiting = ProjectFactory(city=MemberFactory(country="KE"), start_year=2024, status="submitted")
    perform(waiting, "publish", actor=secretariat_user())
    after = client.get(reverse("programs:exchange")).content.decode()
    assert 'value="KE"' in after and 'value="2024"' in after
