"""Lists as open data and spreadsheets: CSV that spreadsheet programs read as UTF-8 and never run
as formulas, and JSON with names as they are written, a page at a time."""

import csv

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .listing import LAST_PAGE, PAGE_NUMBER


def spreadsheet_safe(value):
    """A cell as text that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(filename, header, rows):
    """`rows` (lists, or dicts keyed by `header`) as a CSV download."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The byte order mark makes spreadsheet programs read the file as UTF-8 (São Paulo, Beyoğlu).
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        values = [row[key] for key in header] if isinstance(row, dict) else row
        writer.writerow([spreadsheet_safe(value) for value in values])
    return response


def json_response(filename, rows):
    response = JsonResponse(list(rows), safe=False, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def json_pages_response(request, filename, rows_of, queryset):
    """The rows `rows_of(request, queryset)` makes, as a JSON list, settings.OPEN_DATA_PAGE_SIZE at a
    time: `page` (from 1) picks one, and the Link header (RFC 8288, as GitHub's API) gives the
    addresses of the first, previous and next pages. A page costs the same however long the list
    (no count, no rows beyond it); the CSV gives the whole list at once, for spreadsheets."""
    size = settings.OPEN_DATA_PAGE_SIZE
    raw = request.GET.get("page") or "1"
    if not PAGE_NUMBER.fullmatch(raw):
        message = gettext("The page must be a whole number from 1 to %(last)s, not “%(page)s”.") % {
            "last": LAST_PAGE,
            "page": raw[:40],
        }
        return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})
    page = int(raw)
    offset = (page - 1) * size
    # One row beyond the page says whether another follows, without counting them all.
    rows = list(rows_of(request, queryset[offset : offset + size + 1]))
    response = json_response(filename, rows[:size])
    links = {"first": 1}
    if page > 1:
        links["prev"] = page - 1
    if len(rows) > size:
        links["next"] = page + 1
    response["Link"] = ", ".join(
        f'<{page_address(request, number)}>; rel="{rel}"' for rel, number in links.items()
    )
    return response


def page_address(request, number):
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@admin.action(description=_("Export selected to CSV"))
def export_as_csv(modeladmin, request, queryset):
    """The selected rows: the admin's `export_fields` (attribute names, for a profile whose name and
    place are its organisation's), or else every column but those in its `export_exclude`."""
    filename = f"{modeladmin.model._meta.model_name}s.csv"
    if names := getattr(modeladmin, "export_fields", None):
        rows = queryset.select_related(*getattr(modeladmin, "list_select_related", None) or ())
        return csv_response(filename, names, ([getattr(obj, name) for name in names] for obj in rows))
    excluded = getattr(modeladmin, "export_exclude", ())
    fields = [field for field in modeladmin.model._meta.fields if field.name not in excluded]
    related = [field.name for field in fields if field.is_relation]
    return csv_response(
        filename,
        [field.verbose_name for field in fields],
        ([getattr(obj, field.name) for field in fields] for obj in queryset.select_related(*related)),
    )
