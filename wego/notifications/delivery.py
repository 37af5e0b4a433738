"""Sending one outbox row: claimed atomically, so that no row is ever sent twice at once.

Claiming, sending and marking a row sent cannot be one transaction with the SMTP server, so the
row records how far it got, and what happens to a row whose worker died follows from that:

- claimed, not yet handed over (before SMTP's DATA command): the server cannot have the message;
  the sweep (overdue()) makes the row pending again and it is sent, once;
- handed over (DATA sent) and no answer heard: the server may have accepted it. The row is never
  sent again automatically: it becomes "delivery uncertain" for staff, who can send it again in
  one click; every delivery of a row carries the same Message-ID, so a repeat is recognisably
  the same message;
- an answer heard: 250 means sent; a 4xx refusal is retried with backoff, a 5xx one fails.
"""

import logging
import smtplib
import socket
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError

from .models import Notification

logger = logging.getLogger(__name__)

# Worth trying again later: the server or the network is having a moment.
TRANSIENT_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, socket.timeout)
MAX_ATTEMPTS = 8


def stuck_after():
    """A row claimed this long ago lost its worker: a send ends within the SMTP timeouts."""
    return timedelta(seconds=settings.OUTBOX_STUCK_AFTER)


def pending_grace():
    """A row pending this long after it was queued lost its task (broker down, worker killed)."""
    return timedelta(seconds=settings.OUTBOX_PENDING_GRACE)


def backoff(attempts):
    """About 30 s, 1 min, 2 min, ... up to an hour after the given number of failed attempts."""
    return timedelta(seconds=min(3600, 30 * 2 ** (attempts - 1)))


class TransientFailure(Exception):
    """The message could not be sent now but may be later; the row is pending again."""


class ClaimLost(Exception):
    """The row is no longer this worker's (the sweep took it back while the worker stalled)."""


def is_transient(error):
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        # Greylisting and full mailboxes answer 4xx to RCPT: worth trying again later.
        return all(400 <= code < 500 for code, _ in error.recipients.values())
    return isinstance(error, TRANSIENT_ERRORS)


def claim(notification_id):
    """Mark the row as being sent, if it is waiting; None if someone else has it or it is done."""
    claimed = Notification.objects.filter(pk=notification_id, status=Notification.Status.PENDING).update(
        status=Notification.Status.SENDING, claimed_at=timezone.now()
    )
    return Notification.objects.get(pk=notification_id) if claimed else None


def still_mine(notification):
    """The row as this worker claimed it: every write after the claim goes through this filter, so a
    worker that stalled past the sweep (which took the row back) changes nothing and sends nothing."""
    return Notification.objects.filter(
        pk=notification.pk, status=Notification.Status.SENDING, claimed_at=notification.claimed_at
    )


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
        headers={"Message-ID": notification.message_id, "X-WeGO-Notification": str(notification.pk)},
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    for attachment in notification.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    attempts = notification.attempts + 1
    handed_over = False

    def hand_over():
        nonlocal handed_over
        if not still_mine(notification).update(handed_over_at=timezone.now()):
            raise ClaimLost(notification.pk)
        handed_over = True

    try:
        deliver_message(message, before_data=hand_over)
    except ClaimLost:
        return False  # the message did not go out; the row is someone else's now
    except Exception as error:
        if handed_over and not isinstance(error, smtplib.SMTPResponseException):
            # The message went out and no answer came back: it may have arrived. Not retried.
            still_mine(notification).update(
                status=Notification.Status.UNCERTAIN,
                attempts=attempts,
                last_error=f"{type(error).__name__}: {error}"[:2000],
            )
            return False
        # A transient failure waits for its next attempt, which requeue_overdue() hands out;
        # after MAX_ATTEMPTS, or at once for a permanent one, the row is failed for staff to see.
        retry = is_transient(error) and attempts < MAX_ATTEMPTS
        still_mine(notification).update(
            status=Notification.Status.PENDING if retry else Notification.Status.FAILED,
            attempts=attempts,
            handed_over_at=None,
            next_attempt_at=timezone.now() + backoff(attempts) if retry else None,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        if retry:
            raise TransientFailure(str(error)) from error
        return False
    # Sent: recorded even if the sweep took the row back meanwhile (it then sits uncertain, since it
    # was handed over), so that it is never sent again.
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.SENT, attempts=attempts, sent_at=timezone.now(), last_error=""
    )
    forget_confidential_body(notification)
    return True


