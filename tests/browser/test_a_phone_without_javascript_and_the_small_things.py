"""A phone without JavaScript has the menu, sign-in and the language choice; the Exchange's compare
ticks and table fit a phone; the footer names WeGO's website and links to the privacy notice."""

import pytest
from playwright.sync_api import expect

from programs.models import ProjectIndicator
from tests.factories import ProjectFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_the_menu_opens_and_leads_to_a_page_without_javascript(phone_without_javascript, portal):
    page = phone_without_javascript
    page.goto(f"{portal}/")
    offices = page.get_by_role("link", name="Offices", exact=True)
    expect(offices).to_be_hidden()
    page.locator("summary", has_text="Menu").click()
    offices.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Secretariat and regional offices")


def test_sign_in_is_reached_from_the_menu_without_javascript(phone_without_javascript, portal):
    page = phone_without_javascript
    page.goto(f"{portal}/members/")
    page.locator("summary", has_text="Menu").click()
    page.get_by_role("link", name="Sign in").click()
    expect(page.get_by_label("Password")).to_be_visible()


def test_the_language_is_changed_from_the_menu_without_javascript(phone_without_javascript, portal):
    page = phone_without_javascript
    page.goto(f"{portal}/members/offices/")
    page.locator("summary", has_text="Menu").click()
    page.get_by_role("link", name="한국어").click()
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    assert page.url.endswith("/ko/members/offices/")


def test_the_menu_stands_in_one_row_on_a_wide_screen(page, portal):
    page.goto(f"{portal}/")
    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Offices", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


@pytest.fixture
def three_projects(portal):
    for title in ["Adaptive traffic signals", "Traffic cameras at crossings", "Smart water meters"]:
        project = ProjectFactory(title=title)
        ProjectIndicator.objects.create(project=project, name="Average speed", unit="km/h", achieved="23")
    return portal


def test_the_compare_ticks_are_large_labelled_targets_on_a_phone(browser, three_projects):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{three_projects}/driver/exchange/")
    tick = page.get_by_label("Compare Adaptive traffic signals")
    box = tick.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    label = page.locator("label.compare-pick").first
    assert label.bounding_box()["height"] >= 44
    expect(label).to_contain_text("Compare")
    # A tap on the word ticks the box too.
    page.locator("label.compare-pick", has=tick).get_by_text("Compare", exact=True).tap()
    expect(tick).to_be_checked()
    context.close()


def test_the_compare_table_scrolls_in_its_own_box_with_the_first_column_in_view(browser, three_projects):
    context = browser.new_context(viewport={"width": 320, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{three_projects}/driver/exchange/")
    for title in ["Adaptive traffic signals", "Traffic cameras at crossings", "Smart water meters"]:
        page.get_by_label(f"Compare {title}").check()
    page.get_by_role("button", name="Compare the chosen projects").first.click()
    expect(page.locator("table thead th")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    region = page.get_by_role("region", name="The chosen projects, their facts and their indicators")
    region.evaluate("box => box.scrollLeft = box.scrollWidth")
    # Scrolled to the end: the third project is in view, and so is the column that names each row.
    expect(page.get_by_role("link", name="Smart water meters")).to_be_in_viewport()
    expect(page.get_by_role("rowheader", name="City")).to_be_in_viewport()
    row_header = page.get_by_role("rowheader", name="Stage").bounding_box()
    assert row_header["x"] >= 0 and row_header["x"] + row_header["width"] <= 320
    context.close()


def test_the_footer_names_wegos_website_and_links_to_the_privacy_notice(page, portal):
    page.goto(f"{portal}/")
    footer = page.locator("footer")
    website = footer.get_by_role("link", name="we-gov.org", exact=True)
    expect(website).to_have_attribute("href", "http://we-gov.org")
    expect(footer).not_to_contain_text("http://")
    footer.get_by_role("link", name="Privacy notice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    expect(page.get_by_role("link", name="secretariat@we-gov.org").first).to_be_visible()


def test_sign_up_links_to_the_privacy_notice(page, portal):
    page.goto(f"{portal}/accounts/signup/")
    page.get_by_role("main").get_by_role("link", name="the privacy notice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
