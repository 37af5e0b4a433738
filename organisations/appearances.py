"""What an organisation's public page lists of it from the rest of the portal: its Exchange projects,
its published Solution Finder packages, and later its events, awards and health data.

Each app declares its sections in its own appearances.py (found when the project starts), as apps
declare their panels of My WeGO, so that the page names no app. A section's context(organisation)
returns what its template needs, or None when the organisation appears in nothing of it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

_SECTIONS = []


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: Callable
    # Sections are shown in this order, smallest first.
    order: int = 100


def register(section):
    if any(existing.name == section.name for existing in _SECTIONS):
        raise ValueError(f"A section named {section.name!r} is registered already.")
    _SECTIONS.append(section)
    _SECTIONS.sort(key=lambda s: (s.order, s.name))
    return section


def rendered_sections(request, organisation):
    """The HTML of each section that has something to list for this organisation, in order."""
    shown = []
    for section in _SECTIONS:
        context = section.context(organisation)
        if context is not None:
            shown.append(
                render_to_string(
                    section.template, {**context, "organisation": organisation, "section": section}, request
                )
            )
    return shown
