"""A member's page shows what WeGO knows of the organisation: its description, website, logo, city,
country, region, regional office, and what it appears in elsewhere on the portal."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import MemberFactory, ProjectFactory, RegionalOfficeFactory, official_of
from tests.states import put_in

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def member():
    member = MemberFactory(name="Ulaanbaatar", country="MN")
    organisation = member.organisation
    organisation.city = "Ulaanbaatar"
    organisation.description = "The capital of Mongolia.\nHome of the Smart Ulaanbaatar programme."
    organisation.website = "https://ulaanbaatar.mn"
    organisation.contact_email = "smartcity@ulaanbaatar.mn"
    organisation.logo.save("logo.png", ContentFile(PNG), save=True)
    return member


def test_the_page_shows_the_description_website_contact_and_place(client, member):
    text = client.get("/members/ulaanbaatar/").text
    assert "<p>The capital of Mongolia.<br>Home of the Smart Ulaanbaatar programme.</p>" in text
    assert 'href="https://ulaanbaatar.mn"' in text
    assert 'href="mailto:smartcity@ulaanbaatar.mn"' in text
    assert "Mongolia" in text and "Asia-Pacific" in text


def test_the_page_names_the_regional_office_of_its_region(client, member):
    RegionalOfficeFactory(name="East Asia Regional Office", region=member.organisation.region)
    assert "East Asia Regional Office" in client.get("/members/ulaanbaatar/").text


def test_the_logo_is_shown_and_served_as_the_image_it_is(client, member):
    assert 'src="/members/ulaanbaatar/logo/?v=' in client.get("/members/ulaanbaatar/").text
    response = client.get("/members/ulaanbaatar/logo/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG


def test_a_logo_file_that_is_not_an_image_is_not_served(client, member):
    organisation = member.organisation
    organisation.logo.save("logo.png", ContentFile(b"<svg onload='alert(1)'/>"), save=True)
    assert client.get("/members/ulaanbaatar/logo/").status_code == 404


def test_a_member_without_a_logo_has_no_logo_address(client):
    MemberFactory(name="Plainville")
    assert client.get("/members/plainville/logo/").status_code == 404
    assert "/logo/" not in client.get("/members/plainville/").text


def test_the_page_links_to_the_members_published_exchange_projects_and_no_others(client, member):
    ProjectFactory(title="Smart bus stops", city=member)
    ProjectFactory(title="Shared by the city elsewhere", city_name="Darkhan", organisation=member)
    put_in(ProjectFactory(title="Not published yet", city=member), "submitted")
    text = client.get("/members/ulaanbaatar/").text
    assert 'href="/driver/exchange/smart-bus-stops/"' in text
    assert 'href="/driver/exchange/shared-by-the-city-elsewhere/"' in text
    assert "In the Exchange: 2 projects" in text
    assert "Not published yet" not in text


def test_a_member_in_nothing_else_has_no_empty_sections(client):
    MemberFactory(name="Quietown")
    text = client.get("/members/quietown/").text
    assert "In the Exchange" not in text and "Solution Finder" not in text


def test_an_official_is_offered_to_edit_the_profile_and_a_visitor_is_not(client, member):
    assert "/my/organisations/ulaanbaatar/profile/" not in client.get("/members/ulaanbaatar/").text
    client.force_login(official_of(member))
    assert 'href="/my/organisations/ulaanbaatar/profile/"' in client.get("/members/ulaanbaatar/").text


def test_a_published_solution_finder_package_is_listed_apart_from_the_exchange_projects(client, member):
    from tests.programs.sf_helpers import application_in, package_for

    package = package_for(application_in("completed", organisation=member), name="Smart bus stops")
    ProjectFactory(title="Smart bus stops", city=member, organisation=member, package=package)
    text = client.get("/members/ulaanbaatar/").text
    assert "From the Solution Finder: 1 published package" in text
    assert 'href="/driver/exchange/smart-bus-stops/"' in text
    assert "In the Exchange:" not in text
