"""What an organisation's public page lists of it from the rest of the portal: its Exchange projects,
its published Solution Finder packages, and later its events, awards and health data.

Each app declares its sections in its own appearances.py (found when the project starts), as apps
declare their panels of My WeGO, so that the page names no app. A section's context(organisation)
returns what its template needs, or None when the organisation appears in nothing of it.
"""

from wego.contributions import Contributions
from wego.contributions import Part as Section

SECTIONS = Contributions("section")
register = SECTIONS.register

__all__ = ["SECTIONS", "Section", "register", "rendered_sections"]


def rendered_sections(request, organisation):
    """The HTML of each section that has something to list for this organisation, in order."""
    return SECTIONS.rendered(request, organisation, organisation=organisation)
