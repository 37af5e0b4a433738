"""What every request goes through before a view sees it: a body within the limit, a query string
without control characters (wego.input), and, for a request that changes something, one transaction."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from .input import cleaned_query


def refuse_oversized_requests(get_response):
    """Answer 413, with a page that says the limit, to a request whose body is larger than
    REQUEST_MAX_BYTES, before anything reads it: Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves files
    out, so a 50 MB upload would otherwise be read whole before the form's 5 MB check refused it.

    It is the last middleware: no middleware reads the body on the way in (CSRF reads it only in
    process_view, which runs after every middleware's own call), so the body is still unread here,
    and the page goes back out through the others (language, account, security headers).
    Under WSGI a body without a Content-Length is never read at all (Django reads at most
    Content-Length bytes), so the header is the whole check."""

    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            return render(
                request,
                "413.html",
                {
                    "limit_mb": settings.REQUEST_MAX_BYTES // 2**20,
                    "file_limit_mb": settings.UPLOAD_MAX_BYTES // 2**20,
                },
                status=413,
            )
        return get_response(request)

    return middleware


def clean_query_string(get_response):
    """Every view reads a query string without control characters, whatever it does with it."""

    def middleware(request):
        request.GET = cleaned_query(request.GET)
        return get_response(request)

    return middleware


# Reading needs no transaction: a GET pays neither BEGIN nor COMMIT.
READING = {"GET", "HEAD", "OPTIONS"}


def changes_in_one_transaction(get_response):
    """A request that changes something (a form sent) is one transaction: what the person changed,
    the history it records, the mail it queues in the outbox (wego.notifications) and its token
    (wego.submissions) stand or fall together. A request answered with an error (400 or more)
    changes nothing; mail is handed to the worker only once it has committed. (A refusal told as a
    message on a redirect is a 302: what it refuses, the service refused inside its own atomic block.)

    Django's ATOMIC_REQUESTS would also wrap every GET in a transaction; this is the same for the
    requests that change something. It is the innermost middleware, so only the view is inside."""

    def middleware(request):
        if request.method in READING:
            return get_response(request)
        with transaction.atomic():
            response = get_response(request)
            if response.status_code >= 400:
                transaction.set_rollback(True)
        return response

    return middleware


def secretariat_time_in_the_admin(get_response):
    """The admin shows and reads every moment in the Secretariat's time (Seoul): a closing moment
    typed as 18:00 is 18:00 in Seoul, as the site then says it. The site itself shows moments in
    Seoul time and the visitor's own (programs' _moment.html)."""

    def middleware(request):
        if not request.path_info.startswith(reverse("admin:index")):
            return get_response(request)
        timezone.activate(settings.SECRETARIAT_TIME_ZONE)
        try:
            return get_response(request)
        finally:
            timezone.deactivate()

    return middleware
