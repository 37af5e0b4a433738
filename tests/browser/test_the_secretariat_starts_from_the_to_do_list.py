"""The Secretariat opens the admin on its to-do list, on a desk and on a phone, and follows a count to
the queue filtered on that state; a decision's buttons say what they do."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from organisations.workflow import AFFILIATION
from tests.browser.conftest import admin_page, axe_violations, secretariat_member
from tests.factories import AffiliationFactory, UserFactory
from wego.workflow.definitions import AWAITING

pytestmark = pytest.mark.browser

# The element that reaches furthest right, to say what makes a page scroll sideways.
WIDEST = """[...document.querySelectorAll('body *')]
  .map(e => [e.getBoundingClientRect().right, e.tagName + '.' + e.className])
  .sort((a, b) => b[0] - a[0])[0]"""

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_secretariat_follows_the_to_do_list_to_the_affiliations_to_confirm(portal, browser, width):
    secretariat_member("desk@we-gov.example")
    person = UserFactory(first_name="Maria", last_name="Santos", email="maria@cauayan.example")
    AffiliationFactory(user=person, status=next(iter(AFFILIATION.states_with(AWAITING))))
    problems = []
    page = admin_page(browser, portal, "desk@we-gov.example", problems)
    page.set_viewport_size({"width": width, "height": 900})  # admin_page lands on /admin/
    todo = page.locator("#todo")
    expect(todo.get_by_role("heading", name="To do")).to_be_visible()
    affiliations = todo.locator(".todo-queue", has_text="Affiliations")
    expect(affiliations.get_by_role("row", name="Requested")).to_contain_text("1")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"admin-todo-{width}.png", full_page=True)
    assert axe_violations(page) == []

    affiliations.get_by_role("link", name="Requested").click()
    expect(page).to_have_url(re.compile(r"/admin/organisations/affiliation/\?.*status__exact=requested"))
    expect(page.locator("#result_list")).to_contain_text("Maria Santos <maria@cauayan.example>")
    page.screenshot(path=SCREENSHOTS / f"admin-affiliations-{width}.png", full_page=True)

    page.locator("#result_list tbody a").first.click()
    decisions = page.locator(".workflow-decisions")
    expect(decisions.locator(".workflow-group-go-on").get_by_role("button", name="Confirm")).to_be_visible()
    expect(decisions.locator(".workflow-group-refuse").get_by_role("button", name="Decline")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.evaluate(WIDEST)
    page.screenshot(path=SCREENSHOTS / f"admin-affiliation-{width}.png", full_page=True)
    decisions.locator(".workflow-group-go-on").get_by_role("button", name="Confirm").click()
    expect(page.locator(".messagelist")).to_have_text("Confirmed.")
    assert problems == []