def deliver_message(message, *, before_data):
    """Send through the configured mailer, calling before_data() just before the message itself
    goes out: for SMTP, before the DATA command, after the server accepted sender and recipient.
    Other backends (files, memory) have no such step: the call comes before the send."""
    mailer = mailers.create_connection("default")
    opened = mailer.open()
    try:
        smtp = getattr(mailer, "connection", None)
        if isinstance(smtp, smtplib.SMTP):
            send_data = smtp.data

            def data(content):
                before_data()
                return send_data(content)

            smtp.data = data  # smtplib's sendmail() looks the method up on the instance
        else:
            before_data()
        mailer.send_messages([message])
    finally:
        if opened:
            close_quietly(mailer)


def close_quietly(mailer):
    """Saying goodbye to the server can fail after it accepted the message; that changes nothing."""
    try:
        mailer.close()
    except (smtplib.SMTPException, OSError):
        pass


def take_back_stuck(now=None):
    """Rows whose worker was lost while sending: sent again if their message never went out (pending),
    shown to staff as uncertain if it did."""
    now = now or timezone.now()
    stuck = Notification.objects.filter(
        status=Notification.Status.SENDING, claimed_at__lt=now - stuck_after()
    )
    stuck.filter(handed_over_at__isnull=False).update(
        status=Notification.Status.UNCERTAIN,
        last_error="The worker stopped after handing the message to the mail server.",
    )
    stuck.filter(handed_over_at__isnull=True).update(status=Notification.Status.PENDING)


def due(now=None):
    """Pending rows to hand to a worker: due for another attempt, or pending for a while (their task
    was lost: the broker down, a worker killed)."""
    now = now or timezone.now()
    waiting = Notification.objects.filter(status=Notification.Status.PENDING).filter(
        Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True, created_at__lt=now - pending_grace())
    )
    return list(waiting.values_list("pk", flat=True))


def overdue(now=None):
    """The sweep: take back what lost its worker, then list what is due."""
    take_back_stuck(now)
    return due(now)


RESENDABLE = [Notification.Status.FAILED, Notification.Status.UNCERTAIN]


def may_send_again(notification):
    return Notification.objects.filter(pk=notification.pk, status__in=RESENDABLE).exists()


def resend(notification_ids):
    """Staff's re-send of failed or uncertain rows: back to pending, then delivered like any other
    (an uncertain one with its Message-ID unchanged, so a second copy is recognisably the same).
    Row by row, each update asking the status again: a double click sends once."""
    sent_again = 0
    for notification_id in notification_ids:
        if Notification.objects.filter(pk=notification_id, status__in=RESENDABLE).update(
            status=Notification.Status.PENDING,
            last_error="",
            attempts=0,
            next_attempt_at=None,
            handed_over_at=None,
        ):
            hand_to_worker(notification_id)
            sent_again += 1
    return sent_again


def forget_confidential_body(notification):
    """Account mail carries secrets (a password reset link, a confirmation key): once delivered, its
    text is not kept, so nobody reads it from the outbox afterwards."""
    if notification.confidential:
        Notification.objects.filter(pk=notification.pk).update(body_text="", body_html="")


# Seconds to stop handing rows to an unreachable broker: they stay pending, and the sweep hands
# them out when it is back, instead of every request waiting on it for each message.
BROKER_RETRY_AFTER = 5.0
broker_unreachable_until = 0.0


def hand_to_worker(notification_id):
    """Enqueue delivery once the current transaction commits.

    If the broker is down, the change the user made still stands and the row stays pending for
    requeue_overdue(); the user never sees a mail error.
    """
    transaction.on_commit(lambda: publish(notification_id), robust=True)


def publish(notification_id):
    from .tasks import deliver

    global broker_unreachable_until
    if time.monotonic() < broker_unreachable_until:
        return
    try:
        deliver.delay(notification_id)
    except OperationalError as error:
        broker_unreachable_until = time.monotonic() + BROKER_RETRY_AFTER
        logger.warning("The task broker cannot be reached (%s); mail waits in the outbox.", error)
