"""The Exchange's text search through its one seam: ranked full-text search on PostgreSQL, or a fallback."""

import pytest

from programs import search
from programs.models import Project
from tests.factories import AreaFactory, MemberFactory, ProjectFactory
from tests.listing import listed

pytestmark = pytest.mark.django_db

URL = "/driver/exchange/"


@pytest.fixture
def projects():
    mobility = AreaFactory(name="Public Transportation")
    return [
        ProjectFactory(
            title="Traffic signal timing",
            summary="Traffic lights that adapt to traffic; traffic jams fell by a third.",
            areas=[mobility],
        ),
        ProjectFactory(
            title="Parking guidance", summary="Sensors show free parking spaces.", areas=[mobility]
        ),
        ProjectFactory(
            title="Bus lanes",
            summary="Dedicated lanes speed up buses in heavy traffic.",
            outcomes="Journeys 12 minutes shorter.",
            areas=[mobility],
        ),
        ProjectFactory(
            title="Smart parking pilot",
            summary="A pilot of parking sensors near the market.",
            city=MemberFactory(name="São Paulo", country="BR"),
            stage="pilot",
            areas=[mobility],
        ),
    ]


def test_results_are_ranked_by_relevance_on_postgresql(client, projects):
    assert search.full_text_available()
    response = client.get(URL, {"q": "traffic"})
    # The project that speaks of traffic the most comes first; title order would put "Bus lanes" first.
    assert listed(response, "title") == ["Traffic signal timing", "Bus lanes"]


def test_an_explicit_sort_wins_over_relevance(client, projects):
    assert listed(client.get(URL, {"q": "traffic", "sort": "title"}), "title") == [
        "Bus lanes",
        "Traffic signal timing",
    ]


def test_words_match_their_other_forms(client, projects):
    # English stemming: "sensor" finds "sensors", "lane" finds "lanes".
    assert set(listed(client.get(URL, {"q": "sensor"}), "title")) == {
        "Parking guidance",
        "Smart parking pilot",
    }
    assert listed(client.get(URL, {"q": "lane"}), "title") == ["Bus lanes"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("parking -pilot", {"Parking guidance"}),
        ('"parking sensors"', {"Smart parking pilot"}),
        ("buses or lights", {"Bus lanes", "Traffic signal timing"}),
        ("parking sensors", {"Parking guidance", "Smart parking pilot"}),
    ],
)
def test_websearch_syntax(client, projects, query, expected):
    assert set(listed(client.get(URL, {"q": query}), "title")) == expected


@pytest.mark.parametrize("query", ["sao paulo", "SÃO PAULO", "São Paulo"])
def test_accents_and_case_do_not_matter(client, projects, query):
    assert listed(client.get(URL, {"q": query}), "title") == ["Smart parking pilot"]


def test_the_city_area_and_outcomes_are_searched(client, projects):
    assert len(listed(client.get(URL, {"q": "transportation"}), "title")) == 4
    assert listed(client.get(URL, {"q": "journeys"}), "title") == ["Bus lanes"]


def test_the_sqlite_fallback_reads_words_phrases_and_exclusions(projects, monkeypatch):
    monkeypatch.setattr(search, "full_text_available", lambda: False)
    published = Project.objects.published()
    matches, ranked = search.search_projects(published, "PARKING Sens")
    assert ranked is False
    # Every word, in any order, case and accents ignored.
    assert sorted(p.title for p in matches) == ["Parking guidance", "Smart parking pilot"]
    assert [p.title for p in search.search_projects(published, "sensors parking")[0]] == [
        "Parking guidance",
        "Smart parking pilot",
    ]
    assert [p.title for p in search.search_projects(published, '"parking sensors"')[0]] == [
        "Smart parking pilot"
    ]
    assert [p.title for p in search.search_projects(published, "parking -pilot")[0]] == ["Parking guidance"]
    assert [p.title for p in search.search_projects(published, "são")[0]] == ["Smart parking pilot"]


def test_the_catalogue_works_on_the_fallback(client, projects, monkeypatch):
    monkeypatch.setattr(search, "full_text_available", lambda: False)
    response = client.get(URL, {"q": "traffic"})
    assert listed(response, "title") == ["Bus lanes", "Traffic signal timing"]  # by title: nothing to rank by


def test_the_search_document_is_folded_and_complete(projects):
    project = Project.objects.get(title="Smart parking pilot")
    assert "sao paulo" in project.search_document
    assert "brazil" in project.search_document
    assert "public transportation" in project.search_document
