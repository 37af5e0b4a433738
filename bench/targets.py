"""The URLs the benchmark measures, shared by bench/run (wrk) and bench/queries.py.

Each target is (name, path, how): "plain" for the baselines; "warm" for a public page a visitor gets
from the page cache; "cold" for the same page with the cache bypassed (bench/settings.py's header);
"signed-in" for a page of a signed-in official (bench/signin.py's session).
"""

from pathlib import Path

BARE = "bare"
# The ceiling for any server-rendered page: a template of 25 rows, no query. Every target is a ratio of it.
CEILING = "bare-rows"
COLD_HEADER = "X-Bench-Cold: 1"
SESSION_FILE = Path(__file__).resolve().parent.parent / "var" / "bench" / "session.txt"
# The Exchange catalogue searched and filtered as a visitor would (relevance order, a count, a page):
# with a word a few per cent of projects contain, and with one in about one project in six.
SEARCHED = "/driver/exchange/?q=parking&stage=pilot&area=traffic-management"
SEARCHED_BROADLY = "/driver/exchange/?q=traffic&stage=pilot&region=asia-pacific"


def public_pages():
    """(name, path) of the public pages measured. Needs Django set up, to pick a real member and project."""
    from members.models import Member
    from programs.models import ImplementerCall, Project

    # The lowest primary key is one of the 2020 report's members at every scale.
    member = Member.objects.order_by("pk").first()
    # A project with indicators: a synthetic one (the report's two have none).
    project = Project.objects.published().filter(indicators__isnull=False).order_by("pk").first()
    pages = [
        ("directory", "/members/"),
        ("filtered", "/members/?region=asia-pacific&type=local-government&q=an"),
        ("member", member.get_absolute_url()),
        ("export.json", "/members/export.json"),
        ("exchange", "/driver/exchange/"),
        ("exchange-searched", SEARCHED),
        ("exchange-broad", SEARCHED_BROADLY),
        ("project", project.get_absolute_url()),
        ("partners", "/driver/partners/"),
        ("solutions", "/driver/solutions/"),
        ("implementer", "/driver/project-implementer/"),
        # The newest call announced: the report's 2020 call at least, with its beneficiary.
        (
            "implementer-call",
            ImplementerCall.objects.announced().order_by("-year").first().get_absolute_url(),
        ),
        ("events", "/events/"),
        ("events-filtered", "/events/past/?kind=webinar&year=2020&q=smart"),
        # The report's EXCOM 2020: host, sponsors, outcomes and figures.
        ("event", "/events/excom-2020/"),
    ]
    return pages


def signed_in():
    """The session cookie and the Solution Finder application bench/signin.py made."""
    cookie, application = SESSION_FILE.read_text().split()
    return cookie, application


def targets():
    """(name, path, how, header) tuples, the baselines first."""
    cookie, application = signed_in()
    rows = [(BARE, "/bench/bare/", "plain", ""), (CEILING, "/bench/rows/", "plain", "")]
    for name, path in public_pages():
        rows.append((name, path, "warm", ""))
        rows.append((f"{name}~cold", path, "cold", COLD_HEADER))
    rows.append(("my-wego", "/my/", "signed-in", f"Cookie: {cookie}"))
    rows.append(("application", application, "signed-in", f"Cookie: {cookie}"))
    return rows


if __name__ == "__main__":
    import django

    django.setup()
    for name, path, how, header in targets():
        print(name, path, how, header)
