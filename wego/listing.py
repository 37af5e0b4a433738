"""What every public list (members, partners, solutions, Exchange projects) does with a visitor's
query string, its control characters already removed (wego.input): filter with what is valid and say
what was ignored, sort, page through, answer htmx live, and say which filters are in force."""

import functools
import hashlib
import re

import django_filters
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Window
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_filters.widgets import BaseCSVWidget

from .forms import QUICK_VERSIONS, QuickSelect, quick_widgets, refuse_control_characters, style_for_bootstrap
from .pagecache import content
from .pagecache.versions import remembered
from .text import fold

# No valid filter value is longer; a longer one is only quoted back, and briefly.
LONGEST_VALUE = 40


class QuickCSVSelect(BaseCSVWidget, QuickSelect):
    """django-filters' sort box (a select that reads comma-separated values), written in Python."""


def quick_class_for(widget):
    # django-filters makes its CSV select class anew for each filter: known by what it is made of.
    if type(widget).__bases__ == (BaseCSVWidget, forms.Select):
        return QuickCSVSelect
    return QUICK_VERSIONS.get(type(widget))


def remembered_choices(field):
    """A model choice box's options (regions, areas), read once per change to its model's kind of
    content rather than at every request, through a server-side cursor at that."""
    model = field.queryset.model
    kinds = content.kinds_written({model._meta.db_table})
    asked = f"{field.queryset.query}:{field.to_field_name}:{field.empty_label}:{get_language()}"
    name = f"choices:{model._meta.label}:{hashlib.sha256(asked.encode()).hexdigest()}"
    return remembered(kinds, name, lambda: [(str(value), str(label)) for value, label in field.choices])


class ListForm(forms.Form):
    """Cleans what a visitor typed; a bad value is dropped and the rest still applies."""

    def __init__(self, data=None, *args, **kwargs):
        # A mutable copy, so the form shows back what was actually searched for.
        super().__init__(data.copy() if data is not None else None, *args, **kwargs)
        self.notices = []
        for name in self.data:
            if name != "q" and len(self.data.get(name, "")) > LONGEST_VALUE:
                self.data[name] = self.data[name][:LONGEST_VALUE] + "…"
        if self.data.get("country"):
            self.data["country"] = self.data["country"].strip().upper()
        refuse_control_characters(self.fields)
        style_for_bootstrap(self.fields)
        quick_widgets(self.fields, quick_class_for)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                # A callable: asked when the box is rendered, never for an export that shows no form;
                # and once, though the widget asks twice (for its options, and whether it may be required).
                field.widget.choices = functools.cache(functools.partial(remembered_choices, field))

    @property
    def live_trigger(self):
        """The htmx trigger of a live list: a chosen filter, or typing in the search box.

        The search box's own change (when it loses focus) is left out: typing already asked, and a
        second redraw racing a click on a result cancelled the visitor's navigation."""
        choices = [f"change from:#{field.auto_id}" for field in self if field.name != "q"]
        search = f"#{self['q'].auto_id}" if "q" in self.fields else None
        typing = [f"input changed delay:400ms from:{search}", f"search from:{search}"] if search else []
        return ", ".join(choices + typing)

    def clean_q(self):
        text = (self.cleaned_data.get("q") or "").strip()
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


SEARCH = gettext_lazy("Search")


def search_filter(label=SEARCH, **kwargs):
    return django_filters.CharFilter(
        label=label,
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        **kwargs,
    )


class ListFilterSet(django_filters.FilterSet):
    """A public list's filters. `folded_name` is the column searched and sorted by name as a reader
    expects (see wego.text), and the order when none is asked for; `text_field`, if any, is searched
    too. Every order ends with the primary key, so that pages are stable."""

    folded_name = "name_folded"
    text_field = None
    # The kinds of content (wego/pagecache/content.py) the unfiltered list reads: with them, its
    # count is remembered until they change rather than counted over the whole table per request.
    shows = ()

    def search(self, queryset, name, value):
        if not value:
            return queryset
        condition = Q(**{f"{self.folded_name}__contains": fold(value)})
        if self.text_field:
            condition |= Q(**{f"{self.text_field}__icontains": value})
        return queryset.filter(condition)

    def sorted(self, queryset):
        ordering = []
        for field in queryset.query.order_by or (self.folded_name,):
            descending = field.startswith("-")
            expression = F(field.lstrip("-"))
            ordering.append(
                expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
            )
        return queryset.order_by(*ordering, "pk")

    @property
    def qs(self):
        return self.sorted(super().qs)

    def completed(self, rows):
        """The rows of the page shown, with what they show from other tables added: a list asks for
        them once for the page (a query per relation), not once per row nor through a prefetch."""
        return rows

    def active_filters(self):
        """(label, value) for each filter in force, as the visitor reads them."""
        form = self.form
        active = []
        for name, field in form.fields.items():
            value = getattr(form, "cleaned_data", {}).get(name)
            if name == "sort" or not value:
                continue
            if isinstance(field, forms.ModelChoiceField):
                value = field.label_from_instance(value)
            elif isinstance(field, forms.ChoiceField):
                value = dict(field.choices).get(value, value)
            active.append((field.label, str(value)))
        return active


