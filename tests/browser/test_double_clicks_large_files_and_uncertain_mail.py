"""What the fault campaign found, walked in Chromium: a form sent with a double click makes one
thing; a file far over the limit gets a page that says so, not an error; a message whose delivery
is uncertain is sent again by staff from its page, in one click."""

from collections import Counter

import pytest
from playwright.sync_api import expect

from members.models import MembershipApplication
from tests.browser.conftest import PASSWORD, PDF, admin_page, secretariat_member
from tests.factories import UserFactory, verified
from wego.notifications import outbox
from wego.notifications.models import Notification

pytestmark = pytest.mark.browser


def signed_in_official(browser, portal, email="official@mombasa.example"):
    person = verified(UserFactory(email=email))
    person.set_password(PASSWORD)
    person.save()
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{portal}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My WeGO")
    return page


def fill_in_the_application(page, letter):
    page.goto(page.url.split("/my/")[0] + "/members/join/")
    page.get_by_label("Organisation name").fill("Mombasa County")
    page.get_by_label("Type").select_option("local-government")
    page.get_by_label("Country").select_option("KE")
    page.get_by_label("City").fill("Mombasa")
    page.get_by_label("Contact person").fill("Amina Otieno")
    page.get_by_label("Contact email").fill("amina@mombasa.example")
    page.get_by_label("Why it wants to join WeGO").fill("To learn from other smart cities.")
    page.get_by_label("Signed letter of intent (PDF)").set_input_files(letter)


def test_an_application_sent_with_a_double_click_is_made_once(browser, portal):
    page = signed_in_official(browser, portal)
    fill_in_the_application(page, {"name": "letter.pdf", "mimeType": "application/pdf", "buffer": PDF})

    page.get_by_role("button", name="Send the application").dblclick()

    expect(page.locator("#application-state")).to_have_text("Received")
    page.screenshot(path="var/issue9-double-click.png", full_page=True)
    assert MembershipApplication.objects.count() == 1
    mails = Counter(Notification.objects.values_list("email", "kind"))
    assert mails and set(mails.values()) == {1}  # nobody told twice


def test_a_file_far_over_the_limit_gets_a_page_that_says_so(browser, portal):
    page = signed_in_official(browser, portal)
    too_large = PDF + b"0" * (12 * 2**20)
    fill_in_the_application(page, {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": too_large})

    page.get_by_role("button", name="Send the application").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What you sent is too large")
    expect(page.locator("main")).to_contain_text("Nothing you sent was saved.")
    page.screenshot(path="var/issue9-too-large.png", full_page=True)
    assert not MembershipApplication.objects.exists()


def test_staff_send_a_message_of_uncertain_delivery_again_from_its_page(browser, portal):
    secretariat_member("reviewer@we-gov.org")
    message = outbox.write(
        "members:application_status",
        email="official@accra.example",
        subject="Your application",
        body_text="Hello.",
    )
    Notification.objects.filter(pk=message.pk).update(status=Notification.Status.UNCERTAIN)
    problems = []
    admin = admin_page(browser, portal, "reviewer@we-gov.org", problems)

    admin.goto(f"{portal}/admin/notifications/notification/?status__exact=uncertain")
    admin.get_by_role("link", name="Your application").click()
    expect(admin.get_by_role("heading", name="Send again")).to_be_visible()
    expect(admin.locator("main")).to_contain_text("This message may have reached official@accra.example")
    admin.screenshot(path="var/issue9-uncertain.png", full_page=True)
    admin.get_by_role("button", name="Send it again").click()

    expect(admin.locator(".messagelist")).to_contain_text(
        "The message to official@accra.example is queued again."
    )
    message.refresh_from_db()
    assert message.status == Notification.Status.SENT
    assert problems == []
