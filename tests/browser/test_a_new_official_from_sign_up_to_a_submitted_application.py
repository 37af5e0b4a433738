"""A new official, on a phone, from signing up with a name to a submitted Solution Finder
application: they confirm their address from the mail, ask to act for their city, a Secretariat
member confirms it in the admin, and they fill a step halfway, save the draft, sign out, come back
to the same text, finish every step and submit. Every page opened here is also replayed at 320 and
390 pixels and through axe by the browser tests' conftest."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import Member
from organisations.models import Affiliation
from organisations.workflow import ACTING, AFFILIATION
from tests.browser.conftest import (
    PASSWORD,
    admin_page,
    link_in,
    secretariat_member,
    sign_in,
    sign_out_on_a_phone,
    watched,
)
from tests.browser.solution_finder import (
    GOALS,
    finish_from_the_goals_to_the_review,
    start_and_fill_the_first_two_steps,
)
from wego.workflow.definitions import AWAITING

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
EMAIL = "maria.santos@cauayan.example"


def test_a_new_official_signs_up_on_a_phone_and_submits_a_solution_finder_application(browser, portal):
    problems = []
    secretariat_member("reviewer@we-gov.org")
    cauayan = Member.objects.get(organisation__slug="cauayan")

    city = watched(browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page(), problems)
    city.goto(f"{portal}/accounts/signup/")
    city.get_by_label("First name").fill("Maria")
    city.get_by_label("Last name").fill("Santos")
    city.get_by_label("Email").fill(EMAIL)
    city.get_by_label("Password:", exact=True).fill(PASSWORD)
    city.get_by_label("Password (again)").fill(PASSWORD)
    city.get_by_role("button", name="Sign Up").click()
    expect(city.get_by_role("heading", level=1)).to_contain_text("Verify")

    city.goto(portal + link_in(mail.outbox[-1], "/accounts/confirm-email/"))
    city.get_by_role("button", name="Confirm").click()
    expect(city.get_by_role("heading", level=1)).to_have_text("My WeGO")

    city.goto(f"{portal}/my/affiliations/new/")
    city.get_by_label("Organisation", exact=True).select_option(str(cauayan.organisation.pk))
    city.get_by_label("Your title or position").fill("City Information Officer")
    city.get_by_label("Why you act for this organisation").fill("I run the city's IT department.")
    city.get_by_role("button", name="Send the request").click()
    affiliation = Affiliation.objects.get(user__email=EMAIL, organisation=cauayan.organisation)
    assert AFFILIATION.has(affiliation, AWAITING)

    admin = admin_page(browser, portal, "reviewer@we-gov.org", problems)
    admin.goto(f"{portal}/admin/organisations/affiliation/{affiliation.pk}/change/")
    expect(admin.locator("body")).to_contain_text("Maria Santos")
    admin.get_by_role("button", name="Confirm", exact=True).click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Confirmed")
    affiliation.refresh_from_db()
    assert AFFILIATION.has(affiliation, ACTING)
    assert "Your request to act for Cauayan is confirmed" in [
        m.subject for m in mail.outbox if m.to == [EMAIL]
    ]

    start_and_fill_the_first_two_steps(city, portal)

    # Halfway through the goals: the expected outcomes are not written yet.
    city.get_by_label("Goals").fill(GOALS)
    city.get_by_role("button", name="Save draft").click()
    expect(city.locator(".messages")).to_contain_text("Draft saved.")
    sign_out_on_a_phone(city, portal)

    sign_in(city, portal, EMAIL)
    city.get_by_role("link", name="Continue the application").click()
    expect(city.locator("#step-counter")).to_have_text("Step 3 of 8")
    expect(city.get_by_label("Goals")).to_have_value(GOALS)
    finish_from_the_goals_to_the_review(city)
    city.get_by_role("button", name="Submit the application").click()
    expect(city.locator("#application-state")).to_have_text("Submitted to WeGO")
    expect(city.locator("body")).to_contain_text(GOALS)
    assert problems == []
