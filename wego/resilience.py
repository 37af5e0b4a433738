"""A request that loses its database connection: a GET or HEAD is tried once more; what still fails
answers 503 with a page that needs no database, never 500.

A fast PostgreSQL restart cuts every open connection and refuses new ones for about a second; in the
fault campaign of issue 9, 19 of 1,443 requests answered 500 in that second.

The middleware sits before everything that may touch the database (the session, the user, the views,
their templates, the 404 page), so it sees every such failure. Django turns an exception into a 500
response deep inside the stack; the `got_request_exception` signal, sent just before, tells the
middleware that this 500 came from a lost connection. The retry runs the rest of the stack again, on a
new connection; only reading requests are retried, and they run outside any transaction
(wego.middleware.changes_in_one_transaction wraps only the requests that change something).
"""

import logging
import sys
import time

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.dispatch import receiver
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from .middleware import READING

logger = logging.getLogger(__name__)

# Only requests that read are tried twice (the same set that runs outside a transaction): sending a
# form again could do its work twice.
RETRIED_METHODS = READING
# Long enough for a restarting PostgreSQL to accept connections again, short enough to hold a
# worker's thread for little longer than the outage itself.
RETRY_PAUSE_SECONDS = 1.0
# What the 503 asks browsers and monitors to wait before trying again.
RETRY_AFTER_SECONDS = 10


try:
    import psycopg

    DRIVER_CONNECTION_ERRORS = (psycopg.OperationalError, psycopg.InterfaceError)
except ImportError:  # the newcomer's SQLite only
    DRIVER_CONNECTION_ERRORS = ()

# PostgreSQL's codes for a connection that ends: class 08 (connection exception), and the server
# shutting down, crashing or still starting. Not 57014, a statement cancelled by a timeout: trying
# again would only time out again.
LOST_CONNECTION_CODES = {"57P01", "57P02", "57P03"}


def is_a_lost_connection(exception):
    """Whether the exception says the database connection was cut or could not be made.

    The driver's error (psycopg's) is the cause of Django's, or comes bare: Django does not wrap what a
    server-side cursor (a queryset's iterator(), a form's choices) raises while it fetches or closes.
    One raised by the client library itself (refused, reset, already closed) has no SQLSTATE; one
    sent by the server has one. SQLite's errors have no SQLSTATE at all, and its connection is a
    file: never lost."""
    if isinstance(exception, (OperationalError, InterfaceError)):
        exception = exception.__cause__
    elif not isinstance(exception, DRIVER_CONNECTION_ERRORS):
        return False
    if not hasattr(exception, "sqlstate"):
        return False
    return (
        exception.sqlstate is None
        or exception.sqlstate.startswith("08")
        or exception.sqlstate in LOST_CONNECTION_CODES
    )


def close_lost_connections():
    """Forget the broken connections, so that the next query opens a new one. (One lost inside the
    view's transaction is already replaced: Django drops it when the rollback fails.)"""
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and getattr(connection.connection, "closed", False):
            connection.close()


@receiver(got_request_exception)
def note_a_lost_connection(sender, request=None, **kwargs):
    """Mark the request whose exception (about to become a 500) came from a lost connection."""
    if request is not None and is_a_lost_connection(sys.exc_info()[1]):
        request.database_lost = True


def unavailable(request):
    """The 503 page: rendered without the request, so without the context processors that ask the
    database (the signed-in user, the unread count, the Secretariat's address in the footer)."""
    nothing_saved = request.method not in RETRIED_METHODS
    with translation.override(getattr(request, "LANGUAGE_CODE", None) or translation.get_language()):
        content = render_to_string("503.html", {"nothing_saved": nothing_saved})
    return HttpResponse(content, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


class DatabaseRetryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.database_lost = False
        response = self.get_response(request)
        if not request.database_lost:
            return response

        if request.method in RETRIED_METHODS:
            logger.warning(
                "%s %s lost its database connection; trying once more.", request.method, request.path
            )
            close_lost_connections()
            time.sleep(RETRY_PAUSE_SECONDS)
            request.database_lost = False
            response = self.get_response(request)
            if not request.database_lost:
                return response

        # A form sent (POST) is not sent again: its transaction went with the connection, so nothing
        # it changed was saved, and the page says so.
        logger.error("%s %s: the database is unreachable; answered 503.", request.method, request.path)
        close_lost_connections()
        return unavailable(request)
