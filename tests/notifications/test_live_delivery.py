"""Delivery with real parts: a Celery worker on Redis and an SMTP server on loopback."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import MembershipApplicationFactory, secretariat_user
from tests.notifications.conftest import REDIS_URL, use_broker
from wego.notifications.models import Notification
from wego.notifications.tasks import requeue_overdue
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_transition_reaches_the_smtp_server_through_the_worker(worker, smtp_server):
    _, inbox = smtp_server
    application = MembershipApplicationFactory(organisation_name="Mombasa County")

    perform(application, "start_review", actor=secretariat_user())

    [message] = inbox.wait_for(1)
    assert message["to"] == [application.applicant.email]
    assert (
        message["subject"]
        == "WeGO membership application of Mombasa County: Being reviewed by the Secretariat"
    )
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.SENT and notification.attempts == 1


def test_a_broker_outage_delays_mail_but_loses_none_and_sends_none_twice(worker, smtp_server):
    _, inbox = smtp_server
    application = MembershipApplicationFactory()
    use_broker("redis://127.0.0.1:1/0", task_publish_retry=False)
    moved = perform(application, "start_review", actor=secretariat_user())  # the broker cannot be reached

    assert moved.status == "under_review"  # the change stands
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.PENDING
    assert inbox.wait_for(1, timeout=2) == []

    use_broker(REDIS_URL, task_publish_retry=True)
    # Time passes: the row is now overdue, and the periodic task hands it out again.
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert requeue_overdue() == 1
    assert len(inbox.wait_for(1)) == 1

    assert requeue_overdue() == 0  # sent rows are never handed out again
    assert len(inbox.wait_for(2, timeout=2)) == 1
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
