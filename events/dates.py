"""When an event takes place, as precisely as it is known, and never more precisely.

The annual report dates most of WeGO's 2021 plan to a quarter ("Q3 TBD"), some to a month, a few to
the day, and some not at all. An event keeps its date at that precision (`Precision`) and is shown
at it ("Q3/Q4 2021", "June 2021 (to be confirmed)"); it is never given an invented day.

For sorting and for the year and quarter filters, each event also has its *period*: the first and
last day of the span its date is known to fall within (the whole quarter, the whole month). The
period is a bound, not a date: it is never shown as one.
"""

import calendar
import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Precision(models.TextChoices):
    EXACT = "exact", _("Exact start and end, with their time zone")
    DAYS = "days", _("The day or days, without times")
    MONTH = "month", _("A month, or months")
    QUARTER = "quarter", _("A quarter, or two (Q3/Q4)")
    YEAR_ROUND = "year-round", _("Year-round")
    TBD = "tbd", _("To be decided")


def quarter_of(day):
    return (day.month - 1) // 3 + 1


def quarter_span(year, quarter):
    first = datetime.date(year, 3 * quarter - 2, 1)
    last_month = 3 * quarter
    return first, datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])


def month_span(year, month):
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def day(value):
    return formats.date_format(value, "DATE_FORMAT")


def zone_label(zone_name):
    """A time zone as a reader names it: "Asia/Seoul" is "Seoul time", "America/New_York" "New York time"."""
    city = zone_name.rsplit("/", 1)[-1].replace("_", " ")
    return str(_("%(city)s time")) % {"city": city}


def moment_label(moment, zone_name):
    """A moment in a time zone, with the zone said: "Dec. 3, 2026, 11:41 a.m. (Seoul time)"."""
    local = moment.astimezone(ZoneInfo(zone_name))
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({zone_label(zone_name)})"


@dataclass(frozen=True)
class When:
    """An event's date as known: the fields of `Dated`, read together."""

    precision: str
    year: int | None = None
    month: int | None = None
    end_month: int | None = None
    quarter: int | None = None
    end_quarter: int | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    time_zone: str = ""

    def problems(self):
        """What is missing or contradictory, as {field: message}; empty when the date holds."""
        found = {}
        needs = {
            Precision.EXACT: ("starts_at", "ends_at", "time_zone"),
            Precision.DAYS: ("start_date",),
            Precision.MONTH: ("year", "month"),
            Precision.QUARTER: ("year", "quarter"),
            Precision.YEAR_ROUND: ("year",),
            Precision.TBD: (),
        }[self.precision]
        for name in needs:
            if getattr(self, name) in (None, ""):
                found[name] = _("Needed for a date known to this precision.")
        if (
            self.precision == Precision.EXACT
            and self.starts_at
            and self.ends_at
            and self.ends_at < self.starts_at
        ):
            found["ends_at"] = _("The end comes before the start.")
        if (
            self.precision == Precision.DAYS
            and self.start_date
            and self.end_date
            and self.end_date < self.start_date
        ):
            found["end_date"] = _("The last day comes before the first.")
        if (
            self.precision == Precision.MONTH
            and self.month
            and self.end_month
            and self.end_month <= self.month
        ):
            found["end_month"] = _("The last month must come after the first.")
        if (
            self.precision == Precision.QUARTER
            and self.quarter
            and self.end_quarter
            and self.end_quarter <= self.quarter
        ):
            found["end_quarter"] = _("The second quarter must come after the first.")
        return found

    def local(self, moment):
        """An exact moment in the event's own time zone."""
        return moment.astimezone(ZoneInfo(self.time_zone))

    def period(self):
        """(first day, last day) of the span the event is known to fall within, or (None, None) when
        not even its year is known. Exact moments count in the event's own time zone."""
        if self.precision == Precision.EXACT:
            return self.local(self.starts_at).date(), self.local(self.ends_at).date()
        if self.precision == Precision.DAYS:
            return self.start_date, self.end_date or self.start_date
        if self.precision == Precision.MONTH:
            return month_span(self.year, self.month)[0], month_span(self.year, self.end_month or self.month)[
                1
            ]
        if self.precision == Precision.QUARTER:
            return (
                quarter_span(self.year, self.quarter)[0],
                quarter_span(self.year, self.end_quarter or self.quarter)[1],
            )
        if self.year is not None:
            return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        return None, None

    @property
    def has_days(self):
        """Whether the days are known: only then does the event go into a calendar."""
        return self.precision in (Precision.EXACT, Precision.DAYS)

    def label(self):
        """The date as a reader expects it, at its precision ("Q3/Q4 2021", "5 August 2020")."""
        if self.precision == Precision.EXACT:
            start, end = self.local(self.starts_at), self.local(self.ends_at)
            zone = zone_label(self.time_zone)
            if start.date() == end.date():
                return f"{day(start)}, {formats.time_format(start)}–{formats.time_format(end)} ({zone})"
            first, last = (
                f"{day(start)}, {formats.time_format(start)}",
                f"{day(end)}, {formats.time_format(end)}",
            )
            return f"{first} – {last} ({zone})"
        if self.precision == Precision.DAYS:
            if self.end_date and self.end_date != self.start_date:
                return f"{day(self.start_date)} – {day(self.end_date)}"
            return day(self.start_date)
        if self.precision == Precision.MONTH:
            first = formats.date_format(datetime.date(self.year, self.month, 1), "YEAR_MONTH_FORMAT")
            if self.end_month:
                last = formats.date_format(datetime.date(self.year, self.end_month, 1), "YEAR_MONTH_FORMAT")
                return f"{first} – {last}"
            return first
        if self.precision == Precision.QUARTER:
            if self.end_quarter:
                return str(_("Q%(first)d/Q%(last)d %(year)d")) % {
                    "first": self.quarter,
                    "last": self.end_quarter,
                    "year": self.year,
                }
            return str(_("Q%(quarter)d %(year)d")) % {"quarter": self.quarter, "year": self.year}
        if self.precision == Precision.YEAR_ROUND:
            return str(_("Year-round %(year)d")) % {"year": self.year}
        if self.year is not None:
            return str(_("%(year)d, date to be decided")) % {"year": self.year}
        return str(pgettext_lazy("date", "To be decided"))
