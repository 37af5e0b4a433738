import os
import re
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time

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


def axe_violations(page, impacts=("serious", "critical")):
    # Evaluated through DevTools, which the page's CSP does not govern (a <script> tag would be refused).
    page.evaluate(AXE.read_text() + "\n;void 0")
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    run_axe = "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})"
    result = page.evaluate(run_axe, tags)
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


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
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign In").click()
    return page


def watched(page, problems):
    """Record script errors, CSP violations and failed requests, as the `page` fixture does."""
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: m.type == "error" and problems.append(f"{m.text} {m.location}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    return page


def link_in(message, path):
    """The address in a mail that starts with `path`, without the portal's host."""
    return re.search(rf"https?://[^/\s]+({path}[^\s]*)", message.body).group(1)
