import csv
import io
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_filters_searches_opens_a_member_and_downloads_the_csv(page, portal):
    page.goto(f"{portal}/")
    page.get_by_role("link", name="Browse the member directory").click()
    # The live filters work once the page's scripts ran: wait for that, not for the heading alone.
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Member directory")
    expect(page.locator("#result-count")).to_contain_text("166 members found")

    page.get_by_label("Region").select_option(label="Europe")
    expect(page.locator("#result-count")).to_contain_text("21 members found")
    page.get_by_label("Type").select_option(label="Local government")
    expect(page.locator("#result-count")).to_contain_text("17 members found")
    assert page.url.endswith("/members/?region=europe&type=local-government&sort=name")

    page.get_by_label("Search by name").fill("mos")
    expect(page.locator("#result-count")).to_contain_text("1 member found")
    page.get_by_role("link", name="Moscow").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Moscow")
    expect(page.locator(".member-facts")).to_contain_text("Russia")
    page.go_back()
    # The whole page comes back, not the fragment the live update fetched at the same address.
    expect(page.get_by_role("heading", level=1)).to_have_text("Member directory")
    expect(page.get_by_label("Search by name")).to_have_value("mos")
    expect(page.locator("#result-count")).to_contain_text("1 member found")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download_info.value.path().read_text(encoding="utf-8-sig"))))
    assert [row["name"] for row in rows] == ["Moscow"]
    assert rows[0]["country"] == "RU" and rows[0]["region"] == "europe"


def test_the_directory_works_without_javascript(browser, portal):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{portal}/members/")
    page.get_by_label("Region").select_option(label="Africa")
    page.get_by_label("Search by name").fill("state")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#result-count")).to_contain_text("10 members found")
    page.get_by_role("link", name="Kaduna State").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kaduna State")
    context.close()


def test_bad_input_in_the_address_gets_a_message_not_an_error(page, portal):
    page.goto(f"{portal}/members/?region=atlantis&page=abc&q=%3Cscript%3Ealert(1)%3C/script%3E")
    expect(page.get_by_role("status")).to_contain_text("This filter was ignored.")
    expect(page.locator("#result-count")).to_contain_text("0 members found")
    expect(page.get_by_label("Search by name")).to_have_value("<script>alert(1)</script>")


def test_the_directory_fits_a_phone(browser, portal):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{portal}/members/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    menu_link = page.get_by_role("link", name="Offices")
    expect(menu_link).to_be_hidden()
    page.locator("summary", has_text="Menu").click()
    menu_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Secretariat and regional offices")
    context.close()


def test_the_skip_link_moves_focus_to_the_main_content(page, portal):
    page.goto(f"{portal}/members/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_focus_is_clearly_visible_on_form_controls_and_links(page, portal):
    page.goto(f"{portal}/members/")
    for locator in [
        page.get_by_label("Region"),
        page.get_by_role("button", name="Apply filters"),
        page.get_by_role("link", name="Offices"),
    ]:
        locator.focus()
        outline = locator.evaluate(
            "element => getComputedStyle(element).outlineStyle + ' ' + getComputedStyle(element).outlineWidth"
        )
        assert outline == "solid 3px"


def test_after_a_live_update_the_language_switcher_keeps_the_filters(page, portal):
    page.goto(f"{portal}/members/")
    page.get_by_label("Region").select_option(label="Africa")
    expect(page.locator("#result-count")).to_contain_text("47 members found")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="한국어").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("회원 목록")
    assert "/ko/members/?" in page.url and "region=africa" in page.url
    # And back, filters kept: the same page in each language is one link away.
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Member directory")
    assert "/ko/" not in page.url and "region=africa" in page.url


LIVE_LISTS = ["/members/", "/driver/exchange/", "/driver/partners/", "/driver/solutions/"]


@pytest.mark.parametrize("path", LIVE_LISTS)
def test_leaving_the_search_box_does_not_redraw_the_list(page, portal, path):
    # A redraw on blur raced the click that caused it: its pushState cancelled the visitor's navigation.
    page.goto(f"{portal}{path}")
    page.wait_for_load_state()
    page.locator("#id_q").fill("seoul")
    expect(page).to_have_url(re.compile(r"[?&]q=seoul"))
    requests_on_blur = page.evaluate(
        """() => {
            let requests = 0;
            const count = () => { requests += 1; };
            document.body.addEventListener("htmx:beforeRequest", count);
            document.getElementById("id_q").blur();
            document.body.removeEventListener("htmx:beforeRequest", count);
            return requests;
        }"""
    )
    assert requests_on_blur == 0
