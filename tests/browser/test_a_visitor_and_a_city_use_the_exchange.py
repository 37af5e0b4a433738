"""The Exchange in the browser: a visitor filters, searches and benchmarks projects; a city shares one,
the Secretariat publishes it in the admin, and the public finds it."""

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from members.models import Member
from programs.models import Area, ProjectIndicator
from tests.browser.conftest import PASSWORD, PDF, admin_page, axe_violations, secretariat_member
from tests.factories import AffiliationFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def report_file(private_storage):
    """A PDF on disk, for the browser to upload."""
    path = private_storage / "evaluation.pdf"
    path.write_bytes(PDF)
    return path


@pytest.fixture
def catalogue(portal):
    traffic = Area.objects.get(slug="traffic-management")
    water = Area.objects.get(slug="water-management")
    seoul = Member.objects.get(organisation__slug="seoul")
    anyang = Member.objects.get(organisation__slug="anyang")
    made = []
    for title, city, stage, area, speed in [
        ("Adaptive traffic signals", seoul, "pilot", traffic, ("18", "25", "23")),
        ("Traffic cameras at crossings", anyang, "pilot", traffic, ("20", "24", None)),
        ("Traffic information app", seoul, "pilot", traffic, None),
        ("Smart water meters", anyang, "implemented", water, None),
    ]:
        project = ProjectFactory(title=title, city=city, stage=stage, start_year=2019, areas=[area])
        if speed:
            baseline, target, achieved = speed
            ProjectIndicator.objects.create(
                project=project,
                name="Average speed",
                unit="km/h",
                baseline=baseline,
                target=target,
                achieved=achieved,
            )
        made.append(project)
    return portal


def test_a_visitor_filters_searches_and_benchmarks_three_projects(page, catalogue):
    page.goto(f"{catalogue}/driver/exchange/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The Exchange")
    expect(page.locator("#result-count")).to_contain_text("6 projects found")
    assert axe_violations(page) == []

    page.get_by_label("Stage").select_option(label="Pilot")
    expect(page.locator("#result-count")).to_contain_text("3 projects found")
    page.get_by_label("Search").fill("traffic")
    expect(page.locator(".active-filters")).to_contain_text("Search: traffic")
    expect(page.locator("#result-count")).to_contain_text("3 projects found")
    assert "q=traffic" in page.url and "stage=pilot" in page.url

    for title in ["Adaptive traffic signals", "Traffic cameras at crossings", "Traffic information app"]:
        page.get_by_label(f"Compare {title}").check()
    page.get_by_role("button", name="Compare the chosen projects").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Benchmark: projects side by side")
    table = page.get_by_role("table")
    expect(table.locator("thead th")).to_have_count(3)
    speed = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Average speed (km/h)"))
    expect(speed).to_have_count(1)
    # One row for the indicator the three share by name and unit; the third did not measure it.
    expect(speed).to_contain_text("Achieved: 23")
    expect(speed).to_contain_text("Target: 24")
    expect(speed).to_contain_text("not measured")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Adaptive traffic signals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adaptive traffic signals")
    expect(page.get_by_role("link", name="Seoul")).to_be_visible()
    assert axe_violations(page) == []


