"""Sending one outbox row: claimed atomically, so that no row is ever sent twice at once."""

import smtplib
import socket
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Notification

# Worth trying again later: the server or the network is having a moment.
TRANSIENT_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, socket.timeout)
STUCK_AFTER = timedelta(minutes=15)
PENDING_GRACE = timedelta(minutes=2)
MAX_ATTEMPTS = 8


def backoff(attempts):
    """About 30 s, 1 min, 2 min, ... up to an hour after the given number of failed attempts."""
    return timedelta(seconds=min(3600, 30 * 2 ** (attempts - 1)))


class TransientFailure(Exception):
    """The message could not be sent now but may be later; the row is pending again."""


def is_transient(error):
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, TRANSIENT_ERRORS)


def claim(notification_id):
    """Mark the row as being sent, if it is waiting; None if someone else has it or it is done."""
    claimed = Notification.objects.filter(pk=notification_id, status=Notification.Status.PENDING).update(
        status=Notification.Status.SENDING, claimed_at=timezone.now()
    )
    return Notification.objects.get(pk=notification_id) if claimed else None


def send(notification_id):
    """Send one notification. Raises TransientFailure when it should be retried later."""
    notification = claim(notification_id)
    if notification is None:
        return False
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.email],
        headers={"X-WeGO-Notification": str(notification.pk)},
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    attempts = notification.attempts + 1
    try:
        message.send()
    except Exception as error:
        # A transient failure waits for its next attempt, which requeue_overdue() hands out;
        # after MAX_ATTEMPTS, or at once for a permanent one, the row is failed for staff to see.
        retry = is_transient(error) and attempts < MAX_ATTEMPTS
        Notification.objects.filter(pk=notification.pk).update(
            status=Notification.Status.PENDING if retry else Notification.Status.FAILED,
            attempts=attempts,
            next_attempt_at=timezone.now() + backoff(attempts) if retry else None,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        if retry:
            raise TransientFailure(str(error)) from error
        return False
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.SENT, attempts=attempts, sent_at=timezone.now(), last_error=""
    )
    return True


def overdue():
    """Rows to hand to a worker again: pending for a while (their task was lost), or stuck in sending."""
    now = timezone.now()
    stuck = Notification.objects.filter(status=Notification.Status.SENDING, claimed_at__lt=now - STUCK_AFTER)
    stuck.update(status=Notification.Status.PENDING)
    waiting = Notification.objects.filter(status=Notification.Status.PENDING).filter(
        Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True, created_at__lt=now - PENDING_GRACE)
    )
    return list(waiting.values_list("pk", flat=True))


def resend(notification_ids):
    """Staff's re-send of failed rows: back to pending, then delivered like any other."""
    ids = list(
        Notification.objects.filter(pk__in=notification_ids, status=Notification.Status.FAILED).values_list(
            "pk", flat=True
        )
    )
    Notification.objects.filter(pk__in=ids).update(
        status=Notification.Status.PENDING, last_error="", attempts=0, next_attempt_at=None
    )
    for notification_id in ids:
        hand_to_worker(notification_id)
    return len(ids)


def hand_to_worker(notification_id):
    """Enqueue delivery once the current transaction commits.

    robust=True: if the broker is down, the change the user made still stands and the
    row stays pending for requeue_overdue(); the user never sees a mail error.
    """
    from .tasks import deliver

    transaction.on_commit(lambda: deliver.delay(notification_id), robust=True)
