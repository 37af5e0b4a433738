"""A page made of parts that the apps contribute, so that the page names no app: My WeGO's panels
(organisations/dashboard.py), an organisation's appearances on its public page
(organisations/appearances.py), and whatever page a later programme builds the same way.

Each app registers its parts in a module of its own (panels.py, appearances.py), found when the
project starts. A part's context(...) returns what its template needs, or None when it has nothing
to show this time.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Part:
    name: str
    template: str
    context: Callable
    # Parts are shown in this order, smallest first.
    order: int = 100


class Contributions:
    """The parts of one page. `role` is what a part is called in its template ("panel", "section")."""

    def __init__(self, role):
        self.role = role
        self.parts = []

    def register(self, part):
        if any(existing.name == part.name for existing in self.parts):
            raise ValueError(f"A {self.role} named {part.name!r} is registered already.")
        self.parts.append(part)
        self.parts.sort(key=lambda p: (p.order, p.name))
        return part

    def rendered(self, request, *arguments, **extra):
        """The HTML of each part with something to show, in order; `arguments` go to its context()."""
        shown = []
        for part in self.parts:
            context = part.context(*arguments)
            if context is not None:
                shown.append(render_to_string(part.template, {**context, **extra, self.role: part}, request))
        return shown
