"""The catalogue as open data: CSV and JSON with the catalogue's filters, safe in a spreadsheet."""

import csv
import io
import json

import factory
import pytest

from tests.factories import AreaFactory, MemberFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects():
    mobility, water = AreaFactory(name="Public Transportation"), AreaFactory(name="Water Management")
    ProjectFactory(
        title="Bus lanes in São Paulo",
        slug="bus-lanes",
        city=MemberFactory(name="São Paulo", country="BR"),
        stage="pilot",
        start_year=2018,
        end_year=2021,
        budget_amount="1500000.00",
        budget_currency="BRL",
        areas=[mobility, water],
    )
    ProjectFactory(
        title='=HYPERLINK("http://evil")',
        slug="formula",
        city=None,
        city_name="Nowhere",
        country="FR",
        region=None,
        stage="concept",
        areas=[water],
    )
    ProjectFactory(title="Not yet public", slug="draft", status="submitted", areas=[water])


def rows_of(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_lists_published_projects_in_the_documented_columns(client, projects):
    response = client.get("/driver/exchange/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = rows_of(response)
    assert [row["slug"] for row in rows] == ["formula", "bus-lanes"]
    bus = rows[1]
    assert bus["city"] == "São Paulo" and bus["country"] == "BR" and bus["country_name"] == "Brazil"
    assert bus["areas"] == "public-transportation;water-management"
    assert bus["start_year"] == "2018" and bus["end_year"] == "2021"
    assert bus["budget_amount"] == "1500000.00" and bus["budget_currency"] == "BRL"
    assert bus["url"] == "http://testserver/driver/exchange/bus-lanes/"


def test_csv_cells_never_run_as_formulas(client, projects):
    rows = rows_of(client.get("/driver/exchange/export.csv"))
    assert rows[0]["title"].startswith("'=")
    assert rows[0]["city"] == "Nowhere" and rows[0]["member_city"] == ""


def test_json_has_the_same_rows_with_the_filters(client, projects):
    response = client.get("/driver/exchange/export.json", {"stage": "pilot", "q": "sao paulo"})
    rows = json.loads(response.content)
    assert [row["slug"] for row in rows] == ["bus-lanes"]
    assert rows[0]["areas"] == "public-transportation;water-management"
    assert rows[0]["end_year"] == 2021


def test_json_comes_a_page_at_a_time_with_each_projects_areas(client, projects, settings):
    settings.OPEN_DATA_PAGE_SIZE = 1
    first = client.get("/driver/exchange/export.json")
    assert [row["slug"] for row in first.json()] == ["formula"]
    assert first.json()[0]["areas"] == "water-management"
    assert 'page=2>; rel="next"' in first["Link"]
    second = client.get("/driver/exchange/export.json", {"page": "2"})
    assert [row["slug"] for row in second.json()] == ["bus-lanes"]
    assert second.json()[0]["areas"] == "public-transportation;water-management"
    assert 'rel="next"' not in second["Link"]


def test_bad_filters_are_ignored_not_an_error(client, projects):
    response = client.get("/driver/exchange/export.json", {"area": "atlantis", "q": "x" * 10_000})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url", ["/driver/exchange/export.csv", "/driver/exchange/export.json?q=bus&stage=pilot"]
)
def test_an_export_runs_two_queries_whatever_its_size(client, django_assert_num_queries, url):
    areas = [AreaFactory(name="Public Transportation"), AreaFactory(name="Water Management")]
    ProjectFactory.create_batch(
        60, areas=areas, stage="pilot", title=factory.Sequence(lambda n: f"Bus {n:04d}")
    )
    with django_assert_num_queries(2):
        client.get(url)
