"""A real Celery worker killed (SIGKILL, its whole process group) while it sends, and a real SMTP
server on loopback counting what arrives: nothing is lost, nothing arrives twice, and a message
whose fate cannot be known is shown to staff instead of being guessed at.

"Time passes" is a sweep run as if the stuck-row delay had elapsed (overdue(now=later)); every
wait is for a state."""

import threading
from collections import Counter
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import UserFactory
from tests.realparts import kill, smtp_mailer, wait_until
from wego.notifications import delivery, outbox
from wego.notifications.models import Notification
from wego.notifications.tasks import deliver

pytestmark = pytest.mark.django_db(transaction=True)

Status = Notification.Status


def burst_without_a_worker(count):
    """`count` messages written to the outbox while the broker is out of reach: they wait, pending."""
    delivery.broker_unreachable_until = float("inf")
    return burst(count)


def burst(count):
    """`count` messages to one person, each handed to the worker as the outbox does."""
    person = UserFactory()
    return [
        outbox.write(
            "tests:burst", email=person.email, subject=f"Message {number}", body_text=f"Number {number}."
        )
        for number in range(count)
    ]


def statuses():
    return Counter(Notification.objects.values_list("status", flat=True))


def unfinished():
    return Notification.objects.filter(status__in=[Status.PENDING, Status.SENDING]).count()


def sweep_after_the_delay():
    """The periodic sweep, run as it would run once the stuck-row delay has passed."""
    later = timezone.now() + timedelta(seconds=settings.OUTBOX_STUCK_AFTER + 1)
    for notification_id in delivery.overdue(now=later):
        deliver.delay(notification_id)


def test_a_worker_killed_in_a_burst_of_fifty_loses_none_and_sends_none_twice(
    start_outbox_worker, smtp_server
):
    _, inbox = smtp_server
    inbox.pace = 0.05  # a busy server: the burst lasts long enough to be interrupted
    first_worker = start_outbox_worker()
    rows = burst(50)

    assert wait_until(lambda: len(inbox.messages) >= 10)
    kill(first_worker)
    assert len(inbox.messages) < 50  # killed in the middle of the burst

    start_outbox_worker()
    sweep_after_the_delay()
    assert wait_until(lambda: unfinished() == 0)

    received = Counter(message["message_id"] for message in inbox.messages)
    assert [message_id for message_id, times in received.items() if times > 1] == []  # none twice
    rows = Notification.objects.filter(pk__in=[row.pk for row in rows])
    sent = [row.message_id for row in rows if row.status == Status.SENT]
    uncertain = [row.message_id for row in rows if row.status == Status.UNCERTAIN]
    assert len(sent) + len(uncertain) == 50  # none lost: each is delivered or shown to staff
    assert all(received[message_id] == 1 for message_id in sent)
    assert len(uncertain) <= 1  # at most the one that was between DATA and its answer
    assert set(received) <= set(sent) | set(uncertain)


def test_a_message_killed_before_it_went_out_is_sent_once_by_the_sweep(start_outbox_worker, smtp_server):
    _, inbox = smtp_server
    inbox.hold("RCPT")  # the server keeps the worker waiting before the message itself goes out
    first_worker = start_outbox_worker()
    [row] = burst(1)
    assert wait_until(lambda: inbox.holding)
    kill(first_worker)
    inbox.release()
    assert statuses() == {Status.SENDING: 1} and inbox.messages == []

    start_outbox_worker()
    sweep_after_the_delay()

    assert wait_until(lambda: statuses() == {Status.SENT: 1})
    assert [message["message_id"] for message in inbox.messages] == [row.message_id]


def test_a_message_killed_after_it_went_out_is_uncertain_and_never_sent_again_by_itself(
    start_outbox_worker, smtp_server, django_capture_on_commit_callbacks
):
    _, inbox = smtp_server
    inbox.hold("DATA")  # the server has the message and has not answered yet
    first_worker = start_outbox_worker()
    [row] = burst(1)
    assert wait_until(lambda: inbox.holding)
    kill(first_worker)
    inbox.release()

    start_outbox_worker()
    sweep_after_the_delay()
    assert statuses() == {Status.UNCERTAIN: 1}
    sweep_after_the_delay()  # and again: an uncertain row is never handed out by the sweep
    assert statuses() == {Status.UNCERTAIN: 1} and len(inbox.messages) == 1

    # Staff, having checked with the person, send it again: the copy carries the same Message-ID.
    assert delivery.resend([row.pk]) == 1
    assert wait_until(lambda: statuses() == {Status.SENT: 1})
    assert [message["message_id"] for message in inbox.messages] == [row.message_id, row.message_id]


def test_a_worker_that_stalls_past_the_sweep_sends_nothing_when_it_wakes(smtp_server, settings):
    """A worker frozen (SIGSTOP, a paused machine) before DATA while the sweep takes its row back:
    when it wakes, the row is no longer its own, and the message does not go out from it."""
    port, inbox = smtp_server
    settings.MAILERS = smtp_mailer(port)
    [row] = burst_without_a_worker(1)
    inbox.hold("RCPT")
    stalled = threading.Thread(target=delivery.send, args=(row.pk,))
    stalled.start()
    assert wait_until(lambda: inbox.holding)

    delivery.take_back_stuck(now=timezone.now() + timedelta(seconds=settings.OUTBOX_STUCK_AFTER + 1))
    assert statuses() == {Status.PENDING: 1}
    inbox.release()
    stalled.join(timeout=30)

    assert inbox.messages == [] and statuses() == {Status.PENDING: 1}
    assert delivery.send(row.pk) is True  # the sweep's own hand-out sends it, once
    assert [message["message_id"] for message in inbox.messages] == [row.message_id]


def test_greylisting_at_rcpt_is_tried_again_later(smtp_server, settings):
    port, inbox = smtp_server
    settings.MAILERS = smtp_mailer(port)
    [row] = burst_without_a_worker(1)
    inbox.refuse_recipients_with = "450 4.2.0 Greylisted, please try again later"

    with pytest.raises(delivery.TransientFailure):
        delivery.send(row.pk)

    row.refresh_from_db()
    assert row.status == Status.PENDING and row.next_attempt_at is not None
    inbox.refuse_recipients_with = None
    assert delivery.send(row.pk) is True
    assert len(inbox.messages) == 1
