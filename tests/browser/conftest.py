import os
import re
import time
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from playwright.sync_api import Browser, Error, expect

from tests.conftest import restore_report
from tests.factories import secretariat_user

# Playwright's sync API runs an event loop in the test thread; the ORM calls here are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail("The browser tests need Debian's Chromium: apt-get install -y chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # The machine has no network beyond loopback: keep Chromium from reaching out.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, stopped before the test database is dropped, not after."""
    return live_server


@pytest.fixture
def portal(live_server, transactional_db, report_rows):
    """The live portal with the 2020 report's data, as a visitor finds it after `make run`."""
    restore_report(report_rows)
    return live_server.url


@pytest.fixture
def page(page):
    """A page that fails the test on any script error or Content-Security-Policy violation."""
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(f"{message.text} {message.location}"),
    )
    page.on(
        "response",
        lambda response: response.status >= 400 and problems.append(f"{response.status} {response.url}"),
    )
    yield page
    assert problems == []


# WCAG 2.2 AA included: target-size (2.5.8) is one of its rules, and axe leaves it off unless asked.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = """async (tags) => await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    rules: {'target-size': {enabled: true}},
})"""


def axe_violations(page, impacts=("serious", "critical")):
    # Evaluated through DevTools, which the page's CSP does not govern (a <script> tag would be refused).
    page.evaluate(AXE.read_text() + "\n;void 0")
    result = page.evaluate(RUN_AXE, AXE_TAGS)
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


# Every page a browser test opens, in any context (the `page` fixture's, admin_page's, a phone's, one
# without JavaScript), is checked again after the test: it must not scroll sideways at 320 and 390
# pixels, and axe (WCAG 2.2 AA) must find nothing serious or critical at 320 pixels. The check
# replays the HTML the server sent, so a page seen signed in is checked as it was seen, even after
# the test signed out; scripts are left out, as on a phone without JavaScript.
PHONE_WIDTHS = (320, 390)
already_checked = set()


@pytest.fixture(autouse=True)
def every_page_fits_a_phone_and_passes_axe(monkeypatch):
    seen = []
    browsers = []
    new_context = Browser.new_context

    def keep_html(response):
        request = response.request
        if request.resource_type != "document" or response.frame.parent_frame is not None:
            return
        html = response.headers.get("content-type", "").startswith("text/html")
        if 300 <= response.status < 400 or not html:
            return
        try:
            seen.append((response.url, response.text()))
        except Error:
            # The test moved on before the page's body arrived (Chromium then drops it): the page
            # was not shown, and whatever was shown next is checked instead.
            pass

    def new_context_that_keeps_html(browser, *args, **kwargs):
        context = new_context(browser, *args, **kwargs)
        browsers.append(browser)
        context.on("response", keep_html)
        return context

    monkeypatch.setattr(Browser, "new_context", new_context_that_keeps_html)
    yield
    if seen:
        problems = pages_that_do_not_fit_or_fail_axe(new_context(browsers[0]), seen)
        assert not problems, "\n".join(problems)


# The innermost elements that reach past the right edge: what to fix when a page is too wide.
WIDEST_ELEMENTS = """() => {
  const edge = document.documentElement.clientWidth;
  const past = [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > edge + 1);
  const innermost = past.filter(e => !past.some(other => other !== e && e.contains(other)));
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    [...e.classList].slice(0, 2).map(c => "." + c).join("");
  return innermost.slice(0, 4).map(e => (e.parentElement ? name(e.parentElement) + " > " : "") + name(e));
}"""


def pages_that_do_not_fit_or_fail_axe(context, seen):
    problems = []
    replayed = {}

    def serve(route):
        request = route.request
        if request.resource_type == "document" and request.url == replayed["url"]:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=replayed["html"])
        elif request.resource_type == "script":
            route.abort()
        else:
            route.continue_()

    page = context.new_page()
    page.route("**/*", serve)
    for url, html in seen:
        # The same page rendered twice differs only in its CSRF token and CSP nonce.
        key = (url, re.sub(r'(value|nonce)="[^"]{20,}"', "", html))
        if key in already_checked:
            continue
        already_checked.add(key)
        replayed.update(url=url, html=html)
        path = url.split("/", 3)[-1]
        page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": 800})
        page.goto(url)
        for width in PHONE_WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            scroll_width, client_width = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if scroll_width > client_width:
                widest = page.evaluate(WIDEST_ELEMENTS)
                problems.append(f"/{path} at {width}px is {scroll_width}px wide, because of {widest}")
        # At the narrowest width, where targets are closest together; the tests' own axe checks
        # cover the widths they use.
        page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": 800})
        for violation in axe_violations(page):
            problems.append(f"/{path} at {PHONE_WIDTHS[0]}px: {violation}")
    context.close()
    return problems


# Staff who sign in to the admin with a password and a code from a known authenticator secret.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "a long pass phrase for wego"


def current_code():
    return format_hotp_value(hotp_value(SECRET, next(yield_hotp_counters_from_time())))


def secretariat_member(email):
    """A Secretariat member (a superuser) whose password is PASSWORD and whose authenticator is SECRET's."""
    staff = secretariat_user(email=email, is_superuser=True)
    staff.set_password(PASSWORD)
    staff.save()
    staff.authenticator_set.all().delete()
    TOTP.activate(staff, SECRET)
    return staff


