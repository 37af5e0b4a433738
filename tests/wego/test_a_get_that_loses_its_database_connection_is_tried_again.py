"""A request whose database connection is cut (as a PostgreSQL restart cuts it): a GET is tried once
more, on a new connection; a POST is not, and is told that nothing was saved, since its transaction
went with the connection (wego/resilience.py, wego/middleware.py).
On the real PostgreSQL, the connection ended by the server."""

import logging

import pytest
from django.db import connection

from organisations.models import Region
from tests.wego import lost_connections

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def visitor(client):
    # As in production, the first attempt's exception is handled (tried again, or answered 503)
    # rather than raised into the test.
    client.raise_request_exception = False
    return client


@pytest.fixture
def calls():
    lost_connections.calls.clear()
    return lost_connections.calls


@pytest.mark.urls("tests.wego.lost_connections")
def test_a_get_whose_connection_is_cut_during_the_view_is_answered_by_a_second_try(visitor, calls):
    response = visitor.get("/loses-its-connection/")

    assert response.status_code == 200
    assert calls == ["GET", "GET"]
    assert response.content == b"0 region"


@pytest.mark.urls("tests.wego.lost_connections")
def test_a_get_whose_cursor_meets_the_cut_connection_is_answered_by_a_second_try(visitor, calls):
    response = visitor.get("/loses-its-connection-before-a-cursor-closes/")

    assert response.status_code == 200
    assert calls == ["GET", "GET"]


def test_a_get_after_the_connection_was_cut_between_requests_is_answered(visitor, caplog):
    assert visitor.get("/members/").status_code == 200
    first_backend = connection.connection.info.backend_pid
    lost_connections.cut_the_connection()

    # A page not in the page cache yet, so that it asks the database.
    with caplog.at_level(logging.WARNING, logger="wego.resilience"):
        response = visitor.get("/members/offices/")

    assert response.status_code == 200
    assert connection.connection.info.backend_pid != first_backend
    assert "GET /members/offices/ lost its database connection; trying once more." in caplog.messages


@pytest.mark.urls("tests.wego.lost_connections")
def test_a_post_whose_connection_is_cut_is_not_sent_again_and_is_told_nothing_was_saved(visitor, calls):
    response = visitor.post("/loses-its-connection/")

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Nothing you sent was saved" in response.text
    assert calls == ["POST"]
    assert not Region.objects.exists()


@pytest.mark.urls("tests.wego.lost_connections")
def test_a_query_that_fails_on_a_connection_still_open_is_not_tried_again(visitor, calls):
    response = visitor.get("/times-out/")

    # A statement timeout is an OperationalError too, but trying again would only time out again.
    assert response.status_code == 500
    assert calls == ["GET"]
