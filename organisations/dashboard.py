"""My WeGO: the signed-in person's own page, made of the panels the apps contribute.

Each app declares its panels in its own panels.py (found when the project starts); this module and
its template name no app. A panel's context(request) returns what its template needs, or None when
the panel has nothing to say to this person.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

_PANELS = []


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    context: Callable
    # Panels are shown in this order, smallest first.
    order: int = 100


def register(panel):
    if any(existing.name == panel.name for existing in _PANELS):
        raise ValueError(f"A panel named {panel.name!r} is registered already.")
    _PANELS.append(panel)
    _PANELS.sort(key=lambda p: (p.order, p.name))
    return panel


def rendered_panels(request):
    """The HTML of each panel that has something for this person, in order."""
    shown = []
    for panel in _PANELS:
        context = panel.context(request)
        if context is not None:
            shown.append(render_to_string(panel.template, {**context, "panel": panel}, request=request))
    return shown
