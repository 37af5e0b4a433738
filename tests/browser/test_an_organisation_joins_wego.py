"""From signing up to acting for a new member organisation, in the browser, with every message seen:
the Secretariat asks for more information, the applicant changes an answer and resubmits, staff see
the new version's difference, and approve with the confirmation the step asks for, in the admin."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD, PDF, admin_page, link_in, secretariat_member

pytestmark = pytest.mark.browser


@pytest.fixture
def letter_file(private_storage):
    """A PDF on disk, for the browser to upload."""
    path = private_storage / "letter-of-intent.pdf"
    path.write_bytes(PDF)
    return path


def test_an_organisation_joins_wego_from_sign_up_to_acting_for_the_new_member(browser, portal, letter_file):
    secretariat_member("reviewer@we-gov.org")

    city = browser.new_context().new_page()
    city.goto(f"{portal}/accounts/signup/")
    city.get_by_label("First name").fill("Amina")
    city.get_by_label("Last name").fill("Otieno")
    city.get_by_label("Email").fill("official@mombasa.example")
    city.get_by_label("Password:", exact=True).fill(PASSWORD)
    city.get_by_label("Password (again)").fill(PASSWORD)
    city.get_by_role("button", name="Sign Up").click()
    expect(city.get_by_role("heading", level=1)).to_contain_text("Verify")

    city.goto(portal + link_in(mail.outbox[-1], "/accounts/confirm-email/"))
    city.get_by_role("button", name="Confirm").click()
    expect(city.get_by_role("heading", level=1)).to_have_text("My WeGO")

    city.get_by_role("link", name="Apply to join WeGO").click()
    city.get_by_label("Organisation name").fill("Mombasa County")
    city.get_by_label("Type").select_option("local-government")
    city.get_by_label("Country").select_option("KE")
    city.get_by_label("City").fill("Mombasa")
    city.get_by_label("Contact person").fill("Amina Otieno")
    city.get_by_label("Contact email").fill("amina@mombasa.example")
    city.get_by_label("Why it wants to join WeGO").fill("To learn from other smart cities.")
    city.get_by_label("Signed letter of intent (PDF)").set_input_files(str(letter_file))
    city.get_by_role("button", name="Send the application").click()
    expect(city.locator("#application-state")).to_have_text("Received")
    application_url = city.url
    city.goto(f"{portal}/my/")
    expect(city.get_by_role("link", name="Membership of Mombasa County")).to_be_visible()

    admin = admin_page(browser, portal, "reviewer@we-gov.org")
    admin.goto(f"{portal}/admin/members/membershipapplication/")
    admin.get_by_role("link", name="Mombasa County").click()
    admin.get_by_role("button", name="Start review").click()
    admin.locator("#note-request_information").fill("Please send the letter signed by the governor.")
    admin.get_by_role("button", name="Ask for more information").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("More information requested")

    city.goto(application_url)
    expect(city.locator("#application-state")).to_have_text("More information needed from you")
    expect(city.locator("#question")).to_have_text("Please send the letter signed by the governor.")
    city.get_by_label("Your message").fill("Does a scan of the signed letter do?")
    city.get_by_role("button", name="Send the message").click()
    expect(city.locator(".thread-message")).to_contain_text("Does a scan of the signed letter do?")
    city.get_by_role("link", name="Change the answers").click()
    motivation = "To learn from other smart cities, as the governor writes."
    city.get_by_label("Why it wants to join WeGO").fill(motivation)
    city.get_by_role("button", name="Save the changes").click()
    city.get_by_label("Your answer to the Secretariat").fill("The governor signed it; sent by post as well.")
    city.get_by_role("button", name="Resubmit the application").click()
    expect(city.locator("#application-state")).to_have_text("Received again, with your answers")

    admin.reload()
    expect(admin.locator("#thread")).to_contain_text("Does a scan of the signed letter do?")
    latest = admin.locator("details.version").last
    expect(latest.locator("summary")).to_contain_text("Version 2")
    expect(latest.locator("table.version-changes")).to_contain_text("why it wants to join WeGO")
    expect(latest.locator("ins")).to_have_text(motivation)
    for step in ["Start review", "Recommend to EXCOM"]:
        admin.get_by_role("button", name=step).click()
    # The decision cannot be undone: the button does nothing until its confirmation is ticked.
    admin.get_by_role("button", name="Approve (EXCOM decision)").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Recommended to EXCOM")
    admin.get_by_label("Yes: the Executive Committee approved this membership.").check()
    admin.get_by_role("button", name="Approve (EXCOM decision)").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Approved")

    city.goto(f"{portal}/members/?q=mombasa")
    city.get_by_role("link", name="Mombasa County").click()
    expect(city.get_by_role("heading", level=1)).to_have_text("Mombasa County")
    city.goto(f"{portal}/my/")
    expect(city.get_by_text("Confirmed: you act for this organisation", exact=True)).to_be_visible()

    subjects = [message.subject for message in mail.outbox if message.to == ["official@mombasa.example"]]
    assert subjects[0].startswith("[WeGO]")  # the address confirmation
    # Every step's mail, but for those of the applicant's own steps after the receipt.
    assert subjects[1:] == [
        "We received your application for Mombasa County to join WeGO",
        "The Secretariat is reviewing your application for Mombasa County to join WeGO",
        "The Secretariat asks for more information on your application for Mombasa County",
        "The Secretariat is reviewing your application for Mombasa County to join WeGO",
        "Your application for Mombasa County is recommended to the Executive Committee",
        "You now act for Mombasa County on WeGO",
        "Welcome to WeGO: Mombasa County is now a member",
    ]
    assert [m.subject for m in mail.outbox if m.to == ["reviewer@we-gov.org"]] == [
        "WeGO membership application of Mombasa County is now “Submitted”",
        "A new message about WeGO membership application of Mombasa County",
        "WeGO membership application of Mombasa County is now “Resubmitted”",
    ]