def admin_page(browser, portal, email, problems=None):
    """A new browser page signed in to the admin as `email`, password and code."""
    page = browser.new_context().new_page()
    if problems is not None:
        watched(page, problems)
    page.goto(f"{portal}/admin/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    enter_a_fresh_code(page)
    return page


def enter_a_fresh_code(page, signed_in=None):
    """Enter the authenticator's code and wait for the admin.

    A code is refused if its 30-second period ends on the way to the server, or if it was already
    used (a second sign-in in the same period): then wait for the next period's code and enter
    that. Returning only once the admin is there also keeps the caller's next goto() from
    cancelling the sign-in's own navigation."""
    signed_in = signed_in or page.locator("#user-tools")
    refused = page.locator("[aria-invalid=true]")
    for _attempt in range(2):
        code = current_code()
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Sign In").click()
        expect(signed_in.or_(refused)).to_be_visible()
        if signed_in.is_visible():
            return
        while current_code() == code:
            time.sleep(0.1)  # polling for the next period's code, a state, not a fixed wait
    raise AssertionError("The authenticator's code was refused twice.")


def watched(page, problems):
    """Record script errors, CSP violations and failed requests, as the `page` fixture does."""
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: m.type == "error" and problems.append(f"{m.text} {m.location}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    return page


def sign_in(page, portal, email):
    """Sign in with PASSWORD, as a person does; signing in leads to My WeGO, and waiting for it lets
    the page arrive before the next one is asked."""
    page.goto(f"{portal}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="My WeGO", level=1)).to_be_visible()


def sign_in_with_code(page, portal, email):
    """Sign in on the site as staff do: password, then the authenticator's code (SECRET's)."""
    page.goto(f"{portal}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    enter_a_fresh_code(page, page.get_by_role("heading", name="My WeGO", level=1))
    return page


def with_known_authenticator(user):
    """A staff member (made by tests.factories.staff_in) whose password is PASSWORD and whose
    authenticator is SECRET's, to sign in in the browser."""
    user.set_password(PASSWORD)
    user.save()
    user.authenticator_set.all().delete()
    TOTP.activate(user, SECRET)
    return user


def sign_out_on_a_phone(page, portal):
    """On a phone the account buttons are behind the menu, a <details> disclosure."""
    page.locator("summary.site-menu-toggle").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{portal}/")
    page.wait_for_load_state()


def link_in(message, path):
    """The address in a mail that starts with `path`, without the portal's host."""
    return re.search(rf"https?://[^/\s]+({path}[^\s]*)", message.body).group(1)