def filter_with_notices(filter_class, data, **kwargs):
    """(filterset, notices): a bad value is dropped and the rest still applies; the notices say
    what was ignored."""
    found = filter_class(data, **kwargs)
    notices = []
    if not found.is_valid():
        for field, errors in found.form.errors.items():
            label = found.form.fields[field].label if field in found.form.fields else field
            notices += [
                _("%(field)s: %(error)s This filter was ignored.") % {"field": label, "error": error}
                for error in errors
            ]
    return found, notices + getattr(found.form, "notices", [])


class CountedPaginator(Paginator):
    def __init__(self, *args, count=None, **kwargs):
        super().__init__(*args, **kwargs)
        if count is not None:
            self.count = count  # instead of the cached property's COUNT query


# A page number: digits only (not "²", which Python counts as one), few enough for PostgreSQL's OFFSET.
PAGE_NUMBER = re.compile(r"0*[1-9][0-9]{0,8}")
LAST_PAGE = 999_999_999

# The rows in all, asked with the page's rows (COUNT(*) OVER ()).
ROWS_IN_ALL = "listing_rows_in_all"


def rows_and_count(queryset, number, per_page):
    """The rows of page `number` and how many rows there are in all, in one query: a search or a
    filter is run once, not once to count and again for the page. None for the count when the page
    is empty (past the last, or nothing found), which only a COUNT can tell."""
    offset = (number - 1) * per_page
    rows = list(queryset.annotate(**{ROWS_IN_ALL: Window(Count("*"))})[offset : offset + per_page])
    return rows, (getattr(rows[0], ROWS_IN_ALL) if rows else None)


def page_of(request, queryset, per_page, notices, count=None):
    """(page, elided page range) for ?page=; a page that does not exist shows the nearest, with a
    notice. `count`, when known, spares the COUNT query; when not, it comes with the page's rows."""
    asked_for = request.GET.get("page")
    # Anything else (a word, a number past any page) is fetched as the first; the paginator then says so.
    number = int(asked_for) if asked_for and PAGE_NUMBER.fullmatch(asked_for) else 1
    rows = None
    # Over DISTINCT rows the window would count the rows before DISTINCT removes the repeated ones.
    if count is None and not queryset.query.distinct:
        rows, count = rows_and_count(queryset, number, per_page)
    paginator = CountedPaginator(queryset, per_page, count=count)
    page = paginator.get_page(asked_for)
    if rows and page.number == number:
        page.object_list = rows
    if asked_for and asked_for != str(page.number):
        notices.append(
            _("That page does not exist; showing page %(number)d of %(total)d.")
            % {"number": page.number, "total": paginator.num_pages}
        )
    return page, paginator.get_elided_page_range(page.number)


def filtered_page(request, filter_class, per_page, **kwargs):
    """The context of a list page: the filter on the query string, the page asked for, and what to
    tell the visitor about either."""
    found, notices = filter_with_notices(filter_class, request.GET, **kwargs)
    count = None
    if found.shows and not kwargs and not found.active_filters():
        count = remembered(found.shows, f"list-count:{filter_class.__name__}", found.qs.count)
    page, page_range = page_of(request, found.qs, per_page, notices, count)
    page.object_list = found.completed(list(page.object_list))
    return {"filter": found, "notices": notices, "page": page, "page_range": page_range}


def is_live_update(request):
    """An htmx request for the list's fragment (not a history restore, which needs the whole page)."""
    return bool(request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"))
