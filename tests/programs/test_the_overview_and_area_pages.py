"""The Smart City Driver's overview (/driver/) and the pages of its sixteen areas."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from programs.models import Area
from tests.factories import AreaFactory, MemberFactory, PartnerFactory, ProjectFactory, SolutionFactory
from tests.queries import query_count

pytestmark = pytest.mark.django_db


def test_the_overview_lists_the_sixteen_areas_of_the_report_with_links(client, report_data):
    response = client.get("/driver/")
    assert response.status_code == 200
    assert Area.objects.count() == 16
    for area in Area.objects.all():
        assert f'<a href="/driver/areas/{area.slug}/">{escape(area.name)}</a>' in response.text
    # Ligatures the PDF lost are repaired.
    assert "Energy Efficiency" in response.text and "Traffic Management" in response.text


def test_the_overview_tells_what_the_report_says_and_links_the_activator(client, report_data):
    text = client.get("/driver/").text
    assert "overarching strategic digitization framework" in text
    for function in ["Discover", "Plan", "Exchange"]:
        assert f">{function}</h3>" in text
    assert f'href="{reverse("programs:solution-finder")}"' in text
    assert f'href="{reverse("programs:exchange")}"' in text
    assert 'href="/driver/partners/"' in text and 'href="/driver/solutions/"' in text
    steps = text.split('<ol class="driver-steps">')[1].split("</ol>")[0]
    assert steps.count("<li>") == 4
    assert "WeGO connects the cities with relevant strategic partners" in steps


def test_the_header_leads_to_the_smart_city_driver(client, db):
    assert '<a class="nav-link" href="/driver/">Smart City Driver</a>' in client.get("/").text
    assert 'href="/driver/" aria-current="page">Smart City Driver' in client.get("/driver/").text


@pytest.fixture
def water():
    return AreaFactory(name="Water Management")


def test_an_area_shows_its_listed_partners_solutions_and_published_projects(client, water):
    other = AreaFactory(name="Tourism")
    partner = PartnerFactory(name="Aqua Metrics", areas=[water])
    PartnerFactory(name="Hidden Waters", areas=[water], is_listed=False)
    PartnerFactory(name="Tour Guides", areas=[other])
    SolutionFactory(name="Leak Finder", partner=partner, areas=[water])
    SolutionFactory(name="Old Pipe Map", partner=partner, areas=[water], is_listed=False)
    SolutionFactory(name="Secret Sensor", partner=PartnerFactory(is_listed=False), areas=[water])
    ProjectFactory(title="Smart Water Grid", areas=[water])
    ProjectFactory(title="Draft Dam", areas=[water], status="draft")

    response = client.get("/driver/areas/water-management/")
    assert response.status_code == 200
    assert [p.name for p in response.context["partners"]] == ["Aqua Metrics"]
    assert [s.name for s in response.context["solutions"]] == ["Leak Finder"]
    assert [p.title for p in response.context["projects"]] == ["Smart Water Grid"]
    assert f'href="{reverse("programs:exchange")}?area=water-management"' in response.text
    for hidden in ["Hidden Waters", "Tour Guides", "Old Pipe Map", "Secret Sensor", "Draft Dam"]:
        assert hidden not in response.text


def test_an_area_shows_at_most_a_handful_of_projects_and_links_to_the_rest(client, water):
    ProjectFactory.create_batch(9, areas=[water])
    response = client.get("/driver/areas/water-management/")
    assert len(response.context["projects"]) == 6
    assert "All projects in Water Management in the Exchange" in response.text


def test_an_unknown_area_is_404(client, db):
    assert client.get("/driver/areas/atlantis/").status_code == 404


def test_an_area_page_runs_a_constant_number_of_queries(client, water, django_assert_max_num_queries):
    city = MemberFactory()

    def add(n):
        for partner in PartnerFactory.create_batch(n, areas=[water]):
            SolutionFactory(partner=partner, areas=[water]).deployed_in.set([city.organisation])
        ProjectFactory.create_batch(n, areas=[water])

    add(2)
    small = query_count(client, "/driver/areas/water-management/")
    add(30)
    assert query_count(client, "/driver/areas/water-management/") == small
    with django_assert_max_num_queries(5):
        client.get("/driver/areas/water-management/")
