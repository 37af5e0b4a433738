import functools

import django_filters
from django.utils.translation import gettext_lazy as _

from organisations.list_filters import RegionChoiceFilter
from wego.countries import by_name
from wego.listing import ListFilterSet, ListForm, search_filter
from wego.pagecache.versions import remembered

from .models import Member, MemberType

# The countries the members are in and the years they joined: each a scan of the whole table, done
# once per change to the members or their organisations (wego/pagecache), not once per request.
MEMBERS = ("members", "organisations")


def country_choices():
    return by_name(remembered(MEMBERS, "member-countries", lambda: sorted(Member.objects.countries())))


def year_choices():
    years = remembered(MEMBERS, "member-years", Member.objects.joined_years)
    return [(str(year), str(year)) for year in years]


class MemberFilter(ListFilterSet):
    folded_name = "organisation__name_folded"
    shows = MEMBERS

    q = search_filter(_("Search by name"))
    region = RegionChoiceFilter(field_name="organisation__region")
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        field_name="organisation__kind",
        choices=MemberType.choices,
        empty_label=_("All types"),
        error_messages={"invalid_choice": _("There is no member type “%(value)s”.")},
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="organisation__country",
        choices=country_choices,
        empty_label=_("All countries"),
        error_messages={"invalid_choice": _("No member is listed in a country with the code “%(value)s”.")},
    )
    year = django_filters.ChoiceFilter(
        label=_("Year joined"),
        choices=year_choices,
        field_name="joined_on__year",
        empty_label=_("Any year"),
        help_text=_("Join dates are known only for the members the 2020 annual report lists as new."),
        error_messages={"invalid_choice": _("No member is recorded as joining in “%(value)s”.")},
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=None,
        null_label=None,
        error_messages={"invalid_choice": _("The directory cannot be sorted by “%(value)s”.")},
        fields=(("organisation__name_folded", "name"), ("joined_on", "joined")),
        field_labels={
            "organisation__name_folded": _("Name (A to Z)"),
            "-name": _("Name (Z to A)"),
            "joined_on": _("Joined (oldest first)"),
            "-joined": _("Joined (newest first)"),
        },
    )

    class Meta:
        model = Member
        fields = []
        form = ListForm

    def __init__(self, data=None, queryset=None, **kwargs):
        queryset = Member.objects.all() if queryset is None else queryset
        super().__init__(data, queryset.select_related("organisation__region"), **kwargs)
        # Asked at most once per request (not each time the form validates or renders
        # them), and not at all where nothing needs them, as in the exports.
        self.filters["country"].extra["choices"] = functools.cache(country_choices)
        self.filters["year"].extra["choices"] = functools.cache(year_choices)
