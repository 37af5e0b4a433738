"""When the database stays unreachable, every page answers 503 with a page that needs no database and
a Retry-After header, never 500: a public page, a signed-in page (whose session and user are read
before the view), and a form sent (which is told nothing was saved)."""

import socket
from contextlib import contextmanager

import pytest
from django.db import connection

from tests.factories.organisations import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def a_port_where_nothing_listens():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_unreachable():
    """Inside, the database connection points at a port where nothing listens."""
    settings_dict = connection.settings_dict
    saved = settings_dict["HOST"], settings_dict["PORT"]
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", a_port_where_nothing_listens()
    try:
        yield
    finally:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = saved


@pytest.fixture
def visitor(client):
    # As in production, the failed attempt's exception is handled rather than raised into the test.
    client.raise_request_exception = False
    return client


def assert_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "The portal is briefly unavailable" in response.text


def test_a_public_page_answers_503_with_retry_after(visitor):
    with database_unreachable():
        response = visitor.get("/members/")

    assert_unavailable(response)
    assert "We could not reach our database just now" in response.text


def test_a_signed_in_page_answers_503_when_the_session_cannot_be_read(visitor):
    visitor.force_login(UserFactory())
    assert visitor.get("/my/").status_code == 200

    # The session and the user are read by the middlewares, before any view: covered all the same.
    with database_unreachable():
        response = visitor.get("/my/")

    assert_unavailable(response)


def test_a_form_sent_while_the_database_is_unreachable_is_told_nothing_was_saved(visitor):
    with database_unreachable():
        response = visitor.post(
            "/accounts/login/", {"login": "someone@example.org", "password": "a password"}
        )

    assert_unavailable(response)
    assert "Nothing you sent was saved" in response.text
