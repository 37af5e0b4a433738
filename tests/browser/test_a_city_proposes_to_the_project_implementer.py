"""A visitor reads the Project Implementer and its 2020 call; a city official proposes a project to
this year's call in steps, leaves a draft, comes back through "Continue", and sends it."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from members.models import Member
from tests.factories import UserFactory, official_of
from tests.programs.implementer_helpers import PDF, open_call

from .conftest import PASSWORD, sign_in, watched

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"implementer-{name}.png", full_page=True)


def test_a_visitor_reads_the_programme_and_a_city_sends_its_proposal(browser, portal, tmp_path):
    problems = []
    call = open_call(2027)
    visitor = watched(browser.new_context(viewport={"width": 390, "height": 844}).new_page(), problems)
    visitor.goto(f"{portal}/driver/")
    visitor.get_by_role("link", name="The Project Implementer's calls and beneficiaries").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Project Implementer")
    expect(visitor.locator(".past-call")).to_contain_text("Cauayan")
    expect(visitor.locator(".past-call")).to_contain_text("selected in February 2020")
    shot(visitor, "programme")
    visitor.get_by_role("link", name="Project Implementer 2027").click()
    expect(visitor.locator("#call-state")).to_have_text("Open for proposals")
    # The closing moment in Seoul time, and in the visitor's own with the time left (moments.js).
    expect(visitor.locator("#call-closes")).to_contain_text("(Seoul time)")
    expect(visitor.locator("#call-closes .moment-local")).to_contain_text("in 29 days")
    expect(visitor.get_by_role("rowheader", name="Commitment of the city")).to_be_visible()
    shot(visitor, "call")
    visitor.goto(f"{portal}/members/cauayan/")
    expect(
        visitor.get_by_text("Beneficiary of Project Implementer 2020, selected in February 2020.")
    ).to_be_visible()

    city = Member.objects.get(organisation__slug="baguio")
    official = official_of(city, user=UserFactory(email="cio@city.example"))
    official.set_password(PASSWORD)
    official.save()
    page = watched(browser.new_context().new_page(), problems)
    sign_in(page, portal, "cio@city.example")
    page.goto(f"{portal}{call.get_absolute_url()}")
    page.get_by_role("button", name="Start a proposal").click()
    expect(page.locator("#step-counter")).to_have_text("Step 1 of 8")
    page.get_by_label("Project title").fill("Smart water meters")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_contain_text("complete or correct: Areas, The problem")

    page.goto(f"{portal}/my/")
    page.get_by_role("link", name=f"Continue the proposal ({city.organisation.name})").click()
    expect(page.get_by_label("Project title")).to_have_value("Smart water meters")
    page.get_by_label("Water Management").check()
    page.get_by_label("The problem").fill("A third of the water is lost in leaks.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Objectives").fill("Find and fix the leaks.")
    page.get_by_label("Expected outcomes").fill("Losses halved by 2029.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Scope of the feasibility study").fill("The old town's network.")
    page.get_by_label("Scope of the pilot project").fill("2,000 meters in one district.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Total budget").fill("250000")
    page.get_by_label("Currency").fill("usd")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Duration in months").fill("18")
    page.get_by_label("Timeline and milestones").fill("Study in 2027, pilot in 2028.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("Stakeholders").fill("The water utility runs it; the university evaluates it.")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("This call asks no question of its own")).to_be_visible()
    page.get_by_role("button", name="Save and continue").click()
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(PDF)
    page.get_by_label("Letter of intent signed by the mayor (PDF)").set_input_files(str(letter))
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Saved: Letter of intent.")).to_be_visible()
    page.goto(f"{portal}/my/")
    page.get_by_role("link", name=f"Continue the proposal ({city.organisation.name})").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review and send")
    expect(page.get_by_role("definition").filter(has_text="USD")).to_be_visible()
    shot(page, "review")
    page.get_by_role("button", name="Submit the proposal").click()
    expect(page.locator("#proposal-state")).to_have_text("Submitted to WeGO")
    shot(page, "sent")
    assert problems == []