def test_the_catalogue_and_the_benchmark_work_without_javascript_and_on_a_phone(browser, catalogue):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{catalogue}/driver/exchange/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_label("Area").select_option(label="Traffic Management")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#result-count")).to_contain_text("3 projects found")
    page.get_by_label("Compare Adaptive traffic signals").check()
    page.get_by_label("Compare Traffic cameras at crossings").check()
    page.get_by_role("button", name="Compare the chosen projects").first.click()
    expect(page.locator("table thead th")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_bad_input_in_the_address_gets_a_message_not_an_error(page, catalogue):
    page.goto(f"{catalogue}/driver/exchange/?stage=dreaming&page=abc&q=%3Cscript%3Ealert(1)%3C/script%3E")
    expect(page.get_by_role("status")).to_contain_text("This filter was ignored.")
    expect(page.get_by_label("Search")).to_have_value("<script>alert(1)</script>")


def test_a_city_shares_a_project_and_the_secretariat_publishes_it(browser, portal, report_file):
    staff = secretariat_member("reviewer@we-gov.org")
    EmailAddress.objects.update_or_create(
        user=staff, email=staff.email, defaults={"verified": True, "primary": True}
    )
    official = UserFactory(email="official@seoul.example", password=PASSWORD)
    EmailAddress.objects.create(user=official, email=official.email, verified=True, primary=True)
    AffiliationFactory(user=official, member=Member.objects.get(organisation__slug="seoul"))

    city = browser.new_context().new_page()
    city.goto(f"{portal}/accounts/login/")
    city.get_by_label("Email").fill("official@seoul.example")
    city.get_by_label("Password").fill(PASSWORD)
    city.get_by_role("button", name="Sign In").click()
    city.goto(f"{portal}/driver/exchange/")
    city.get_by_role("link", name="Share your city's project").click()
    expect(city.get_by_role("heading", level=1)).to_have_text("Share a project with the Exchange")
    city.get_by_role("button", name="Start").click()
    # Step 1 saved as a draft with the summary still empty: kept, and the page says what is missing.
    city.get_by_label("Title").fill("Shared bicycles for the Han river")
    city.get_by_label("Public Transportation").check()
    city.get_by_role("button", name="Save draft").click()
    expect(city.get_by_text("Draft saved.")).to_contain_text("complete or correct: Summary, Stage")
    # Another sitting: the draft is listed, and "Continue" opens the step that needs something.
    city.goto(f"{portal}/driver/exchange/share/")
    city.get_by_role("link", name="Continue Shared bicycles for the Han river").click()
    expect(city.get_by_label("Title")).to_have_value("Shared bicycles for the Han river")
    city.get_by_label("Summary").fill("Ten thousand public bicycles along the river parks.")
    city.get_by_label("Stage", exact=True).select_option("scaled")
    city.get_by_role("button", name="Save and continue").click()
    expect(city.locator("#step-counter")).to_have_text("Step 2 of 6")
    city.get_by_label("Start year").fill("2015")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_role("button", name="Save and continue").click()  # budget and partners: none given
    city.get_by_role("button", name="Save and continue").click()  # results: written later
    city.locator("#id_indicators-0-name").fill("Daily rides")
    city.locator("#id_indicators-0-unit").fill("rides")
    city.locator("#id_indicators-0-baseline").fill("1000")
    city.locator("#id_indicators-0-target").fill("50000")
    city.get_by_role("button", name="Save and continue").click()
    city.get_by_role("button", name="Save and continue").click()  # links: none
    expect(city.get_by_role("heading", level=1)).to_have_text("Review and share")
    expect(city.get_by_role("definition").filter(has_text="Scaled")).to_be_visible()
    city.locator("#id_documents-0-title").fill("Evaluation")
    city.locator("#id_documents-0-file").set_input_files(str(report_file))
    city.get_by_role("button", name="Send the project to the Secretariat").click()
    expect(city.locator("#project-state")).to_have_text("Waiting for the Secretariat to publish it")

    admin = admin_page(browser, portal, "reviewer@we-gov.org")
    admin.goto(f"{portal}/admin/programs/project/?status__exact=submitted")
    admin.get_by_role("link", name="Shared bicycles for the Han river").click()
    admin.get_by_role("button", name="Publish").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Published")

    city.reload()
    expect(city.locator("#project-state")).to_have_text("Published in the Exchange")

    visitor = browser.new_context().new_page()
    visitor.goto(f"{portal}/driver/exchange/?q=bicycles+river")
    expect(visitor.locator("#result-count")).to_contain_text("1 project found")
    visitor.get_by_role("link", name="Shared bicycles for the Han river").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Shared bicycles for the Han river")
    expect(visitor.get_by_role("rowheader", name="Daily rides")).to_be_visible()
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="Evaluation").click()
    assert download.value.path().read_bytes() == PDF
