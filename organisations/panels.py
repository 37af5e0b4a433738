"""This app's panels of My WeGO: the organisations the person acts for, and their messages."""

from wego.notifications import inbox
from wego.workflow.engine import state_for_applicant

from .dashboard import Panel, register
from .models import Organisation
from .workflow import ACTING, AFFILIATION


def affiliations(request):
    # With each organisation's profiles, which give its public page (Organisation.get_absolute_url).
    profiles = [f"organisation__{profile}" for profile in Organisation.PROFILES]
    rows = request.user.affiliations.select_related("organisation", *profiles).order_by("-updated_at")
    return {
        "affiliations": [
            (affiliation, state_for_applicant(affiliation), AFFILIATION.has(affiliation, ACTING))
            for affiliation in rows
        ]
    }


def messages(request):
    return {"notifications": inbox.recent(request.user)}


register(Panel("affiliations", "organisations/panels/affiliations.html", affiliations, order=10))
register(Panel("messages", "organisations/panels/messages.html", messages, order=90))
