"""A WSGI application that answers after the number of seconds in its query string: a request still
running when gunicorn is told to stop or reload (test_gunicorn_finishes_requests_on_stop_and_reload)."""

import time


def application(environ, start_response):
    time.sleep(float(environ.get("QUERY_STRING") or 0))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"finished"]
