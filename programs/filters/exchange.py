"""The Exchange catalogue's filters: what a visitor may narrow the published projects by, and the order."""

import functools

import django_filters
from django.db.models import Case, F, IntegerField, Max, Min, Q, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.list_filters import RegionChoiceFilter
from wego.countries import by_name
from wego.listing import ListFilterSet, ListForm, search_filter
from wego.pagecache.versions import remembered

from ..models import Area, Project, Stage
from ..models.exchange import areas_by_project
from ..search import search_projects

# Years before this are surely typing mistakes; the catalogue's year filter never offers them.
FIRST_YEAR = 1990


def published():
    return Project.objects.published()


def published_span():
    """The countries and the years of the published projects: each a scan of the whole table, done
    once per change to the projects or their cities (wego/pagecache), not once per request."""
    return remembered(("projects", "organisations"), "exchange-filter-choices", scan_published_span)


def scan_published_span():
    codes = (
        published().exclude(city__country="").order_by().values_list("city__country", flat=True).distinct()
    )
    span = published().aggregate(
        first=Min("start_year"), last=Max(Greatest("start_year", Coalesce("end_year", "start_year")))
    )
    return {"countries": sorted(codes), "first": span["first"], "last": span["last"]}


def country_choices():
    return by_name(published_span()["countries"])


def year_choices():
    """Every year some published project ran in, newest first."""
    span = published_span()
    if span["first"] is None:
        return []
    first = max(span["first"], FIRST_YEAR)
    return [(str(year), str(year)) for year in range(span["last"], first - 1, -1)]


# Stages in the order a project goes through them.
STAGE_ORDER = Case(
    *(When(stage=value, then=Value(position)) for position, value in enumerate(Stage.values)),
    output_field=IntegerField(),
)

SORTS = {
    "title": [F("title_folded").asc()],
    "-title": [F("title_folded").desc()],
    "-start": [F("start_year").desc(nulls_last=True), F("title_folded").asc()],
    "stage": [STAGE_ORDER.asc(), F("title_folded").asc()],
}


class ProjectFilter(ListFilterSet):
    shows = ("projects",)
    q = search_filter(help_text=_('Words in any order; "quoted words" together; -word to leave it out.'))
    area = django_filters.ModelChoiceFilter(
        label=_("Area"),
        field_name="areas",
        queryset=Area.objects.all(),
        to_field_name="slug",
        empty_label=_("All areas"),
        error_messages={"invalid_choice": _("There is no area “%(value)s”.")},
    )
    region = RegionChoiceFilter(field_name="city__region")
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="city__country",
        choices=country_choices,
        empty_label=_("All countries"),
        error_messages={"invalid_choice": _("No project is listed in a country with the code “%(value)s”.")},
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"),
        choices=Stage.choices,
        empty_label=_("Any stage"),
        error_messages={"invalid_choice": _("There is no stage “%(value)s”.")},
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        choices=year_choices,
        method="running_in",
        empty_label=_("Any year"),
        help_text=_("Projects that ran in that year."),
        error_messages={"invalid_choice": _("No project is recorded as running in “%(value)s”.")},
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="keep_order",
        choices=[
            ("title", _("Title (A to Z)")),
            ("-title", _("Title (Z to A)")),
            ("-start", _("Newest start year first")),
            ("stage", _("Stage (concept to scaled)")),
        ],
        empty_label=_("Relevance, when searching"),
        error_messages={"invalid_choice": _("The catalogue cannot be sorted by “%(value)s”.")},
    )

    class Meta:
        model = Project
        fields = []
        form = ListForm

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=published() if queryset is None else queryset, **kwargs)
        self.ranked = False
        # Asked at most once per request, and not at all where nothing needs them (the exports).
        self.filters["country"].extra["choices"] = functools.cache(country_choices)
        self.filters["year"].extra["choices"] = functools.cache(year_choices)

    def search(self, queryset, name, value):
        if not value:
            return queryset
        matches, self.ranked = search_projects(queryset, value)
        return matches

    def completed(self, projects):
        """Each project's area names (`area_names`), in the areas' order, in one query for the page."""
        names = areas_by_project([project.pk for project in projects], "name")
        for project in projects:
            project.area_names = [gettext(name) for name in names[project.pk]]
        return projects

    def running_in(self, queryset, name, value):
        year = int(value)
        return queryset.filter(
            Q(start_year__lte=year) & (Q(end_year__gte=year) | Q(end_year__isnull=True, start_year=year))
        )

    def keep_order(self, queryset, name, value):
        return queryset  # applied in qs, after every filter

    def sorted(self, queryset):
        queryset = queryset.select_related("city")
        sort = self.form.cleaned_data.get("sort") if hasattr(self.form, "cleaned_data") else ""
        if sort in SORTS:
            ordering = SORTS[sort]
        elif self.ranked:
            ordering = [F("relevance").desc(), F("title_folded").asc()]
        else:
            ordering = SORTS["title"]
        # The primary key last keeps pages stable where the order has ties.
        return queryset.order_by(*ordering, "pk")
