"""Issue 13's journey in Chromium: a visitor finds EXCOM 2020 and the 2021 plan; registers for an
upcoming webinar without an account, confirms from the mail, adds it to a calendar and cancels from
the mail; a full event's waiting list gets an offer that is accepted; and staff check people in on a
phone-sized screen."""

import datetime
import re

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Registration
from events.services import registration as registering
from tests.browser.conftest import sign_in_with_code, with_known_authenticator
from tests.factories import UserFactory, open_event, secretariat_user, verified
from wego.notifications.models import Notification

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def link_in_mail(email, kind, part):
    body = Notification.objects.filter(email=email, kind=f"events:{kind}").latest("pk").body_text
    return re.search(rf"(/events/{part}/[^\s/]+/)", body).group(1)


def test_a_visitor_finds_excom_2020_and_the_plan_for_2021(page, portal):
    page.goto(f"{portal}/events/past/")
    page.get_by_label("Search").fill("EXCOM")
    page.get_by_role("link", name="WeGO EXCOM 2020").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("WeGO EXCOM 2020")
    expect(page.locator(".lead")).to_have_text("“Rethinking Smart Cities: Agile and Connected”")
    expect(page.locator("#figures-title")).to_be_visible()
    expect(page.locator("section", has=page.locator("#figures-title"))).to_contain_text("331")
    page.get_by_role("link", name="Events", exact=True).first.click()
    page.get_by_role("link", name="Archive by year").click()
    page.get_by_role("link", name="2021").click()
    # Known to "Q3/Q4": listed under both quarters, never given a day.
    assembly = page.locator("li", has_text="5th WeGO General Assembly")
    expect(assembly).to_have_count(2)
    expect(assembly.first).to_contain_text("Q3/Q4 2021")
    expect(page.get_by_role("heading", name="Year-round")).to_be_visible()


def test_a_visitor_registers_confirms_adds_it_to_a_calendar_and_cancels_from_the_mail(page, portal):
    webinar = open_event(
        title="Smart Technologies for the New Normal",
        capacity=100,
        start_date=timezone.localdate() + datetime.timedelta(days=20),
        joining_url="https://zoom.example/j/2021",
    )
    page.goto(f"{portal}/events/")
    page.get_by_role("link", name=webinar.title).click()
    page.get_by_role("link", name="Register").click()
    page.get_by_label("Your name").fill("Ana Reyes")
    page.get_by_label("Your email address").fill("ana@cauayan.example")
    page.get_by_label("Organisation").fill("Cauayan City")
    page.get_by_label("Country").select_option("PH")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="Check your mail")).to_be_visible()

    page.goto(portal + link_in_mail("ana@cauayan.example", "confirm_address", "confirm"))
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.get_by_text("Your address is confirmed.")).to_be_visible()
    expect(page.locator("#registration-state")).to_contain_text("Confirmed")
    expect(page.locator("#joining-link")).to_have_attribute("href", "https://zoom.example/j/2021")

    calendar_link = page.get_by_role("link", name="Add it to my calendar (.ics)")
    answer = page.request.get(portal + calendar_link.get_attribute("href"))
    [entry] = icalendar.Calendar.from_ical(answer.body()).walk("VEVENT")
    assert str(entry["summary"]) == webinar.title and entry.decoded("dtstart") == webinar.start_date

    page.goto(portal + link_in_mail("ana@cauayan.example", "confirmed", "registration"))
    page.get_by_label("Yes, cancel my registration.").check()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("Your registration is cancelled.")).to_be_visible()
    expect(page.locator("#registration-state")).to_contain_text("Cancelled")


def test_a_full_events_waiting_list_gets_an_offer_that_is_accepted(page, portal):
    event = open_event(title="Closed EXCOM session", capacity=1)
    first = verified(UserFactory(email="first@city.example"))
    registering.register(event, name="First", email=first.email, user=first)
    page.goto(f"{portal}/events/{event.slug}/")
    page.get_by_role("link", name="Join the waiting list").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Join the waiting list for Closed EXCOM session")
    page.get_by_label("Your name").fill("Ben Okafor")
    page.get_by_label("Your email address").fill("ben@abuja.example")
    page.get_by_role("button", name="Join the waiting list").click()
    page.goto(portal + link_in_mail("ben@abuja.example", "confirm_address", "confirm"))
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.locator("#registration-state")).to_contain_text("Number 1 on the waiting list")

    registering.cancel(Registration.objects.get(email=first.email), actor=first)

    page.goto(portal + link_in_mail("ben@abuja.example", "offered", "registration"))
    page.get_by_role("button", name="Accept the seat").click()
    expect(page.get_by_text("The seat is yours.")).to_be_visible()
    expect(page.locator("#registration-state")).to_contain_text("Confirmed")


def test_staff_check_people_in_on_a_phone(browser, portal):
    event = open_event(title="Chengdu Smart City Training Program", capacity=30)
    for name in ("Ana Reyes", "Ben Okafor", "Chen Li"):
        email = f"{name.split()[0].lower()}@city.example"
        registering.register(event, name=name, email=email, user=verified(UserFactory(email=email)))
    with_known_authenticator(secretariat_user(email="door@we-gov.org"))
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    sign_in_with_code(phone, portal, "door@we-gov.org")
    phone.goto(f"{portal}/events/{event.slug}/check-in/")
    phone.get_by_label("Name or address").fill("chen")
    rows = phone.locator(".check-in-row")
    expect(rows).to_have_count(1)
    rows.get_by_role("button", name="Check in").tap()
    expect(rows.get_by_role("button", name="Present")).to_be_visible()
    assert Registration.objects.get(email="chen@city.example").attended
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
