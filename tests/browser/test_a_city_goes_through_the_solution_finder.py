"""The Solution Finder's four steps in the browser, from a city's first draft to a package in the Exchange.

An official fills the form over two sittings, submits; staff ask a clarification in the admin;
the official answers and resubmits; staff give feedback; staff propose two partners, one accepts;
staff and city define a package with its Plan; it is completed and published to the Exchange;
every step's email is seen arriving.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import Member
from programs.models import Area, Project
from tests.factories import (
    PartnerFactory,
    SolutionFactory,
    UserFactory,
    official_of,
    official_of_partner,
)

from .conftest import PASSWORD, PDF, admin_page, axe_violations, secretariat_member, watched
from .solution_finder import fill_from_the_budget_to_the_partners

pytestmark = pytest.mark.browser


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(page, portal, email):
    page.goto(f"{portal}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def subjects_to(email):
    return [m.subject for m in mail.outbox if m.to == [email]]


@pytest.fixture
def plan_file(private_storage):
    """A PDF on disk, for the browser to upload."""
    path = private_storage / "flood-map.pdf"
    path.write_bytes(PDF)
    return path


def test_a_city_goes_through_the_four_steps_to_a_package_in_the_exchange(browser, portal, plan_file):
    problems = []
    cauayan = Member.objects.get(organisation__slug="cauayan")
    with_password(official_of(cauayan, user=UserFactory(email="cio@cauayan.example")))
    secretariat_member("programmes@we-gov.org")
    water = Area.objects.get(slug="water-management")
    sensors = PartnerFactory(
        name="River Sensors Co", slug="river-sensors", contact_email="hello@riversensors.example"
    )
    sensors.areas.set([water])
    gauge = SolutionFactory(partner=sensors, name="Flood Gauge Network", slug="flood-gauge-network")
    consultancy = PartnerFactory(name="Delta Consultants", slug="delta-consultants")
    sensors_official = with_password(
        official_of_partner(sensors, user=UserFactory(email="jin@riversensors.example"))
    )
    delta_official = with_password(
        official_of_partner(consultancy, user=UserFactory(email="ana@delta.example"))
    )

    # Step 1, first sitting: the official starts the application and saves three steps.
    city = watched(browser.new_context().new_page(), problems)
    sign_in(city, portal, "cio@cauayan.example")
    city.goto(f"{portal}/driver/solution-finder/")
    city.get_by_role("button", name="Start the application").click()
    expect(city.locator("#step-counter")).to_have_text("Step 1 of 8")
    city.get_by_label("Contact person").fill("Maria Santos")
    city.get_by_label("Title or position").fill("City Information Officer")
    city.get_by_label("Contact email").fill("maria.santos@cauayan.example")
    city.get_by_role("button", name="Save and continue").click()
    expect(city.locator("#step-counter")).to_have_text("Step 2 of 8")
    city.get_by_label("Area").select_option(label="Water Management")
    city.get_by_label("Problem statement").fill("Floods cut the city centre off every rainy season.")
    city.get_by_label("Who is affected").fill("Forty thousand residents of the low districts.")
    city.get_by_label("Current situation").fill("River levels are read by hand once a day.")
    city.get_by_label("Priority").select_option("high")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_label("Goals").fill("Warn residents before the river floods.")
    city.get_by_label("Expected outcomes").fill("An hour of warning before any flood.")
    city.get_by_role("button", name="Save and continue").click()
    expect(city.locator("#step-counter")).to_have_text("Step 4 of 8")
    assert axe_violations(city) == []
    city.get_by_role("button", name="Sign out").click()

    # Second sitting: the draft survived signing out.
    sign_in(city, portal, "cio@cauayan.example")
    city.goto(f"{portal}/driver/solution-finder/")
    city.locator("#application-list").get_by_role("link").first.click()
    expect(city.locator("#missing-parts")).to_contain_text("Budget and funding")
    expect(city.locator("#missing-parts")).not_to_contain_text("Goals and expected outcomes")
    city.locator("#missing-parts").get_by_role("link", name="Budget and funding").click()
    fill_from_the_budget_to_the_partners(city, funding_sources="City budget and a national grant.")
    city.get_by_label("Title").fill("Flood map")
    city.get_by_label("File (PDF, PNG or JPEG)").set_input_files(str(plan_file))
    city.get_by_role("button", name="Attach this file").click()
    expect(city.locator("#attachment-list")).to_contain_text("Flood map")
    city.get_by_role("button", name="Continue to review").click()
    assert axe_violations(city) == []
    city.get_by_role("button", name="Submit the application").click()
    expect(city.locator("#application-state")).to_have_text("Submitted to WeGO")
    application_url = city.url

    # Step 2: staff review, ask a clarification in the admin.
    admin = admin_page(browser, portal, "programmes@we-gov.org", problems)
    admin.goto(f"{portal}/admin/programs/solutionfinderapplication/")
    admin.get_by_role("link", name=re.compile("Cauayan, Solution Finder")).click()
    admin.get_by_role("button", name="Start review").click()
    admin.locator("#note-request_clarification").fill("How many gauges would the network need?")
    admin.get_by_role("button", name="Ask the city to clarify").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Clarification requested")

    # The city answers in the thread, changes its answers and resubmits.
    city.goto(application_url)
    expect(city.locator("#application-state")).to_have_text("WeGO asks you to clarify")
    expect(city.locator("#question")).to_have_text("How many gauges would the network need?")
    city.get_by_label("Your message").fill("Twelve gauges; the map shows where.")
    city.get_by_role("button", name="Send the message").click()
    city.get_by_role("link", name="Continue the application").click()
    city.get_by_role("link", name=re.compile("Existing infrastructure and data")).click()
    city.get_by_label("Existing infrastructure").fill(
        "Two river gauges, a radio network; twelve gauges needed."
    )
    city.get_by_role("button", name="Save and continue").click()
    city.goto(application_url.rstrip("/") + "/review/")
    city.get_by_label("What you clarified").fill("Twelve gauges, see the thread.")
    city.get_by_role("button", name="Resubmit the application").click()
    expect(city.locator("#application-state")).to_have_text("Resubmitted with your clarifications")

    # Staff see what changed, and give their preliminary feedback.
    admin.reload()
    expect(admin.locator("#thread")).to_contain_text("Twelve gauges; the map shows where.")
    expect(admin.locator(".version-changes")).to_contain_text("twelve gauges needed")
    admin.get_by_role("button", name="Start review").click()
    admin.locator("#note-give_feedback").fill(
        "A gauge network with SMS alerts fits; start with the two districts."
    )
    admin.get_by_role("button", name="Give preliminary feedback").click()
    city.goto(application_url)
    expect(city.locator("#feedback")).to_contain_text("start with the two districts")

    # Step 3: staff propose two partners; the city accepts both; one partner accepts, one declines.
    for partner in ("River Sensors Co", "Delta Consultants"):
        admin.get_by_label("Partner", exact=True).select_option(label=partner)
        admin.get_by_label("Why this partner").fill(f"{partner} has done this before.")
        admin.get_by_role("button", name="Propose this partner").click()
    expect(admin.locator("#introductions")).to_contain_text("Delta Consultants")
    city.reload()
    city.get_by_role("button", name="Accept the introduction (River Sensors Co)").click()
    city.get_by_role("button", name="Accept the introduction (Delta Consultants)").click()
    expect(city.locator("body")).not_to_contain_text("hello@riversensors.example")

    partner_page = watched(browser.new_context().new_page(), problems)
    sign_in(partner_page, portal, "jin@riversensors.example")
    partner_page.goto(f"{portal}/driver/solution-finder/")
    partner_page.get_by_role("link", name=re.compile("Cauayan")).click()
    expect(partner_page.locator("body")).not_to_contain_text(
        "Twelve gauges; the map shows where."
    )  # the thread
    partner_page.get_by_role("button", name=re.compile("^Accept the introduction")).click()
    expect(partner_page.locator(".introduction-state")).to_have_text("Connected: contact details shared")
    expect(partner_page.locator("body")).to_contain_text("maria.santos@cauayan.example")
    assert axe_violations(partner_page) == []

    declining = watched(browser.new_context().new_page(), problems)
    sign_in(declining, portal, "ana@delta.example")
    declining.goto(application_url)
    declining.get_by_role("button", name=re.compile("^Decline the introduction")).click()
    expect(declining.locator(".alert-success")).to_have_text("Declined.")
    expect(declining.get_by_role("heading", level=1)).to_have_text("Solution Finder")

    admin.reload()
    admin.get_by_role("button", name="Mark partners as connected").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Partners connected")

    # Step 4: the city defines a package with its Plan; staff add to the Plan in the admin.
    city.goto(application_url)
    expect(city.locator("body")).to_contain_text("hello@riversensors.example")
    city.get_by_role("link", name="Define a solution package").click()
    city.get_by_label("Package name").fill("Flood early warning")
    city.get_by_label("What the package does").fill(
        "Twelve river gauges and SMS alerts for the low districts."
    )
    city.get_by_label(re.compile("Water Management: Floods")).check()
    city.get_by_label("River Sensors Co", exact=True).check()
    city.get_by_label("Flood Gauge Network (River Sensors Co)").check()
    city.locator("[name=stakeholders-0-name]").fill("Maria Santos")
    city.locator("[name=stakeholders-0-organisation]").fill("City of Cauayan")
    city.locator("[name=stakeholders-0-role]").select_option("plan")
    city.locator("[name=stakeholders-1-name]").fill("Jin Park")
    city.locator("[name=stakeholders-1-organisation]").fill("River Sensors Co")
    city.locator("[name=stakeholders-1-role]").select_option("execute")
    city.locator("[name=indicators-0-name]").fill("Warning lead time")
    city.locator("[name=indicators-0-unit]").fill("minutes")
    city.locator("[name=indicators-0-baseline]").fill("0")
    city.locator("[name=indicators-0-target]").fill("60")
    assert axe_violations(city) == []
    city.get_by_role("button", name="Save the package").click()
    expect(city.get_by_role("heading", level=1)).to_have_text("Flood early warning")
    package_url = city.url

    admin.goto(f"{portal}/admin/programs/solutionpackage/")
    admin.get_by_role("link", name="Flood early warning").click()
    admin.locator("[name=stakeholders-2-name]").fill("WeGO Secretariat")
    admin.locator("[name=stakeholders-2-organisation]").fill("WeGO")
    admin.locator("[name=stakeholders-2-role]").select_option("monitor")
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.locator(".messagelist")).to_contain_text("was changed successfully")

    city.goto(application_url)
    city.get_by_role("button", name="Start implementing the packages").click()
    expect(city.locator("#application-state")).to_have_text("Implementing solution packages")
    city.goto(package_url)
    expect(city.locator("body")).to_contain_text("WeGO Secretariat")
    city.get_by_label("Actual value").fill("45")
    city.get_by_label("Measured on").fill("2026-10-01")
    city.get_by_role("button", name=re.compile("^Record the value")).click()
    expect(city.locator(".indicator-actual")).to_have_text("45")

    number = application_url.rstrip("/").rsplit("/", 1)[-1]
    admin.goto(f"{portal}/admin/programs/solutionfinderapplication/{number}/change/")
    admin.get_by_role("button", name="Mark as completed").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Completed")

    # A completed package goes to the Exchange in one action.
    admin.goto(package_url)
    admin.get_by_role("button", name="Publish to the Exchange").click()
    expect(admin.locator(".alert-success")).to_contain_text("now in the Exchange")
    project = Project.objects.get(package__name="Flood early warning")
    assert project.status == "published"
    visitor = watched(browser.new_context().new_page(), problems)
    visitor.goto(f"{portal}/driver/exchange/?q=flood+warning")
    visitor.get_by_role("link", name="Flood early warning").first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Flood early warning")
    expect(visitor.locator("body")).to_contain_text("Warning lead time")

    # Every step's email arrived, each to the people it concerns but the one who took it.
    assert subjects_to("cio@cauayan.example") == [
        "WeGO is reviewing the Solution Finder application of Cauayan",
        "WeGO asks Cauayan to clarify its Solution Finder application",
        "WeGO is reviewing the Solution Finder application of Cauayan",
        "WeGO gave its preliminary feedback on the Solution Finder application of Cauayan",
        "WeGO proposes to introduce Cauayan and River Sensors Co to each other",
        "WeGO proposes to introduce Cauayan and Delta Consultants to each other",
        "Cauayan and River Sensors Co are connected: contact details are shared",
        "The partner declined the introduction of Cauayan and Delta Consultants",
        "Cauayan is connected with strategic partners in the Solution Finder",
        "The Solution Finder application of Cauayan is completed",
        "Your project “Flood early warning” is published in the Exchange",
    ]
    assert subjects_to("jin@riversensors.example") == [
        "WeGO proposes to introduce Cauayan and River Sensors Co to each other",
        "The city accepted the introduction of Cauayan and River Sensors Co; the partner has yet to answer",
    ]
    assert subjects_to("ana@delta.example") == [
        "WeGO proposes to introduce Cauayan and Delta Consultants to each other",
        "The city accepted the introduction of Cauayan and Delta Consultants; the partner has yet to answer",
    ]
    assert subjects_to("programmes@we-gov.org") == [
        "Solution Finder application of Cauayan is now “Submitted”",
        "A new message about Solution Finder application of Cauayan",
        "Solution Finder application of Cauayan is now “Resubmitted”",
        "Solution Finder application of Cauayan is now “Implementing”",
    ]
    assert problems == []
    assert delta_official.pk and sensors_official.pk and gauge.pk
