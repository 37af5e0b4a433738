"""A signed-in person's page may be kept whole for them (render_kept_for_person: the Solution Finder
application page, My WeGO), and still everything that belongs to the request is the request's
own: each showing of a form that creates something has a new submission token, each session its
own CSRF token, and a message is shown once, never kept."""

import re

import pytest
from django.test import Client

from tests.factories import MemberFactory, official_of
from tests.programs.sf_helpers import application_in
from wego.pagecache.fragments import CSRF, SUBMISSION, placeholder
from wego.workflow.models import ThreadMessage

pytestmark = pytest.mark.django_db

SUBMISSION_TOKEN = re.compile(r'name="submission_token" value="([\w-]+)"')
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"')


@pytest.fixture
def city():
    city = MemberFactory(name="Cauayan")
    official = official_of(city)
    application = application_in("under_review", organisation=city.organisation, started_by=official)
    return application, official


def thread_form(page):
    return page[page.index('id="thread"') :]


def test_the_application_page_comes_whole_from_the_cache_with_a_new_submission_token_each_time(
    client, city, django_assert_max_num_queries
):
    application, official = city
    url = application.get_absolute_url()
    client.force_login(official)
    pages = [client.get(url).text]
    # The session and the person: whether they may open it was kept with the page.
    with django_assert_max_num_queries(2):
        pages.append(client.get(url).text)
    for page in pages:
        assert placeholder(CSRF) not in page and placeholder(SUBMISSION) not in page
    tokens = [SUBMISSION_TOKEN.search(thread_form(page)).group(1) for page in pages]
    assert tokens[0] != tokens[1]

    # Two messages written in two showings of the page are two messages, not one sent twice.
    for number, token in enumerate(tokens):
        response = client.post(
            f"{url}messages/", {"body": f"Message number {number}", "submission_token": token}
        )
        assert response.status_code == 302
    assert ThreadMessage.objects.filter(body__startswith="Message number").count() == 2


def test_each_session_of_a_person_gets_its_own_csrf_token_in_a_kept_page(city, django_assert_max_num_queries):
    application, official = city
    url = application.get_absolute_url()
    browsers = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    for browser in browsers:
        browser.force_login(official)  # a sign-in changes the person (the time of their last one)
    tokens = []
    for number, browser in enumerate(browsers):
        with django_assert_max_num_queries(2 if number else 100):  # the second session's page is kept
            page = browser.get(url).text
        tokens.append(CSRF_TOKEN.search(thread_form(page)).group(1))
    for number, (browser, token) in enumerate(zip(browsers, tokens, strict=True)):
        response = browser.post(
            f"{url}messages/", {"body": f"From session {number}", "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302
    assert ThreadMessage.objects.filter(body__startswith="From session").count() == 2


def test_a_message_is_shown_once_on_a_kept_page(client, city):
    application, official = city
    url = application.get_absolute_url()
    client.force_login(official)
    client.get(url)
    after_sending = client.post(f"{url}messages/", {"body": "The bus depots too."}, follow=True).text
    assert "Your message was sent." in after_sending
    assert "The bus depots too." in after_sending
    again = client.get(url).text
    assert "Your message was sent." not in again
    assert "The bus depots too." in again


def test_my_wego_shows_a_new_name_on_the_next_request(client, city):
    _, official = city
    client.force_login(official)
    assert "Ana Reyes" not in client.get("/my/").text
    client.post("/my/profile/", {"first_name": "Ana", "last_name": "Reyes"}, follow=True)
    assert "Signed in as Ana Reyes" in client.get("/my/").text


def test_a_page_sent_back_to_a_post_is_not_kept(client, city):
    _, official = city
    client.force_login(official)
    assert client.post("/my/").status_code == 200
    page = client.get("/my/").text
    assert placeholder(CSRF) not in page and "Signed in as" in page


def test_a_page_asked_with_a_query_string_is_not_kept(client, city, monkeypatch):
    """Anyone may vary a query string at will: kept, each variant would fill the cache."""
    from wego.pagecache import fragments

    kept = []

    def recorded(request, kinds, name, render):
        kept.append(name)
        return keep(request, kinds, name, render)

    keep = fragments.kept_for_person
    monkeypatch.setattr(fragments, "kept_for_person", recorded)
    _, official = city
    client.force_login(official)
    assert "Signed in as" in client.get("/my/", {"anything": "1"}).text
    assert not [name for name in kept if name.startswith("page:")]
    client.get("/my/")
    assert [name for name in kept if name.startswith("page:")]
