"""Every form of the portal that posts either carries a submission token (wego/submissions: sent twice,
it makes one thing) or is listed here with why sending it twice does no harm. A later programme's
form that creates something fails here until it carries the token, and its view is then added to
CREATE_PATHS in test_a_form_sent_twice_at_once_makes_one_thing.py."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POSTING = re.compile(r"""<form\b[^>]*method=["']post["']""", re.IGNORECASE)

# Forms that create nothing, and what a second sending does.
CREATE_NOTHING = {
    "templates/partials/header.html": "signing out and choosing a language: the same state twice",
    "templates/organisations/panels/messages.html": "marking messages read: already read the second time",
    "templates/workflow/steps.html": "a workflow step: the second is refused as stale (seen_state)",
    "templates/members/edit.html": "changing an application's answers: the same answers twice",
    "templates/organisations/profile.html": "changing one's name: the same name twice",
    "templates/programs/partners/edit.html": "changing a partner's profile: the same profile twice",
    "templates/programs/solutions/detail.html": "listing or unlisting a solution: the same state twice",
    "templates/programs/exchange/share_delete.html": "deleting a draft: the second finds it gone and says so",
    "templates/admin/notifications/change_form.html": "sending again: only a failed or uncertain message",
    "templates/admin/programs/solutionfinderapplication/change_form.html": (
        "proposing a partner: refused when the partner is already proposed (a lock and a check)"
    ),
    "templates/events/registration.html": (
        "cancelling, accepting or declining a seat: the second finds it done and changes nothing"
    ),
    "templates/events/confirm_address.html": "confirming an address: confirmed already the second time",
    "templates/events/check_in.html": "checking someone in: present already the second time",
    "templates/events/import_attendance.html": "reading a participant report: those marked stay marked",
}


def posting_templates():
    for folder in [ROOT / "templates", *ROOT.glob("*/templates")]:
        for path in folder.rglob("*.html"):
            if POSTING.search(path.read_text(encoding="utf-8")):
                yield path.relative_to(ROOT).as_posix()


def test_every_posting_form_carries_a_submission_token_or_says_why_not():
    without_token = {
        name
        for name in posting_templates()
        if "submission_token" not in (ROOT / name).read_text(encoding="utf-8")
    }
    assert without_token == set(CREATE_NOTHING)
