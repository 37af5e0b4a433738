"""Lists as open data and spreadsheets: CSV that spreadsheet programs read as UTF-8 and never run
as formulas, and JSON with names as they are written."""

import csv

from django.contrib import admin
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _


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
