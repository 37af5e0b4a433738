"""What an organisation's public page lists of it from the rest of the portal: its Exchange projects,
its published Solution Finder packages, and later its events, awards and health data.

Each app declares its sections in its own appearances.py (found when the project starts), as apps
declare their panels of My WeGO, so that the page names no app. A section's context(organisation)
returns what its template needs, or None when the organisation appears in nothing of it. A section
names the kinds of content it shows, the organisation's own included where its template prints
something of it: it is kept for everyone under them, so that a page made anew after a change to
something else (another kind the page shows) renders only what changed.
"""

from wego.contributions import Contributions
from wego.contributions import Part as Section

SECTIONS = Contributions("section", for_everyone=True)
register = SECTIONS.register

__all__ = ["SECTIONS", "Section", "register", "rendered_sections"]


def rendered_sections(request, organisation):
    """The HTML of each section that has something to list for this organisation, in order."""
    return SECTIONS.rendered(request, organisation, varies_on=organisation.pk, organisation=organisation)
