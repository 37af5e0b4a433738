"""The strategic partners directory's and the solutions catalogue's filters, as the member directory's.

A bad value is dropped with a notice in plain words and the rest still applies.
"""

import functools

import django_filters
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from organisations.list_filters import RegionChoiceFilter
from wego.listing import ListFilterSet, ListForm, search_filter

from ..models import LANGUAGE_CHOICES, Area, Maturity, Partner, PartnerType, PriceModel, Solution


class AreaField(ModelChoiceField):
    def label_from_instance(self, area):
        return gettext(area.name)


class AreaChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = AreaField

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Area"),
            queryset=Area.objects.all(),
            to_field_name="slug",
            empty_label=_("All areas"),
            error_messages={"invalid_choice": _("There is no area “%(value)s”.")},
            **kwargs,
        )


def sort_field(folded_name):
    return django_filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=None,
        null_label=None,
        error_messages={"invalid_choice": _("The list cannot be sorted by “%(value)s”.")},
        fields=((folded_name, "name"), ("updated_at", "updated")),
        field_labels={
            folded_name: _("Name (A to Z)"),
            "-name": _("Name (Z to A)"),
            "updated_at": _("Updated (oldest first)"),
            "-updated": _("Updated (newest first)"),
        },
    )


def language_choices():
    """The languages listed partners work in, by their translated names."""
    spoken = set()
    for languages in Partner.objects.filter(is_listed=True).order_by().values_list("languages", flat=True):
        spoken.update(languages or [])
    names = dict(LANGUAGE_CHOICES)
    return sorted(((code, gettext(names[code])) for code in spoken if code in names), key=lambda c: c[1])


class PartnerFilter(ListFilterSet):
    folded_name = "organisation__name_folded"
    text_field = "profile"
    shows = ("partners",)

    q = search_filter()
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=PartnerType.choices,
        empty_label=_("All types"),
        error_messages={"invalid_choice": _("There is no partner type “%(value)s”.")},
    )
    area = AreaChoiceFilter(field_name="areas")
    region = RegionChoiceFilter(field_name="regions", label=_("Region served"))
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        method="speaks",
        empty_label=_("Any language"),
        error_messages={
            "invalid_choice": _("No listed partner works in a language with the code “%(value)s”.")
        },
    )
    sort = sort_field("organisation__name_folded")

    class Meta:
        model = Partner
        fields = []
        form = ListForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Partner.objects.filter(is_listed=True)
        super().__init__(data, queryset.select_related("organisation").prefetch_related("areas"), **kwargs)
        # Asked at most once per request, however often the form validates or renders.
        self.filters["language"].extra["choices"] = functools.cache(language_choices)

    def speaks(self, queryset, name, value):
        # The codes are stored as a JSON list; matching the quoted code works on any database.
        return queryset.filter(languages__icontains=f'"{value}"') if value else queryset


class SolutionFilter(ListFilterSet):
    text_field = "summary"
    shows = ("partners",)

    q = search_filter()
    area = AreaChoiceFilter(field_name="areas")
    maturity = django_filters.ChoiceFilter(
        label=_("Maturity"),
        choices=Maturity.choices,
        empty_label=_("Any maturity"),
        error_messages={"invalid_choice": _("There is no maturity “%(value)s”.")},
    )
    price = django_filters.ChoiceFilter(
        label=_("Price model"),
        field_name="price_model",
        choices=PriceModel.choices,
        empty_label=_("Any price model"),
        error_messages={"invalid_choice": _("There is no price model “%(value)s”.")},
    )
    partner_type = django_filters.ChoiceFilter(
        label=_("Partner type"),
        field_name="partner__type",
        choices=PartnerType.choices,
        empty_label=_("All partner types"),
        error_messages={"invalid_choice": _("There is no partner type “%(value)s”.")},
    )
    sort = sort_field("name_folded")

    class Meta:
        model = Solution
        fields = []
        form = ListForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Solution.objects.filter(is_listed=True, partner__is_listed=True)
        super().__init__(
            data, queryset.select_related("partner__organisation").prefetch_related("areas"), **kwargs
        )
