"""On a phone, an official fills a step halfway, saves the draft, signs out, comes back through
"Continue the application" to the same text, finishes the form and submits it."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from members.models import Member
from tests.browser.solution_finder import (
    GOALS,
    finish_from_the_goals_to_the_review,
    start_and_fill_the_first_two_steps,
)
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
    start_and_fill_the_first_two_steps(city, portal)

    # Halfway through the goals: the expected outcomes are not written yet.
    city.get_by_label("Goals").fill(GOALS)
    save_draft = city.get_by_role("button", name="Save draft")
    expect(save_draft).to_be_enabled()
    shot(city, "1-halfway")
    save_draft.click()
    expect(city.locator(".messages")).to_contain_text(
        "Draft saved. Before you submit, complete or correct: Expected outcomes."
    )
    expect(city.get_by_label("Goals")).to_have_value(GOALS)
    shot(city, "2-draft-saved")
    assert axe_violations(city) == []
    sign_out_on_a_phone(city, portal)

    # The next sitting: My WeGO's "Continue the application" opens the first step still missing
    # something, with the text as it was left.
    sign_in(city, portal, "cio@cauayan.example")
    city.goto(f"{portal}/my/")
    city.get_by_role("link", name="Continue the application").click()
    expect(city.locator("#step-counter")).to_have_text("Step 3 of 8")
    expect(city.get_by_label("Goals")).to_have_value(GOALS)
    shot(city, "3-back-again")
    finish_from_the_goals_to_the_review(city)
    shot(city, "4-review")
    city.get_by_role("button", name="Submit the application").click()
    expect(city.locator("#application-state")).to_have_text("Submitted to WeGO")
    expect(city.locator("body")).to_contain_text(GOALS)
    shot(city, "5-submitted")
    assert problems == []
