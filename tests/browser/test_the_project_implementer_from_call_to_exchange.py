"""The Project Implementer's whole year in Chromium: staff open a call; two cities propose, one from
its Solution Finder application; staff screen them; two reviewers score on the site, one declaring a
conflict; staff read the ranking, decide and release the results (both cities told at once); a
tender, two bids, one chosen; milestones delivered and accepted through both phases; the project is
completed and found in the Exchange. Every message arrives."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Member
from programs.models import Bid, ImplementerCall, Milestone, Proposal, Tender
from tests.factories import (
    PartnerFactory,
    SolutionFinderApplicationFactory,
    UserFactory,
    official_of,
    staff_in,
)

from .conftest import (
    PASSWORD,
    PDF,
    admin_page,
    secretariat_member,
    sign_in,
    sign_in_with_code,
    with_known_authenticator,
)

pytestmark = pytest.mark.browser


def person(email, organisation):
    user = official_of(organisation, user=UserFactory(email=email))
    user.set_password(PASSWORD)
    user.save()
    return user


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue").click()


def fill_the_rest_of_the_proposal(page, letter, *, title=None, problem=None):
    """From the first step to the review, each step saved; what a step already holds is kept."""
    if title:
        page.get_by_label("Project title").fill(title)
    page.get_by_label("Water Management").check()
    if problem:
        page.get_by_label("The problem").fill(problem)
    save_and_continue(page)
    page.get_by_label("Objectives").fill("Find and fix the leaks.")
    page.get_by_label("Expected outcomes").fill("Losses halved by 2029.")
    save_and_continue(page)
    page.get_by_label("Scope of the feasibility study").fill("The old town's network.")
    page.get_by_label("Scope of the pilot project").fill("2,000 meters in one district.")
    save_and_continue(page)
    page.get_by_label("Total budget").fill("250000")
    page.get_by_label("Currency").fill("USD")
    save_and_continue(page)
    page.get_by_label("Duration in months").fill("18")
    page.get_by_label("Timeline and milestones").fill("Study in 2027, pilot in 2028.")
    save_and_continue(page)
    page.get_by_label("Stakeholders").fill("The water utility runs it; the university evaluates it.")
    save_and_continue(page)
    page.get_by_label("Does the city have a digital master plan?").fill("Yes, adopted in 2024.")
    save_and_continue(page)
    page.get_by_label("Letter of intent signed by the mayor (PDF)").set_input_files(str(letter))
    save_and_continue(page)
    page.get_by_role("link", name="Review and submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review and send")
    page.get_by_role("button", name="Submit the proposal").click()
    expect(page.locator("#proposal-state")).to_have_text("Submitted to WeGO")


def take(admin, step, confirmation=None):
    if confirmation:
        admin.get_by_label(confirmation).check()
    admin.get_by_role("button", name=step, exact=True).click()


def score(page, values, recommendation="Support"):
    for number, value in enumerate(values):
        page.locator("select[name^=score-]").nth(number).select_option(str(value))
    page.get_by_label("Overall recommendation").select_option(label=recommendation)
    page.get_by_label("Note for the applicant").fill("A clear proposal.")
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_text("Your review is saved.")).to_be_visible()


def test_a_year_of_the_project_implementer_from_the_call_to_the_exchange(browser, portal, tmp_path):
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(PDF)
    secretariat_member("staff@we-gov.org")
    for email, name in (("ana@we-gov.org", "Ana"), ("ben@we-gov.org", "Ben")):
        with_known_authenticator(staff_in("Programme reviewer", email=email, first_name=name))
    baguio = Member.objects.get(organisation__slug="baguio").organisation
    makati = Member.objects.get(organisation__slug="makati").organisation
    person("cio@baguio.example", baguio)
    person("cio@makati.example", makati)
    SolutionFinderApplicationFactory(organisation=makati, goals="Stop losing water.")
    consultants = {}
    for name in ("Han River Consulting", "Pacific Engineers"):
        partner = PartnerFactory(name=name, type="consultant")
        consultants[name] = (partner, person(f"bids@{partner.organisation.slug}.example", partner))

    # Staff open the call in the admin.
    admin = admin_page(browser, portal, "staff@we-gov.org")
    admin.goto(f"{portal}/admin/programs/implementercall/add/")
    now = timezone.now()
    admin.get_by_label("Year").fill("2027")
    admin.get_by_label("Title").fill("Project Implementer 2027")
    admin.get_by_label("Summary").fill("Support for a feasibility study and a pilot of a smart city project.")
    admin.locator("#id_opens_at_0").fill((now - datetime.timedelta(hours=1)).strftime("%Y-%m-%d"))
    admin.locator("#id_opens_at_1").fill((now - datetime.timedelta(hours=1)).strftime("%H:%M:%S"))
    closes = now + datetime.timedelta(days=10)
    admin.locator("#id_closes_at_0").fill(closes.strftime("%Y-%m-%d"))
    admin.locator("#id_closes_at_1").fill(closes.strftime("%H:%M:%S"))
    admin.locator("#id_questions-0-key").fill("digital-plan")
    admin.locator("#id_questions-0-label").fill("Does the city have a digital master plan?")
    admin.get_by_role("button", name="Save and continue editing").click()
    take(admin, "Announce the call", "Yes: the call is public now, and its questions can no longer change.")
    expect(admin.locator("#workflow-heading")).to_contain_text("Announced")
    call = ImplementerCall.objects.get(year=2027)

    # Baguio proposes from scratch; Makati from its Solution Finder application.
    baguio_page = browser.new_context().new_page()
    sign_in(baguio_page, portal, "cio@baguio.example")
    baguio_page.goto(f"{portal}{call.get_absolute_url()}")
    baguio_page.get_by_label("For which organisation?").select_option(label="Baguio")
    baguio_page.get_by_role("button", name="Start a proposal").click()
    fill_the_rest_of_the_proposal(
        baguio_page, letter, title="Smart water meters", problem="A third of the water is lost in leaks."
    )
    makati_page = browser.new_context().new_page()
    sign_in(makati_page, portal, "cio@makati.example")
    makati_page.goto(f"{portal}{call.get_absolute_url()}")
    makati_page.get_by_label("Start from a Solution Finder application").select_option(index=1)
    makati_page.get_by_role("button", name="Start a proposal").click()
    expect(makati_page.get_by_label("The problem")).not_to_have_value("")  # from its challenges
    fill_the_rest_of_the_proposal(makati_page, letter, title="Leak detection for Makati")
    proposals = {p.organisation.slug: p for p in Proposal.objects.select_related("organisation")}

    # Staff screen both and open the scoring.
    for slug in ("baguio", "makati"):
        admin.goto(f"{portal}/admin/programs/proposal/{proposals[slug].pk}/change/")
        take(admin, "Start screening")
        take(admin, "Eligible: send to the reviewers")
        expect(admin.locator("#workflow-heading")).to_contain_text("Under review")
    admin.goto(f"{portal}/admin/reviews/scorecard/{call.scorecard.pk}/change/")
    take(admin, "Open the scoring")
    staff_site = browser.new_context().new_page()
    sign_in_with_code(staff_site, portal, "staff@we-gov.org")
    staff_site.goto(f"{portal}/driver/project-implementer/2027/reviewers/")
    staff_site.get_by_label("Reviewers for each").fill("2")
    staff_site.get_by_role("button", name="Draw").click()
    expect(staff_site.get_by_text("4 assignments made.")).to_be_visible()

    # Two reviewers score on the site; Ben steps aside from Makati's.
    ana = sign_in_with_code(browser.new_context().new_page(), portal, "ana@we-gov.org")
    for city, values in (("Baguio", (5, 4, 4, 4, 5)), ("Makati", (3, 3, 2, 3, 3))):
        ana.goto(f"{portal}/reviews/")
        ana.get_by_role("link", name=city).click()
        score(ana, values)
    ben = sign_in_with_code(browser.new_context().new_page(), portal, "ben@we-gov.org")
    ben.goto(f"{portal}/reviews/")
    ben.get_by_role("link", name="Makati").click()
    ben.get_by_label("What is the conflict of interest?").fill("I advised Makati on this project.")
    ben.get_by_role("button", name="Declare it and step aside").click()
    expect(ben.locator("#recused")).to_be_visible()
    ben.goto(f"{portal}/reviews/")
    ben.get_by_role("link", name="Baguio").click()
    score(ben, (4, 4, 5, 4, 4))
    expect(ben.locator(".other-review")).to_contain_text("Ana")  # after his own, not before

    # Staff read the ranking, decide, and release the results to both cities at once.
    staff_site.goto(f"{portal}/driver/project-implementer/2027/ranking/")
    rows = staff_site.locator("#ranking tbody tr")
    expect(rows.first).to_contain_text("Baguio")
    expect(rows.first).to_contain_text("4.30")
    admin.goto(f"{portal}/admin/programs/proposal/{proposals['baguio'].pk}/change/")
    take(admin, "Select (told with the call's results)")
    admin.goto(f"{portal}/admin/programs/proposal/{proposals['makati'].pk}/change/")
    admin.get_by_label("A word for the city, sent with the results").fill("Strong; please propose again.")
    take(admin, "Do not select (told with the call's results)")
    makati_page.goto(f"{portal}{proposals['makati'].get_absolute_url()}")
    expect(makati_page.locator("#proposal-state")).to_have_text("Under review")  # nothing told yet
    before = len(mail.outbox)
    with time_machine.travel(closes + datetime.timedelta(minutes=1)):  # the call has closed
        admin.goto(f"{portal}/admin/programs/implementercall/{call.pk}/change/")
        take(
            admin,
            "Release the results to every applicant",
            "Yes: tell every applicant of this call its result now.",
        )
    told = {message.to[0]: message.subject for message in mail.outbox[before:]}
    assert told["cio@baguio.example"] == "Baguio is selected by the Project Implementer"
    assert told["cio@makati.example"] == "The Project Implementer proposal of Makati was not selected"
    makati_page.reload()
    expect(makati_page.locator("#reason")).to_contain_text("Strong; please propose again.")

    # A tender for Baguio's project: two consultants bid; one is chosen after the deadline.
    admin.goto(f"{portal}/admin/programs/tender/add/")
    admin.get_by_label("Selected proposal").select_option(label=str(proposals["baguio"]))
    admin.get_by_label("Scope of the work").fill("The feasibility study and the pilot of smart water meters.")
    deadline = timezone.now() + datetime.timedelta(days=5)
    admin.locator("#id_deadline_0").fill(deadline.strftime("%Y-%m-%d"))
    admin.locator("#id_deadline_1").fill(deadline.strftime("%H:%M:%S"))
    for name in consultants:
        admin.get_by_label(name).check()
    admin.get_by_role("button", name="Save and continue editing").click()
    take(admin, "Open the tender", "Yes: invited consultants are told and may bid until the deadline.")
    tender = Tender.objects.get()
    for name, price in (("Han River Consulting", "120000"), ("Pacific Engineers", "150000")):
        partner, official = consultants[name]
        bidder = browser.new_context().new_page()
        sign_in(bidder, portal, official.email)
        bidder.goto(f"{portal}/driver/project-implementer/tenders/")
        bidder.get_by_role("link", name="Baguio").click()
        bidder.get_by_label("Approach").fill(f"{name}: survey, then meter one district.")
        bidder.get_by_label("Team").fill("Two engineers and a data analyst.")
        bidder.get_by_label("Timeline").fill("Twelve months.")
        bidder.get_by_label("Price").fill(price)
        bidder.get_by_label("Currency").fill("USD")
        bidder.get_by_role("button", name="Send the bid").click()
        expect(bidder.get_by_text("Your bid is saved.")).to_be_visible()
    admin.goto(f"{portal}/admin/programs/tender/{tender.pk}/change/")
    expect(admin.get_by_text("sealed until the deadline")).to_be_visible()
    expect(admin.get_by_text("survey, then meter one district")).to_have_count(0)
    with time_machine.travel(deadline + datetime.timedelta(minutes=1)):
        admin.reload()
        take(admin, "Unseal the bids and evaluate them")
        chosen = Bid.objects.get(partner=consultants["Han River Consulting"][0])
        admin.goto(f"{portal}/admin/programs/bid/{chosen.pk}/change/")
        expect(admin.get_by_text("Han River Consulting: survey, then meter one district.")).to_be_visible()
        before = len(mail.outbox)
        take(admin, "Choose this bid", "Yes: choose this bid; every other bidder is told.")
        subjects = {message.to[0]: message.subject for message in mail.outbox[before:]}
    assert (
        subjects[consultants["Han River Consulting"][1].email] == "WeGO chose the bid of Han River Consulting"
    )
    assert (
        subjects[consultants["Pacific Engineers"][1].email] == "The bid of Pacific Engineers was not chosen"
    )

    # The study and the pilot, milestone by milestone, delivered by the consultant and accepted.
    project = Proposal.objects.get(pk=proposals["baguio"].pk)
    assert project.consultant == consultants["Han River Consulting"][0]
    for phase, title in (("feasibility-study", "Feasibility study report"), ("pilot", "Pilot evaluation")):
        Milestone.objects.create(proposal=project, phase=phase, title=title, due_on="2028-06-30")
    han = browser.new_context().new_page()
    sign_in(han, portal, consultants["Han River Consulting"][1].email)
    for milestone in Milestone.objects.order_by("pk"):
        han.goto(f"{portal}/driver/project-implementer/projects/{project.pk}/")
        card = han.locator(f"#milestone-{milestone.pk}")
        card.get_by_label("Deliverable").set_input_files(str(letter))
        card.get_by_role("button", name="Upload the deliverable").click()
        han.locator(f"#milestone-{milestone.pk}").get_by_role(
            "button", name=f"Deliver ({milestone.title})"
        ).click()
        expect(han.locator(f"#milestone-{milestone.pk} .milestone-state")).to_have_text(
            "Delivered: WeGO reviews it"
        )
        admin.goto(f"{portal}/admin/programs/milestone/{milestone.pk}/change/")
        take(admin, "Accept the deliverable")
        expect(admin.locator("#workflow-heading")).to_contain_text("Accepted")
    admin.goto(f"{portal}/admin/programs/proposal/{project.pk}/change/")
    take(
        admin,
        "Complete the project and publish it in the Exchange",
        "Yes: the feasibility study and the pilot are done; publish the project.",
    )
    expect(admin.locator("#workflow-heading")).to_contain_text("Completed")

    visitor = browser.new_context().new_page()
    visitor.goto(f"{portal}/driver/exchange/?q=smart+water+meters")
    visitor.get_by_role("link", name="Smart water meters").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Smart water meters")
    expect(visitor.get_by_text("Han River Consulting")).to_be_visible()
    # Every step told someone: the cities, the bidders, the project's people, the Secretariat.
    recipients = {message.to[0] for message in mail.outbox}
    assert {"cio@baguio.example", "cio@makati.example", "staff@we-gov.org"} <= recipients
    assert {official.email for _, official in consultants.values()} <= recipients
