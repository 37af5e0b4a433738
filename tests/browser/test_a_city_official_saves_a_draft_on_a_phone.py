"""On a phone, an official fills a step halfway, saves the draft, signs out, comes back through
"Continue the application" to the same text, finishes the form and submits it."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from members.models import Member
from tests.factories import UserFactory, official_of

from .conftest import PASSWORD, axe_violations, sign_in, sign_out_on_a_phone, watched

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"draft-{name}.png", full_page=True)


def test_an_official_saves_a_draft_on_a_phone_and_finds_the_same_text_after_signing_in_again(browser, portal):
    problems = []
    cauayan = Member.objects.get(organisation__slug="cauayan")
    official = official_of(cauayan, user=UserFactory(email="cio@cauayan.example"))
    official.set_password(PASSWORD)
    official.save()

    city = watched(browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page(), problems)
    sign_in(city, portal, "cio@cauayan.example")
    city.goto(f"{portal}/driver/solution-finder/")
    city.get_by_role("button", name="Start the application").click()
    city.get_by_label("Contact person").fill("Maria Santos")
    city.get_by_label("Title or position").fill("City Information Officer")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_label("Area").select_option(label="Water Management")
    city.get_by_label("Problem statement").fill("Floods cut the city centre off every rainy season.")
    city.get_by_label("Who is affected").fill("Forty thousand residents of the low districts.")
    city.get_by_label("Current situation").fill("River levels are read by hand once a day.")
    city.get_by_label("Priority").select_option("high")
    city.get_by_role("button", name="Save and continue").click()

    # Halfway through the goals: the expected outcomes are not written yet.
    expect(city.locator("#step-counter")).to_have_text("Step 3 of 8")
    city.get_by_label("Goals").fill("Warn residents an hour before the river floods.")
    save_draft = city.get_by_role("button", name="Save draft")
    expect(save_draft).to_be_enabled()
    shot(city, "1-halfway")
    save_draft.click()
    expect(city.locator(".messages")).to_contain_text(
        "Draft saved. Before you submit, complete or correct: Expected outcomes."
    )
    expect(city.get_by_label("Goals")).to_have_value("Warn residents an hour before the river floods.")
    shot(city, "2-draft-saved")
    assert axe_violations(city) == []
    sign_out_on_a_phone(city, portal)

    # The next sitting: My WeGO's "Continue the application" opens the first step still missing
    # something, with the text as it was left.
    sign_in(city, portal, "cio@cauayan.example")
    city.goto(f"{portal}/my/")
    city.get_by_role("link", name="Continue the application").click()
    expect(city.locator("#step-counter")).to_have_text("Step 3 of 8")
    expect(city.get_by_label("Goals")).to_have_value("Warn residents an hour before the river floods.")
    shot(city, "3-back-again")
    city.get_by_label("Expected outcomes").fill("An hour of warning before any flood.")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_label("Budget range").select_option("100k-500k")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_label("Expected duration in months").fill("18")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_label("Existing infrastructure").fill("Two river gauges, a radio network.")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_role("button", name="Save and continue").click()  # no partners yet
    city.get_by_role("button", name="Continue to review").click()
    expect(city.locator("#missing-parts")).to_have_count(0)
    shot(city, "4-review")
    city.get_by_role("button", name="Submit the application").click()
    expect(city.locator("#application-state")).to_have_text("Submitted to WeGO")
    expect(city.locator("body")).to_contain_text("Warn residents an hour before the river floods.")
    shot(city, "5-submitted")
    assert problems == []
