from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from wego.urls import urlpatterns as portal_urlpatterns

ROWS = engines["django"].from_string(
    '<!doctype html><html lang="en"><head><title>Rows</title></head><body><table>'
    "{% for row in rows %}<tr><td>{{ row.number }}</td><td>{{ row.name }}</td>"
    "<td>{{ row.country }}</td><td>{{ row.joined }}</td></tr>{% endfor %}</table></body></html>"
)
ROW_DATA = [
    {"number": number, "name": f"Member {number}", "country": "Korea", "joined": 2010 + number % 10}
    for number in range(1, 26)
]


@login_not_required
def bare_view(request):
    """The baseline: the whole middleware stack and gunicorn, but no template and no query."""
    return HttpResponse("ok")


@login_not_required
def bare_rows(request):
    """The ceiling for any server-rendered page here: a template of 25 rows, no query."""
    return HttpResponse(ROWS.render({"rows": ROW_DATA}))


urlpatterns = [
    *portal_urlpatterns,
    path("bench/bare/", bare_view),
    path("bench/rows/", bare_rows),
]
