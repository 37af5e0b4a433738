"""The strategic partners directory's and the solutions catalogue's filters, as the member directory's.

A bad value is dropped with a notice in plain words and the rest still applies.
"""

import functools

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from members.filters import DirectoryForm
from members.models import Region
from members.search import fold

from ..models import LANGUAGE_CHOICES, Area, Maturity, Partner, PartnerType, PriceModel, Solution


class CatalogueForm(DirectoryForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.data:
            # No valid value is this long; a longer one is only quoted back, and briefly.
            if name != "q" and len(self.data.get(name, "")) > 40:
                self.data[name] = self.data[name][:40] + "…"


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


def search_field():
    return django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


def sort_field():
    return django_filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=None,
        null_label=None,
        error_messages={"invalid_choice": _("The list cannot be sorted by “%(value)s”.")},
        fields=(("name", "name"), ("updated_at", "updated")),
        field_labels={
            "name": _("Name (A to Z)"),
            "-name": _("Name (Z to A)"),
            "updated_at": _("Updated (oldest first)"),
            "-updated": _("Updated (newest first)"),
        },
    )


class CatalogueFilter(django_filters.FilterSet):
    """What the two lists share: a folded search on the name plus the text, sorting, the filters in force."""

    text_field = None

    def search(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            Q(name_folded__contains=fold(value)) | Q(**{f"{self.text_field}__icontains": value})
        )

    @property
    def qs(self):
        queryset = super().qs
        ordering = []
        for field in queryset.query.order_by or ("name",):
            descending = field.startswith("-")
            column = field.lstrip("-")
            expression = F("name_folded" if column == "name" else column)
            ordering.append(expression.desc() if descending else expression.asc())
        # The primary key last keeps pages stable when sorting by a column with ties.
        return queryset.order_by(*ordering, "pk")

    def active_filters(self):
        """(label, value) for each filter in force, as the visitor reads them."""
        form = self.form
        active = []
        cleaned = getattr(form, "cleaned_data", {})
        for name, field in form.fields.items():
            value = cleaned.get(name)
            if name == "sort" or not value:
                continue
            if isinstance(field, forms.ModelChoiceField):
                value = field.label_from_instance(value)
            elif isinstance(field, forms.ChoiceField):
                value = dict(field.choices).get(value, value)
            active.append((field.label, str(value)))
        return active


def language_choices():
    """The languages listed partners work in, by their translated names."""
    spoken = set()
    for languages in Partner.objects.filter(is_listed=True).order_by().values_list("languages", flat=True):
        spoken.update(languages or [])
    names = dict(LANGUAGE_CHOICES)
    return sorted(((code, gettext(names[code])) for code in spoken if code in names), key=lambda c: c[1])


class PartnerFilter(CatalogueFilter):
    text_field = "profile"

    q = search_field()
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=PartnerType.choices,
        empty_label=_("All types"),
        error_messages={"invalid_choice": _("There is no partner type “%(value)s”.")},
    )
    area = AreaChoiceFilter(field_name="areas")
    region = django_filters.ModelChoiceFilter(
        label=_("Region served"),
        field_name="regions",
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
        error_messages={"invalid_choice": _("There is no region “%(value)s”.")},
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        method="speaks",
        empty_label=_("Any language"),
        error_messages={
            "invalid_choice": _("No listed partner works in a language with the code “%(value)s”.")
        },
    )
    sort = sort_field()

    class Meta:
        model = Partner
        fields = []
        form = CatalogueForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Partner.objects.filter(is_listed=True)
        super().__init__(data, queryset.prefetch_related("areas"), **kwargs)
        # Asked at most once per request, however often the form validates or renders.
        self.filters["language"].extra["choices"] = functools.cache(language_choices)

    def speaks(self, queryset, name, value):
        # The codes are stored as a JSON list; matching the quoted code works on any database.
        return queryset.filter(languages__icontains=f'"{value}"') if value else queryset


class SolutionFilter(CatalogueFilter):
    text_field = "summary"

    q = search_field()
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
    sort = sort_field()

    class Meta:
        model = Solution
        fields = []
        form = CatalogueForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Solution.objects.filter(is_listed=True, partner__is_listed=True)
        super().__init__(data, queryset.select_related("partner").prefetch_related("areas"), **kwargs)
