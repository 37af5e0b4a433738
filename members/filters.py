import functools
import re

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .forms import style_for_bootstrap
from .models import Member, MemberType, Region
from .search import name_contains

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class DirectoryForm(forms.Form):
    """Cleans what a visitor typed; a bad value is dropped and the rest still applies."""

    def __init__(self, data=None, *args, **kwargs):
        # A mutable copy, so the form shows back what was actually searched for.
        super().__init__(data.copy() if data is not None else None, *args, **kwargs)
        self.notices = []
        for name in ("region", "type", "country", "year", "sort"):
            # No valid value is this long; a longer one is only quoted back, and briefly.
            if len(self.data.get(name, "")) > 40:
                self.data[name] = self.data[name][:40] + "…"
        if self.data.get("country"):
            self.data["country"] = self.data["country"].strip().upper()
        style_for_bootstrap(self.fields)

    def clean_q(self):
        text = CONTROL_CHARACTERS.sub(" ", self.cleaned_data.get("q") or "").strip()
        limit = settings.SEARCH_MAX_LENGTH
        if len(text) > limit:
            self.notices.append(
                _("Your search was longer than %(limit)d characters; only the first %(limit)d were used.")
                % {"limit": limit}
            )
            text = text[:limit].strip()
        if "q" in self.data:
            self.data["q"] = text
        return text


def country_choices():
    names = dict(countries)
    return sorted(((code, names.get(code, code)) for code in Member.objects.countries()), key=lambda c: c[1])


def year_choices():
    return [(str(year), str(year)) for year in Member.objects.joined_years()]


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search by name"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
        error_messages={"invalid_choice": _("There is no region “%(value)s”.")},
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=MemberType.choices,
        empty_label=_("All types"),
        error_messages={"invalid_choice": _("There is no member type “%(value)s”.")},
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
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
        fields=(("name", "name"), ("joined_on", "joined")),
        field_labels={
            "name": _("Name (A to Z)"),
            "-name": _("Name (Z to A)"),
            "joined_on": _("Joined (oldest first)"),
            "-joined": _("Joined (newest first)"),
        },
    )

    class Meta:
        model = Member
        fields = []
        form = DirectoryForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked at most once per request (not each time the form validates or renders
        # them), and not at all where nothing needs them, as in the exports.
        self.filters["country"].extra["choices"] = functools.cache(country_choices)
        self.filters["year"].extra["choices"] = functools.cache(year_choices)

    def search(self, queryset, name, value):
        return name_contains(queryset, value) if value else queryset

    @property
    def qs(self):
        queryset = super().qs.select_related("region")
        ordering = []
        for field in queryset.query.order_by or ("name",):
            descending = field.startswith("-")
            column = field.lstrip("-")
            expression = F("name_folded" if column == "name" else column)
            direction = expression.desc if descending else expression.asc
            ordering.append(direction(nulls_last=True))
        # The primary key last keeps pages stable when sorting by a column with ties.
        return queryset.order_by(*ordering, "pk")

    def active_filters(self):
        """(label, value) for each filter in force, as the visitor reads them."""
        form = self.form
        active = []
        for name in ("q", "region", "type", "country", "year"):
            value = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
            if not value:
                continue
            if name in ("type", "country"):
                value = dict(form.fields[name].choices).get(value, value)
            active.append((form.fields[name].label, str(value)))
        return active
