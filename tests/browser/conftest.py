import os
from pathlib import Path

import pytest

from tests.conftest import restore_report

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
