"""Views that lose their database connection on purpose, for the tests of wego/resilience.py.

Each view reads, has its own connection cut by the server, as a PostgreSQL restart cuts it, and reads
again; sent a form (POST), it first records a region (a row any test may write)."""

import psycopg
from django.contrib.auth.decorators import login_not_required
from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path

from organisations.models import Region
from wego import urls as portal_urls

# The methods of the calls each view received, in order: how a test sees whether it was tried again.
calls = []


def cut_the_connection():
    """Have the server end this thread's database connection, from a second connection."""
    settings = connection.settings_dict
    backend_pid = connection.connection.info.backend_pid
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"],
        autocommit=True,
    ) as side:
        side.execute("SELECT pg_terminate_backend(%s)", [backend_pid])


@login_not_required
def loses_its_connection_the_first_time(request):
    calls.append(request.method)
    Region.objects.count()
    if request.method == "POST":
        Region.objects.create(slug=f"attempt-{len(calls)}", name=f"Attempt {len(calls)}")
    if len(calls) == 1:
        cut_the_connection()
    return HttpResponse(f"{Region.objects.count()} region")


@login_not_required
def loses_its_connection_before_a_cursor_closes(request):
    """Cut between a server-side cursor's last fetch and its close (as a form's choices are read, with
    iterator()): the close meets the cut first, and psycopg's own error comes out, which Django does
    not wrap."""
    calls.append(request.method)
    cursor = connection.chunked_cursor()
    cursor.execute("SELECT count(*) FROM organisations_region")
    (count,) = cursor.fetchone()
    if len(calls) == 1:
        cut_the_connection()
    cursor.close()
    return HttpResponse(f"{count} regions")


@login_not_required
def times_out(request):
    """A query that fails while its connection stays open: not a lost connection."""
    calls.append(request.method)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 10")
        cursor.execute("SELECT pg_sleep(1)")
    return HttpResponse("finished")


urlpatterns = [
    path("loses-its-connection/", loses_its_connection_the_first_time),
    path("loses-its-connection-before-a-cursor-closes/", loses_its_connection_before_a_cursor_closes),
    path("times-out/", times_out),
    # The portal's own addresses, language prefixes included (they cannot be include()d).
    *portal_urls.urlpatterns,
]
