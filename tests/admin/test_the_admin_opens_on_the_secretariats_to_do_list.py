"""The admin's first page is the Secretariat's to-do list: for every workflow, how many items wait in
each open state and for how long the oldest has, each a link to the queue filtered on that state;
and the mail that failed or whose delivery is uncertain. Built from the declarations, in a constant
number of queries, and only what the person may view."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.workflow import AFFILIATION
from tests.factories import (
    AffiliationFactory,
    MembershipApplicationFactory,
    ProjectFactory,
    staff_in,
)
from wego.notifications.models import Notification
from wego.workflow.definitions import AWAITING
from wego.workflow.engine import perform
from wego.workflow.models import TransitionRecord

pytestmark = pytest.mark.django_db

REQUESTED = next(iter(AFFILIATION.states_with(AWAITING)))


def lines_of(response, title):
    """{state label: count} of the queue titled `title` on the to-do list."""
    [queue] = [queue for queue in response.context["todo_queues"] if queue.title == title]
    return {str(line.label): line.count for line in queue.lines}


def some_of_everything(staff, how_many):
    for _ in range(how_many):
        AffiliationFactory(status=REQUESTED)
        perform(MembershipApplicationFactory(), "start_review", actor=staff)
        MembershipApplicationFactory()
        ProjectFactory()
        Notification.objects.create(
            email="a@example.org",
            kind="workflow:status",
            subject="s",
            body_text="t",
            status=Notification.Status.FAILED,
        )
        Notification.objects.create(
            email="b@example.org",
            kind="workflow:status",
            subject="s",
            body_text="t",
            status=Notification.Status.UNCERTAIN,
        )


def test_affiliations_applications_and_failed_mail_are_counted_by_state(client, staff):
    some_of_everything(staff, 2)
    response = client.get("/admin/")
    assert lines_of(response, "Affiliations") == {"Requested": 2}
    assert lines_of(response, "Membership applications") == {"Submitted": 2, "Under review": 2}
    mail = response.context["todo_mail"]
    assert {str(line.label): line.count for line in mail.lines} == {"Failed": 2, "Delivery uncertain": 2}


def test_each_count_links_to_its_queue_filtered_on_the_state(client, staff):
    some_of_everything(staff, 1)
    page = client.get("/admin/").text
    assert 'href="/admin/organisations/affiliation/?status__exact=requested"' in page
    assert 'href="/admin/members/membershipapplication/?status__exact=under_review"' in page
    assert 'href="/admin/notifications/notification/?status__exact=failed"' in page
    queue = client.get("/admin/members/membershipapplication/", {"status__exact": "under_review"})
    assert len(queue.context["cl"].result_list) == 1


def test_the_oldest_waiting_says_for_how_long(client, staff):
    application = MembershipApplicationFactory()
    perform(application, "start_review", actor=staff)
    TransitionRecord.objects.filter(
        object_id=application.pk, content_type__model="membershipapplication"
    ).update(created_at=timezone.now() - timedelta(days=40))
    response = client.get("/admin/")
    [queue] = [queue for queue in response.context["todo_queues"] if queue.title == "Membership applications"]
    [line] = queue.lines
    assert line.oldest < timezone.now() - timedelta(days=39)
    assert "1\xa0month" in response.text


def test_every_workflow_has_its_queue_on_the_list_without_code_of_its_own(client, staff):
    titles = [queue.title for queue in client.get("/admin/").context["todo_queues"]]
    assert set(titles) >= {
        "Membership applications",
        "Affiliations",
        "Exchange projects",
        "Solution finder applications",
        "Introductions",
    }


def test_the_list_takes_as_many_queries_for_six_items_a_queue_as_for_one(
    client, staff, django_assert_max_num_queries
):
    some_of_everything(staff, 1)
    client.get("/admin/")  # the content types, cached from then on
    with CaptureQueriesContext(connection) as for_one:
        client.get("/admin/")
    some_of_everything(staff, 5)
    with django_assert_max_num_queries(len(for_one.captured_queries)):
        response = client.get("/admin/")
    assert lines_of(response, "Affiliations") == {"Requested": 6}
    assert len(for_one.captured_queries) <= 8 + len(response.context["todo_queues"])


def test_a_reviewer_sees_only_the_queues_they_may_view(client):
    reviewer = staff_in("Programme reviewer")
    client.force_login(reviewer)
    response = client.get("/admin/")
    assert response.status_code == 200
    titles = {queue.title for queue in response.context["todo_queues"]}
    assert "Affiliations" not in titles and "Membership applications" not in titles
    assert response.context["todo_mail"] is None
