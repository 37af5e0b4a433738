"""My WeGO: the signed-in person's own page, made of the panels the apps contribute.

Each app declares its panels in its own panels.py (found when the project starts); this module and
its template name no app. A panel's context(request) returns what its template needs, or None when
the panel has nothing to say to this person.
"""

from wego.contributions import Contributions
from wego.contributions import Part as Panel

PANELS = Contributions("panel")
register = PANELS.register

__all__ = ["PANELS", "Panel", "register", "rendered_panels"]


def rendered_panels(request):
    """The HTML of each panel that has something for this person, in order."""
    return PANELS.rendered(request, request)
