"""A city's official proposes a new profile for its member page on a phone, the Secretariat approves
it in the admin, and a visitor then reads it with its logo, at phone and desktop widths."""

import struct
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from members.models import Member
from tests.browser.conftest import admin_page, secretariat_member, watched
from tests.factories import official_of

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's
SHOTS = Path(__file__).resolve().parents[2] / "var"


def png(width=120, height=60):
    """A real PNG (a blue band on white) that the browser draws, made without an imaging library."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(
        b"\x00" + (b"\x1f\x4e\x9a" if height // 3 <= y < 2 * height // 3 else b"\xff\xff\xff") * width
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def shoot(page, name):
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"member-page-{name}-{width}.png", full_page=True)


def test_an_official_proposes_a_profile_the_secretariat_approves_and_a_visitor_reads_it(
    browser, portal, tmp_path
):
    abuja = Member.objects.get(organisation__slug="abuja")
    official = official_of(abuja)
    secretariat_member("secretariat@we-gov.org")
    logo = tmp_path / "abuja.png"
    logo.write_bytes(png())

    problems = []  # script errors, CSP violations, failed requests, on every page
    city = watched(browser.new_context(viewport={"width": 390, "height": 900}).new_page(), problems)
    city.goto(f"{portal}/accounts/login/?next=/members/abuja/")
    city.get_by_label("Email").fill(official.email)
    city.get_by_label("Password").fill(PASSWORD)
    city.get_by_role("button", name="Sign In").click()
    expect(city.get_by_role("heading", level=1)).to_have_text("Abuja")
    city.get_by_role("link", name="Edit the public profile").click()

    city.get_by_label("Description").fill("The Federal Capital Territory of Nigeria.")
    city.get_by_label("Website").fill("https://fcta.example.ng")
    city.get_by_label("Contact email").fill("smartcity@fcta.example.ng")
    city.get_by_label("New logo").set_input_files(str(logo))
    shoot(city, "edit")
    city.get_by_role("button", name="Send to the Secretariat for review").click()
    expect(city.locator(".messages")).to_contain_text("Your change was sent to the Secretariat")
    expect(city.locator(".alert-info")).to_contain_text("waits for the Secretariat's review")

    visitor = watched(browser.new_context(viewport={"width": 390, "height": 900}).new_page(), problems)
    visitor.goto(f"{portal}/members/abuja/")
    expect(visitor.get_by_role("main")).not_to_contain_text("Federal Capital Territory")

    admin = admin_page(browser, portal, "secretariat@we-gov.org", problems)
    admin.goto(f"{portal}/admin/organisations/profilechange/")
    admin.get_by_role("link", name="Abuja").click()
    expect(admin.locator(".profile-comparison")).to_contain_text("Federal Capital Territory")
    expect(admin.locator(".profile-comparison img")).to_have_js_property("naturalWidth", 120)
    shoot(admin, "review")
    admin.get_by_role("button", name="Approve and publish").click()
    expect(admin.locator("#workflow-heading")).to_contain_text("Approved: public")

    visitor.goto(f"{portal}/members/abuja/")
    main = visitor.get_by_role("main")
    expect(main).to_contain_text("The Federal Capital Territory of Nigeria.")
    expect(main.get_by_role("link", name="https://fcta.example.ng")).to_be_visible()
    expect(main.get_by_role("img", name="Logo of Abuja")).to_have_js_property("naturalWidth", 120)
    expect(main).to_contain_text("Africa Regional Office")
    shoot(visitor, "public")
    for page in (city, visitor, admin):
        page.context.close()
    assert problems == []
