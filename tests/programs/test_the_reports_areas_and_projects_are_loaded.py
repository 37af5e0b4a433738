"""The Smart City Driver's facts from the 2020 report: the sixteen areas and the projects it names."""

import pytest
from django.utils import translation

from programs.models import Area, Project
from programs.report_strings import REPORT_STRINGS
from tests.conftest import load_report

pytestmark = pytest.mark.django_db

AREAS = [
    "Agriculture",
    "Civic Engagement",
    "Connectivity",
    "Disaster Risk Management",
    "Education",
    "Energy Efficiency",
    "Healthcare",
    "Innovation & Startups",
    "Public Safety",
    "Public Transportation",
    "Renewables & Circular Economy",
    "Tourism",
    "Traffic Management",
    "Waste Management",
    "Water Management",
    "e-Government",
]


def test_the_sixteen_areas_with_their_ligatures_repaired(report_data):
    assert list(Area.objects.values_list("name", flat=True)) == AREAS
    assert len(set(Area.objects.values_list("slug", flat=True))) == 16


def test_the_exchange_starts_with_the_projects_the_report_names(report_data):
    projects = {p.slug: p for p in Project.objects.select_related("city")}
    assert set(projects) == {"cauayan-project-implementer-2020", "abuja-citypreneurs-nigeria"}
    cauayan = projects["cauayan-project-implementer-2020"]
    assert (cauayan.city.name, cauayan.country.code, cauayan.status) == ("Cauayan", "PH", "published")
    assert "postponed to 2021" in cauayan.summary
    assert "cauayan" in cauayan.search_document
    # The report gives no area, budget or indicator for these: nothing is made up.
    assert not cauayan.areas.exists() and cauayan.budget_amount is None and not cauayan.indicators.exists()


def test_loading_twice_changes_nothing():
    load_report()
    Project.objects.filter(slug="cauayan-project-implementer-2020").update(title="Edited by staff")
    output = load_report()
    assert Area.objects.count() == 16 and Project.objects.count() == 2
    assert Project.objects.get(slug="cauayan-project-implementer-2020").title == "Edited by staff"
    assert "(0 new)" in output


def test_every_area_name_can_be_translated(report_data):
    assert set(Area.objects.values_list("name", flat=True)) <= set(REPORT_STRINGS)
    with translation.override("ko"):
        assert str(Area.objects.get(slug="healthcare")) == "보건의료"
