"""My WeGO's panels are kept for each person under the versions of what they show: rendered once,
fresh on the next request after any change to it, never shown to anyone else, and their forms
carry the request's own CSRF token."""

import re

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.services.registration import register
from organisations.dashboard import PANELS
from programs.models import ProjectDraft
from tests.factories import (
    MemberFactory,
    MembershipApplicationFactory,
    ProjectFactory,
    SolutionFinderApplicationFactory,
    official_of,
    official_of_partner,
    open_event,
)
from tests.programs.implementer_helpers import open_call, ready_proposal
from tests.programs.sf_helpers import introduce
from wego.notifications.models import Notification
from wego.pagecache import content
from wego.pagecache.fragments import CSRF, placeholder
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

# The header's badge: how many messages the person has not read.
UNREAD = re.compile(
    r'<span class="badge text-bg-primary">(\d+)<span class="visually-hidden"> unread messages'
)


def notify(person, subject):
    return Notification.objects.create(recipient=person, email=person.email, kind="test", subject=subject)


@pytest.fixture
def person():
    """An official of a member city with something in every panel: an affiliation, a membership
    application, a submitted Solution Finder application with an introduction, a project draft, a
    shared project and a message; and the official of the introduced partner."""
    city = MemberFactory(name="Cauayan")
    official = official_of(city)
    MembershipApplicationFactory(applicant=official, organisation_name="Cauayan Water")
    application = SolutionFinderApplicationFactory(organisation=city.organisation, started_by=official)
    perform(application, "submit", actor=official)
    introduction = introduce(application)
    official_of_partner(introduction.partner, user=official)
    ProjectDraft.objects.create(organisation=city.organisation, started_by=official)
    ProjectFactory(title="River bicycles", city=city, organisation=city)
    notify(official, "Your application was received")
    ready_proposal(open_call(), city.organisation, official)
    register(open_event(), name=official.first_name, email=official.email, user=official)
    # Its confirmation, read: the tests below count the unread messages from the one above.
    Notification.objects.filter(kind__startswith="events:").update(read_at=timezone.now())
    return official


def signed_in_request(person):
    request = RequestFactory().get("/my/")
    SessionMiddleware(lambda request: None).process_request(request)
    request.user = person
    return request


def test_every_panel_declares_what_it_shows_and_reads_nothing_else(person):
    request = signed_in_request(person)
    for panel in PANELS.parts:
        assert panel.shows, f"My WeGO's {panel.name} panel names no kind of content"
        assert panel.shows <= content.kinds()
        with CaptureQueriesContext(connection) as captured:
            html = PANELS.render(panel, request, (request,), {})
        assert html, f"the {panel.name} panel has nothing to show in this test"
        read = content.tables_read(query["sql"] for query in captured.captured_queries)
        undeclared = read - content.tables_of(panel.shows)
        assert undeclared == set(), f"the {panel.name} panel reads {undeclared} without declaring them"


def test_the_panels_are_rendered_once_and_again_after_a_change(client, person, django_assert_max_num_queries):
    client.force_login(person)
    first = client.get("/my/")
    assert "Your application was received" in first.text
    assert UNREAD.search(first.text).group(1) == "1"
    # The session and the person: the panels and the unread count come from the cache.
    with django_assert_max_num_queries(2):
        assert client.get("/my/").text.count("Your application was received") == 1

    notify(person, "Your request to act for Cauayan is confirmed")
    page = client.get("/my/").text
    assert "Your request to act for Cauayan is confirmed" in page
    assert UNREAD.search(page).group(1) == "2"

    assert "Projects not shared yet (1)" in client.get("/my/").text
    ProjectDraft.objects.filter(started_by=person).delete()
    assert "Projects not shared yet" not in client.get("/my/").text


def test_a_persons_panels_are_never_shown_to_someone_else(client, person):
    client.force_login(person)
    assert "Your application was received" in client.get("/my/").text

    other = official_of(MemberFactory(name="Kisumu"))
    client.force_login(other)
    page = client.get("/my/").text
    assert "Kisumu" in page
    assert "Cauayan" not in page
    assert "Your application was received" not in page


def test_a_form_in_a_kept_panel_carries_each_sessions_own_csrf_token(person, django_assert_max_num_queries):
    browsers = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    for browser in browsers:
        browser.force_login(person)  # before either page: a sign-in changes the person
    tokens = []
    for number, browser in enumerate(browsers):
        # The second session gets the page from the cache, the first having kept it whole.
        with django_assert_max_num_queries(2 if number else 100):
            page = browser.get("/my/").text
        assert placeholder(CSRF) not in page
        form = page[page.index('action="/my/notifications/read/"') :]
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', form).group(1))
    for browser, token in zip(browsers, tokens, strict=True):
        assert browser.post("/my/notifications/read/", {"csrfmiddlewaretoken": token}).status_code == 302
