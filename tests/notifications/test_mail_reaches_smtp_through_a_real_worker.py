"""Delivery with real parts: a Celery worker on Redis and an SMTP server on loopback.

Each test waits for a state (the row marked sent, the queue empty), never for a length of time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import MembershipApplicationFactory, secretariat_user
from tests.notifications.conftest import REDIS_URL, use_broker
from tests.realparts import wait_until
from wego.celery import app
from wego.notifications.models import Notification
from wego.notifications.tasks import requeue_overdue
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db(transaction=True)


def status_of(notification):
    return Notification.objects.values_list("status", flat=True).get(pk=notification.pk)


def tasks_waiting():
    """Delivery tasks in the worker's queue that no worker has taken yet."""
    with app.connection_for_write() as connection:
        return connection.default_channel.client.llen("celery")


def test_a_transition_reaches_the_smtp_server_through_the_worker(worker, smtp_server):
    _, inbox = smtp_server
    application = MembershipApplicationFactory(organisation_name="Mombasa County")

    perform(application, "start_review", actor=secretariat_user())

    notification = Notification.objects.get()
    # The mail arrives before the worker marks the row: wait for the row, then read the mail.
    assert wait_until(lambda: status_of(notification) == Notification.Status.SENT)
    [message] = inbox.messages
    assert message["to"] == [application.applicant.email]
    assert (
        message["subject"] == "The Secretariat is reviewing your application for Mombasa County to join WeGO"
    )
    notification.refresh_from_db()
    assert notification.attempts == 1


def test_a_broker_outage_delays_mail_but_loses_none_and_sends_none_twice(worker, smtp_server):
    _, inbox = smtp_server
    application = MembershipApplicationFactory()
    use_broker("redis://127.0.0.1:1/0", task_publish_retry=False)
    moved = perform(application, "start_review", actor=secretariat_user())  # the broker cannot be reached

    assert moved.status == "under_review"  # the change stands
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.PENDING  # and its message waits, with no task for it

    use_broker(REDIS_URL, task_publish_retry=True)
    assert tasks_waiting() == 0 and inbox.messages == []
    # Time passes: the row is now overdue, and the periodic task hands it out again.
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert requeue_overdue() == 1
    assert wait_until(lambda: status_of(notification) == Notification.Status.SENT)
    assert len(inbox.messages) == 1

    assert requeue_overdue() == 0  # sent rows are never handed out again: no task, so no second mail
    assert tasks_waiting() == 0 and len(inbox.messages) == 1
