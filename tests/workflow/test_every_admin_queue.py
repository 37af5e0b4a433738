"""Every workflow's admin is the Secretariat's to-do list: open items first and the longest waiting
first, drafts left out, a filter by time in the state; its steps as buttons from the same partial as
the site's, with the confirmation a step asks for."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programs.models import SolutionFinderApplication
from tests.factories import (
    MembershipApplicationFactory,
    ProjectFactory,
    SolutionFinderApplicationFactory,
)
from tests.states import put_in
from wego.workflow.engine import perform
from wego.workflow.models import TransitionRecord

pytestmark = pytest.mark.django_db


def waited(obj, days):
    """The object's last step happened `days` ago."""
    TransitionRecord.objects.filter(object_id=obj.pk, content_type__model=obj._meta.model_name).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def listed(response):
    return [str(obj) for obj in response.context["cl"].result_list]


def test_open_applications_come_first_and_the_longest_waiting_first(client, staff):
    recent, old, done = (
        MembershipApplicationFactory(organisation_name=name) for name in ("Recent", "Old", "Done")
    )
    for application in (recent, old, done):
        perform(application, "start_review", actor=staff)
    perform(done, "decline", actor=staff, note="Not eligible.")
    waited(old, 40)
    waited(recent, 2)
    waited(done, 90)
    assert listed(client.get("/admin/members/membershipapplication/")) == ["Old", "Recent", "Done"]
    assert listed(client.get("/admin/members/membershipapplication/", {"waiting": "month"})) == [
        "Old",
        "Done",
    ]
    assert "in this state since" in client.get("/admin/members/membershipapplication/").text.lower()


@pytest.mark.parametrize(
    "url", ["/admin/programs/project/", "/admin/programs/introduction/", "/admin/organisations/affiliation/"]
)
def test_every_workflows_queue_has_the_same_tools(client, staff, url):
    response = client.get(url, {"waiting": "week"})
    assert response.status_code == 200
    assert "in this state for" in response.text


def test_drafts_stay_the_citys_own_until_submitted(client, staff):
    SolutionFinderApplicationFactory()
    assert SolutionFinderApplication.objects.count() == 1
    assert listed(client.get("/admin/programs/solutionfinderapplication/")) == []


def test_a_step_that_asks_a_confirmation_shows_the_box_and_is_refused_unticked(client, staff):
    application = MembershipApplicationFactory()
    put_in(application, "recommended")
    url = f"/admin/members/membershipapplication/{application.pk}/"
    page = client.get(f"{url}change/").text
    assert 'name="confirmed"' in page and "Yes: the Executive Committee approved this membership." in page
    response = client.post(
        f"{url}transition/", {"transition": "approve", "seen_state": "recommended"}, follow=True
    )
    assert "Tick the box to confirm" in response.text
    application.refresh_from_db()
    assert application.status == "recommended" and application.member is None
    client.post(
        f"{url}transition/", {"transition": "approve", "seen_state": "recommended", "confirmed": "yes"}
    )
    application.refresh_from_db()
    assert application.status == "approved" and application.member is not None


def test_staff_steps_show_a_note_box_labelled_by_the_step(client, staff):
    project = ProjectFactory(status="submitted")
    page = client.get(f"/admin/programs/project/{project.pk}/change/").text
    assert "Note for “Return with comments” (required, the applicant reads it)" in page
    assert "Note for “Publish” (optional, the applicant reads it)" in page


def test_what_waits_for_staff_comes_before_what_waits_for_others(client, staff):
    """A request to act for an organisation waits for staff; a confirmed affiliation, however old,
    does not, and comes after it."""
    from organisations.services import request_affiliation
    from tests.factories import MemberFactory, UserFactory

    confirmed = request_affiliation(
        UserFactory(email="old@city.example"), MemberFactory().organisation, title="x", justification="x"
    )
    perform(confirmed, "approve", actor=staff)
    waiting = request_affiliation(
        UserFactory(email="new@city.example"), MemberFactory().organisation, title="x", justification="x"
    )
    waited(confirmed, 400)
    assert [
        a.user.email for a in client.get("/admin/organisations/affiliation/").context["cl"].result_list
    ] == [
        waiting.user.email,
        confirmed.user.email,
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/members/membershipapplication/?waiting=week",
        "/admin/programs/solutionfinderapplication/?status__exact=submitted",
        "/admin/programs/project/?waiting=week",
    ],
)
def test_a_filtered_queue_counts_what_matches_and_not_the_whole_table_again(client, staff, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    counts = [query["sql"] for query in captured.captured_queries if query["sql"].startswith("SELECT COUNT(")]
    assert len(counts) == 1
