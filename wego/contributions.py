"""A page made of parts that the apps contribute, so that the page names no app: My WeGO's panels
(organisations/dashboard.py), an organisation's appearances on its public page
(organisations/appearances.py), and whatever page a later programme builds the same way.

Each app registers its parts in a module of its own (panels.py, appearances.py), found when the
project starts. A part's context(...) returns what its template needs, or None when it has nothing
to show this time. A part that names the kinds of content it shows (`shows`) is kept until one of
them changes (wego/pagecache/fragments.py): for each signed-in person on a person's page, once for
everyone on a public one; a test checks it reads nothing else.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from .pagecache.fragments import kept_for_everyone, kept_for_person


@dataclass(frozen=True)
class Part:
    name: str
    template: str
    context: Callable
    # Parts are shown in this order, smallest first.
    order: int = 100
    # The kinds of content (wego/pagecache/content.py) the part shows: all of them, or none to
    # render it at every request.
    shows: frozenset = frozenset()


class Contributions:
    """The parts of one page. `role` is what a part is called in its template ("panel", "section").
    The parts of a public page (`for_everyone`) show the same to every visitor and person: each is
    kept once for all of them, not per person."""

    def __init__(self, role, for_everyone=False):
        self.role = role
        self.for_everyone = for_everyone
        self.parts = []

    def register(self, part):
        if any(existing.name == part.name for existing in self.parts):
            raise ValueError(f"A {self.role} named {part.name!r} is registered already.")
        self.parts.append(part)
        self.parts.sort(key=lambda p: (p.order, p.name))
        return part

    def shows(self):
        """Every kind of content the parts show, or None when a part is rendered at every request
        (then no page made of them may be kept whole)."""
        if not all(part.shows for part in self.parts):
            return None
        return frozenset().union(*(part.shows for part in self.parts))

    def rendered(self, request, *arguments, varies_on="", **extra):
        """The HTML of each part with something to show, in order; `arguments` go to its context().
        `varies_on` names them in the key of a part kept for everyone (an organisation's key)."""
        shown = []
        for part in self.parts:

            def render(csrf_token, part=part):
                return self.render(part, request, arguments, extra, csrf_token)

            if part.shows and self.for_everyone:
                html = kept_for_everyone(part.shows, f"{self.role}:{part.name}:{varies_on}", render)
            elif part.shows and request.user.is_authenticated:
                html = kept_for_person(request, part.shows, f"{self.role}:{part.name}", render)
            else:
                html = self.render(part, request, arguments, extra)
            if html:
                shown.append(html)
        return shown

    def render(self, part, request, arguments, extra, csrf_token=None):
        """The part's HTML, or "" when it has nothing to show."""
        context = part.context(*arguments)
        if context is None:
            return ""
        context = {**context, **extra, self.role: part}
        if csrf_token is not None:
            context["csrf_token"] = csrf_token
        return render_to_string(part.template, context, request)
