"""Nothing a page cache keeps belongs to one person: a signed-in person, a language, an htmx
fragment, a cookie, a CSRF token, a message and an error never cross into another's answer."""

import pytest

from tests.factories import UserFactory, verified
from tests.pagecache import views

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls():
    views.calls.clear()
    return views.calls


def test_a_signed_in_person_never_gets_the_visitors_page_nor_leaves_theirs(client, report_data):
    visitor = client.__class__()
    assert "Sign in" in visitor.get("/members/").text
    person = verified(UserFactory(first_name="Maria", last_name="Santos"))
    client.force_login(person)
    theirs = client.get("/members/")
    assert "My WeGO" in theirs.text and "Sign in" not in theirs.text
    assert "private" in theirs["Cache-Control"]
    again = visitor.get("/members/")
    assert "My WeGO" not in again.text and "Sign in" in again.text


def test_each_language_is_a_page_of_its_own(client, report_data):
    english, korean = client.get("/members/").text, client.get("/ko/members/").text
    assert '<html lang="en"' in english and '<html lang="ko"' in korean
    assert '<html lang="en"' in client.get("/members/").text
    assert '<html lang="ko"' in client.get("/ko/members/").text


def test_an_htmx_fragment_and_the_whole_page_never_cross(client, report_data):
    fragment = client.get("/members/?region=asia", headers={"HX-Request": "true"}).text
    whole = client.get("/members/?region=asia").text
    assert "<html" not in fragment and "<html" in whole
    assert "<html" not in client.get("/members/?region=asia", headers={"HX-Request": "true"}).text


@pytest.mark.urls("tests.pagecache.views")
@pytest.mark.parametrize("page", ["cookie", "token", "message", "missing", "broken"])
def test_an_answer_that_is_someones_own_or_an_error_is_never_kept(client, calls, page):
    client.raise_request_exception = False
    for _ in range(2):
        client.get(f"/kept/{page}/")
    assert calls == [page, page]


@pytest.mark.urls("tests.pagecache.views")
def test_a_plain_public_page_is_rendered_once(client, calls):
    assert client.get("/kept/plain/").text == client.get("/kept/plain/").text == "page plain"
    assert calls == ["plain"]


@pytest.mark.urls("tests.pagecache.views")
def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(client, calls):
    client.get("/kept/plain/")
    client.cookies["messages"] = "something for this visitor"
    client.get("/kept/plain/")
    assert calls == ["plain", "plain"]


def test_a_kept_page_answers_not_modified_and_lets_a_shared_cache_keep_it_briefly(client, report_data):
    first = client.get("/members/")
    assert first["ETag"] and "public" in first["Cache-Control"] and "s-maxage=30" in first["Cache-Control"]
    assert "Cookie" in first["Vary"] and "HX-Request" in first["Vary"]
    again = client.get("/members/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert client.get("/members/", headers={"If-None-Match": '"another"'}).status_code == 200


def test_pages_that_are_not_public_are_never_kept(client, db):
    first = client.get("/accounts/login/")
    assert "ETag" not in first and "csrfmiddlewaretoken" in first.text
