import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path", ["/", "/members/", "/members/seoul/", "/members/stats/", "/members/offices/"]
)
def test_no_serious_or_critical_accessibility_violation(page, portal, path):
    page.goto(f"{portal}{path}")
    assert axe_violations(page) == []


def test_no_violation_on_a_phone_with_the_menu_open(browser, portal):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"{portal}/members/?region=africa")
    page.locator("summary", has_text="Menu").click()
    assert axe_violations(page) == []
    context.close()
