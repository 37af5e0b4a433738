"""This app's panels of My WeGO: the organisations the person acts for, and their messages."""

from dataclasses import dataclass

from wego.notifications import inbox
from wego.notifications.models import Notification
from wego.workflow.engine import current_note, state_for_applicant

from . import profiles
from .dashboard import Panel, register
from .workflow import ACTING, AFFILIATION, REASON, REQUESTER

RECENT_MESSAGES = 20


@dataclass
class AffiliationRow:
    affiliation: object
    state: object
    acting: bool
    reason: str  # why the Secretariat declined or ended it
    steps: list  # what the person may do: withdraw


def affiliations(request):
    # With each organisation's profiles, which give its public page (Organisation.public_url).
    with_profiles = [f"organisation__{accessor}" for accessor in profiles.accessors()]
    rows = request.user.affiliations.select_related("organisation", *with_profiles).order_by("-updated_at")
    return {
        "affiliations": [
            AffiliationRow(
                affiliation,
                state_for_applicant(affiliation),
                AFFILIATION.has(affiliation, ACTING),
                current_note(affiliation) if AFFILIATION.has(affiliation, REASON) else "",
                # The person's own affiliations: they hold the requester's role, no query needed.
                AFFILIATION.available_for_roles(affiliation, {REQUESTER}),
            )
            for affiliation in rows
        ]
    }


def messages(request):
    shown = list(inbox.recent(request.user, limit=RECENT_MESSAGES))
    # The heading counts every message, and the panel says when only the latest are listed.
    total = len(shown)
    if total == RECENT_MESSAGES:
        total = Notification.objects.filter(recipient=request.user).count()
    return {"notifications": shown, "total": total}


register(
    Panel(
        "affiliations",
        "organisations/panels/affiliations.html",
        affiliations,
        order=10,
        # An organisation's public page is its member's or partner's profile.
        shows=frozenset({"affiliations", "histories", "organisations", "members", "partners"}),
    )
)
register(
    Panel(
        "messages",
        "organisations/panels/messages.html",
        messages,
        order=90,
        shows=frozenset({"notifications"}),
    )
)
