"""The Smart City Driver's public pages in a browser: accessible, phone-sized, live filters, and a
partner's official keeping the profile and adding a solution that the catalogue then shows."""

import pytest
from playwright.sync_api import expect

from members.models import Member
from tests.browser.conftest import axe_violations
from tests.factories import AreaFactory, PartnerFactory, RegionFactory, SolutionFactory, official_of_partner

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture
def driver(portal):
    """The report's data plus a few partners and solutions, as the Secretariat would enter them."""
    water = AreaFactory(name="Water Management")
    mobility = AreaFactory(name="Public Transportation")
    aqua = PartnerFactory(
        name="Aqua Métrica",
        slug="aqua-metrica",
        type="tech-company",
        areas=[water],
        languages=["en", "es"],
        profile="Sensors and dashboards for water utilities in Latin America and Africa.",
        website="https://aqua.example",
        contact_phone="+52 55 1234 5678",
    )
    aqua.regions.set([RegionFactory(name="Americas"), RegionFactory(name="Africa")])
    PartnerFactory(name="Transit Advisors", type="consultant", areas=[mobility])
    solution = SolutionFactory(
        name="Leak Finder",
        partner=aqua,
        areas=[water],
        summary="Finds leaks in water mains from pressure readings, with a long description that goes on.",
        deployed_elsewhere="Monterrey, Nairobi",
    )
    solution.deployed_in.set([Member.objects.get(organisation__slug="seoul").organisation])
    return {"url": portal, "aqua": aqua}


@pytest.mark.parametrize(
    "path",
    [
        "/driver/",
        "/driver/areas/water-management/",
        "/driver/partners/",
        "/driver/partners/aqua-metrica/",
        "/driver/solutions/",
        "/driver/solutions/leak-finder/",
    ],
)
def test_no_serious_or_critical_accessibility_violation(page, driver, path):
    page.goto(f"{driver['url']}{path}")
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path", ["/driver/", "/driver/partners/", "/driver/partners/aqua-metrica/", "/driver/solutions/"]
)
def test_nothing_overflows_on_a_phone(browser, driver, path):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{driver['url']}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(page) == []
    context.close()


def test_a_visitor_filters_the_partners_live_and_opens_one(page, driver):
    page.goto(f"{driver['url']}/driver/")
    page.get_by_role("link", name="Strategic partners", exact=True).first.click()
    # The live filters work once the page's scripts ran: wait for that, not for the heading alone.
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategic partners")
    expect(page.locator("#result-count")).to_contain_text("2 partners found")
    page.get_by_label("Area").select_option(label="Water Management")
    expect(page.locator("#result-count")).to_contain_text("1 partner found")
    assert "area=water-management" in page.url
    page.get_by_label("Area").select_option(label="All areas")
    page.get_by_label("Search").fill("metrica")
    expect(page.locator("#result-count")).to_contain_text("1 partner found")
    page.get_by_role("link", name="Aqua Métrica").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aqua Métrica")
    expect(page.locator(".partner-facts")).to_contain_text("English, Spanish")


def test_the_catalogue_works_without_javascript(browser, driver):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{driver['url']}/driver/solutions/")
    page.get_by_label("Maturity").select_option(label="On the market")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#result-count")).to_contain_text("1 solution found")
    page.get_by_role("link", name="Leak Finder").click()
    expect(page.locator(".solution-facts")).to_contain_text("Seoul")
    context.close()


def test_a_partner_official_edits_the_profile_and_adds_a_solution_that_the_catalogue_shows(page, driver):
    official = official_of_partner(driver["aqua"])
    url = driver["url"]
    page.goto(f"{url}/accounts/login/?next=/driver/partners/aqua-metrica/")
    page.get_by_label("Email").fill(official.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aqua Métrica")

    page.get_by_role("link", name="Edit the profile").click()
    assert axe_violations(page) == []
    page.get_by_label("Profile").fill("Sensors, dashboards and training for water utilities.")
    page.get_by_label("Languages").select_option(["en", "es", "pt"])
    page.get_by_label("Europe").check()
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_role("status")).to_contain_text("The profile was saved.")
    expect(page.locator(".partner-profile")).to_contain_text("training for water utilities")
    expect(page.locator(".partner-facts")).to_contain_text("Portuguese")
    expect(page.locator(".partner-facts")).to_contain_text("Europe")

    page.get_by_role("link", name="Add a solution").click()
    page.get_by_role("button", name="Add the solution").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below.")
    page.get_by_label("Name").fill("Pressure Twin")
    page.get_by_label("Summary").fill("A digital twin of the water network's pressure zones.")
    page.get_by_role("group", name="Areas").get_by_label("Water Management").check()
    page.get_by_label("Maturity").select_option(label="Proven in pilots")
    page.get_by_label("Price model").select_option(label="Subscription")
    page.get_by_label("Member cities deployed in").select_option(label="Seoul (South Korea)")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Add the solution").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pressure Twin")
    expect(page.locator(".solution-facts")).to_contain_text("Seoul")

    page.goto(f"{url}/driver/solutions/?q=pressure+twin")
    expect(page.locator("#result-count")).to_contain_text("1 solution found")
    expect(page.get_by_role("link", name="Pressure Twin")).to_be_visible()
