"""A city official's way through the Solution Finder's steps in the browser, shared by the journeys
that stop halfway through the goals (step 3) to save a draft."""

from playwright.sync_api import expect

GOALS = "Warn residents an hour before the river floods."


def start_and_fill_the_first_two_steps(city, portal):
    """Start an application, fill the contact and one challenge, and arrive at step 3, the goals."""
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
    expect(city.locator("#step-counter")).to_have_text("Step 3 of 8")


def fill_from_the_budget_to_the_partners(city, funding_sources=""):
    """The budget, timeline, infrastructure and partners steps, each saved; no partner yet."""
    city.get_by_label("Budget range").select_option("100k-500k")
    if funding_sources:
        city.get_by_label("Funding sources").fill(funding_sources)
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_label("Expected duration in months").fill("18")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_label("Existing infrastructure").fill("Two river gauges, a radio network.")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_role("button", name="Save and continue").click()  # no partners yet


def finish_from_the_goals_to_the_review(city):
    """Write the expected outcomes the draft was missing, fill the steps after it, and arrive at a
    review with nothing missing."""
    city.get_by_label("Expected outcomes").fill("An hour of warning before any flood.")
    city.get_by_role("button", name="Save and continue").click()
    fill_from_the_budget_to_the_partners(city)
    city.get_by_role("button", name="Continue to review").click()
    expect(city.locator("#missing-parts")).to_have_count(0)
