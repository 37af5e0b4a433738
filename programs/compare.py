"""The benchmark: up to four projects side by side, their indicators aligned by name and unit."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

from wego.text import fold

LIMIT = 4


def number(value):
    """A figure as a reader writes it: 1,200 and 12.5, not 1200.0000 and 12.5000."""
    if value is None:
        return None
    return number_format(Decimal(format(value.normalize(), "f")), force_grouping=True)


@dataclass
class Figures:
    baseline: str | None
    target: str | None
    achieved: str | None


def figures(indicator):
    return Figures(number(indicator.baseline), number(indicator.target), number(indicator.achieved))


def key(indicator):
    """Indicators are the same when their names and units match, whatever the case, accents and spacing."""
    return tuple(re.sub(r"\s+", " ", fold(text)).strip() for text in (indicator.name, indicator.unit))


@dataclass
class Row:
    name: str
    unit: str
    # The indicator's Figures, or None, per project, in the projects' order.
    values: list = field(default_factory=list)


def indicator_rows(projects):
    """One row per distinct indicator, in the order they first appear; a project that lacks it has None."""
    rows = {}
    for position, project in enumerate(projects):
        for indicator in project.indicators.all():
            row = rows.setdefault(key(indicator), Row(indicator.name, indicator.unit, [None] * len(projects)))
            if row.values[position] is None:
                row.values[position] = figures(indicator)
    return list(rows.values())
