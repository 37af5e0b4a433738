"""My WeGO: the signed-in person's own page, made of the panels the apps contribute.

Each app declares its panels in its own panels.py (found when the project starts); this module and
its template name no app. A panel's context(request) returns what its template needs, or None when
the panel has nothing to say to this person.
"""

from django.shortcuts import render

from wego.contributions import Contributions
from wego.contributions import Part as Panel
from wego.pagecache import content
from wego.pagecache.fragments import render_kept_for_person

PANELS = Contributions("panel")
register = PANELS.register

__all__ = ["PANELS", "Panel", "dashboard_page", "register", "rendered_panels"]

# Besides its panels, the page shows the person's name and address, in the layout with the unread count.
PAGE_SHOWS = frozenset({"people", "notifications", content.LAYOUT})


def rendered_panels(request):
    """The HTML of each panel that has something for this person, in order."""
    return PANELS.rendered(request, request)


def dashboard_page(request):
    """My WeGO, kept whole for the person while none of what its panels show changes (each panel is
    kept on its own too, for when one thing changed)."""

    def context():
        return {"panels": rendered_panels(request)}

    if (panels_show := PANELS.shows()) is None:
        return render(request, "organisations/dashboard.html", context())
    return render_kept_for_person(request, "organisations/dashboard.html", context, panels_show | PAGE_SHOWS)
