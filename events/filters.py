"""The events list's filters (and the calendar feed's, which takes the same query string)."""

import functools

import django_filters
from django.db.models import F, Q
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.translation import gettext_lazy as _

from organisations.list_filters import RegionChoiceFilter
from wego.listing import ListFilterSet, ListForm, search_filter
from wego.pagecache.versions import remembered

from .dates import Precision
from .models import Event, Format, Kind, Network, Programme

SHOWS = ("events", "networks")


def published():
    return Event.objects.published()


def year_choices():
    """Every year an event's known span touches, newest first: once per change to the events."""

    def scan():
        years = set()
        for first, last in published().exclude(period_start=None).values_list("period_start", "period_end"):
            years.update(range(first.year, last.year + 1))
        return sorted(years, reverse=True)

    return [(str(year), str(year)) for year in remembered(SHOWS, "event-years", scan)]


def programme_choices():
    networks = remembered(
        SHOWS, "event-networks", lambda: list(Network.objects.values_list("slug", "short_name"))
    )
    return [*Programme.choices, *((slug, name) for slug, name in networks)]


QUARTERS = [(str(number), _("Q%(quarter)d") % {"quarter": number}) for number in range(1, 5)]


class EventFilter(ListFilterSet):
    folded_name = "title_folded"
    text_field = "description"
    shows = SHOWS

    q = search_filter(_("Search"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=Kind.choices,
        empty_label=_("All kinds"),
        error_messages={"invalid_choice": _("There is no kind of event “%(value)s”.")},
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"),
        choices=Format.choices,
        empty_label=_("Any format"),
        error_messages={"invalid_choice": _("There is no format “%(value)s”.")},
    )
    programme = django_filters.ChoiceFilter(
        label=_("Programme or network"),
        choices=programme_choices,
        method="of_programme",
        empty_label=_("All programmes and networks"),
        error_messages={"invalid_choice": _("There is no programme or network “%(value)s”.")},
    )
    region = RegionChoiceFilter()
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        choices=year_choices,
        method="in_year",
        empty_label=_("Any year"),
        error_messages={"invalid_choice": _("“%(value)s” is not one of the years events are recorded in.")},
    )
    quarter = django_filters.ChoiceFilter(
        label=_("Quarter"),
        choices=QUARTERS,
        method="in_quarter",
        empty_label=_("Any quarter"),
        help_text=_(
            "An event known only to its year is in no quarter; a year-round event is in every quarter."
        ),
        error_messages={"invalid_choice": _("There is no quarter “%(value)s”: choose 1 to 4.")},
    )

    class Meta:
        model = Event
        fields = []
        form = ListForm

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=published() if queryset is None else queryset, **kwargs)
        self.filters["year"].extra["choices"] = functools.cache(year_choices)
        self.filters["programme"].extra["choices"] = functools.cache(programme_choices)

    def of_programme(self, queryset, name, value):
        if value in Programme.values:
            return queryset.filter(programme=value)
        return queryset.filter(network__slug=value)

    def in_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(period_start__year__lte=year, period_end__year__gte=year)

    def in_quarter(self, queryset, name, value):
        """Events whose known span touches the quarter (in the chosen year, if one is): an event
        known only to the year, or not at all, is in none."""
        quarter = int(value)
        spans = queryset.exclude(precision=Precision.TBD).exclude(period_start=None)
        spans = spans.annotate(
            first_year=ExtractYear("period_start"),
            last_year=ExtractYear("period_end"),
            first_quarter=ExtractQuarter("period_start"),
            last_quarter=ExtractQuarter("period_end"),
        )
        within_one_year = Q(first_year=F("last_year"), first_quarter__lte=quarter, last_quarter__gte=quarter)
        across_years = ~Q(first_year=F("last_year")) & (
            Q(first_quarter__lte=quarter) | Q(last_quarter__gte=quarter)
        )
        return spans.filter(within_one_year | across_years)

    def sorted(self, queryset):
        # Known to the day before known to the month before the quarter, within the same span's start.
        return queryset.select_related("region", "network").order_by(
            F("period_start").asc(nulls_last=True), "period_end", "title_folded", "pk"
        )


class PastEventFilter(EventFilter):
    """The same filters over past events, the latest first."""

    def sorted(self, queryset):
        return queryset.select_related("region", "network").order_by(
            F("period_end").desc(nulls_last=True), F("period_start").desc(), "title_folded", "pk"
        )
