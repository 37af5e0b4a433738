"""The outbox with Django's own mail backends; the real worker and SMTP server have their own tests."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from tests.factories import MembershipApplicationFactory, UserFactory, secretariat_user
from wego.notifications import delivery
from wego.notifications.models import Notification
from wego.workflow.engine import perform, start

pytestmark = pytest.mark.django_db


def test_a_transition_queues_its_message_and_delivers_it_after_commit(django_capture_on_commit_callbacks):
    application = MembershipApplicationFactory(organisation_name="Mombasa County")
    with django_capture_on_commit_callbacks(execute=True):
        perform(application, "start_review", actor=secretariat_user())
    notification = Notification.objects.get()
    assert notification.recipient == application.applicant
    assert notification.related == application
    assert notification.status == Notification.Status.SENT and notification.attempts == 1
    [message] = mail.outbox
    assert message.to == [application.applicant.email]
    assert message.subject == "The Secretariat is reviewing your application for Mombasa County to join WeGO"
    assert "The Secretariat started reviewing the application." in message.body
    assert message.alternatives[0].mimetype == "text/html"


def test_the_note_reaches_the_applicant(django_capture_on_commit_callbacks):
    application = MembershipApplicationFactory()
    perform_as_staff = secretariat_user()
    with django_capture_on_commit_callbacks(execute=True):
        perform(application, "start_review", actor=perform_as_staff)
        perform(application, "request_information", actor=perform_as_staff, note="Please sign the letter.")
    assert "Please sign the letter." in mail.outbox[-1].body


def test_messages_are_written_in_the_recipients_language(django_capture_on_commit_callbacks):
    application = MembershipApplicationFactory(applicant__language="ko")
    with django_capture_on_commit_callbacks(execute=True):
        perform(application, "start_review", actor=secretariat_user())
    notification = Notification.objects.get()
    assert notification.language == "ko"
    assert "WeGO" in notification.subject and "membership application" not in notification.subject


def test_nothing_is_queued_or_sent_when_the_change_is_rolled_back(django_capture_on_commit_callbacks):
    application = MembershipApplicationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            perform(application, "start_review", actor=secretariat_user())
            raise RuntimeError("the rest of the request failed")
    assert not Notification.objects.exists() and mail.outbox == []


def pending_notification():
    """The applicant's message about a step, written and not yet handed to a worker."""
    application = MembershipApplicationFactory()
    perform(application, "start_review", actor=secretariat_user())
    return Notification.objects.latest("pk")


def test_a_row_is_never_sent_twice(settings):
    notification = pending_notification()
    assert delivery.send(notification.pk) is True
    assert delivery.send(notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_transient_smtp_failure_leaves_the_row_pending_for_a_retry(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.backends.BusyServer"}}
    notification = pending_notification()
    with pytest.raises(delivery.TransientFailure):
        delivery.send(notification.pk)
    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 1 and "451" in notification.last_error
    # Its next attempt is scheduled, and the periodic task leaves it alone until then.
    assert notification.next_attempt_at > timezone.now()
    assert notification.pk not in delivery.overdue()
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert notification.pk in delivery.overdue()


def test_a_message_that_keeps_failing_is_marked_failed_for_staff(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.backends.BusyServer"}}
    notification = pending_notification()
    Notification.objects.filter(pk=notification.pk).update(attempts=delivery.MAX_ATTEMPTS - 1)
    assert delivery.send(notification.pk) is False
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED and notification.next_attempt_at is None


def test_subjects_are_plain_text():
    application = MembershipApplicationFactory.build(
        organisation_name="Smith & Co <Holdings>", applicant=UserFactory()
    )
    start(application, "submit", actor=application.applicant)
    notification = Notification.objects.get()
    assert notification.subject == "We received your application for Smith & Co <Holdings> to join WeGO"


def test_a_permanent_failure_is_marked_failed_and_staff_can_send_it_again(
    settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.backends.RefusingServer"}}
    notification = pending_notification()
    assert delivery.send(notification.pk) is False
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED and "550" in notification.last_error

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        assert delivery.resend([notification.pk]) == 1
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT and len(mail.outbox) == 1


def test_rows_left_pending_or_stuck_in_sending_are_handed_out_again():
    waiting, stuck, fresh = pending_notification(), pending_notification(), pending_notification()
    long_ago = timezone.now() - timedelta(hours=1)
    Notification.objects.filter(pk=waiting.pk).update(created_at=long_ago)
    Notification.objects.filter(pk=stuck.pk).update(
        created_at=long_ago, status="sending", claimed_at=long_ago
    )
    assert sorted(delivery.overdue()) == sorted([waiting.pk, stuck.pk])
    assert Notification.objects.get(pk=fresh.pk).status == Notification.Status.PENDING


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (smtplib.SMTPServerDisconnected("gone"), True),
        (smtplib.SMTPResponseException(421, b"try later"), True),
        (smtplib.SMTPResponseException(550, b"no such user"), False),
        (ConnectionRefusedError(), True),
        (smtplib.SMTPRecipientsRefused({"a@city.example": (450, b"4.2.0 Greylisted, try again")}), True),
        (smtplib.SMTPRecipientsRefused({"a@city.example": (550, b"5.1.1 No such user")}), False),
        (ValueError("bad header"), False),
    ],
)
def test_which_failures_are_worth_retrying(error, transient):
    assert delivery.is_transient(error) is transient


def test_staff_see_the_outbox_and_send_a_failed_message_again(client, django_capture_on_commit_callbacks):
    from tests.factories import UserFactory, with_mfa

    notification = pending_notification()
    Notification.objects.filter(pk=notification.pk).update(
        status="failed", attempts=8, last_error="550 No such user"
    )
    client.force_login(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    listing = client.get("/admin/notifications/notification/").text
    assert "Failed" in listing and notification.subject in listing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/notifications/notification/",
            {"action": "send_again", "_selected_action": [notification.pk]},
        )
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT and len(mail.outbox) == 1


def test_staff_send_an_uncertain_message_again_in_one_click_with_its_message_id(
    client, django_capture_on_commit_callbacks
):
    from tests.factories import UserFactory, with_mfa

    notification = pending_notification()
    Notification.objects.filter(pk=notification.pk).update(status=Notification.Status.UNCERTAIN)
    client.force_login(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    page = client.get(f"/admin/notifications/notification/{notification.pk}/change/").text
    assert "This message may have reached" in page and "Send it again" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/notifications/notification/{notification.pk}/send-again/", follow=True
        )

    assert "is queued again." in response.text
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    [message] = mail.outbox
    assert message.extra_headers["Message-ID"] == notification.message_id
    assert (
        "Send it again" not in client.get(f"/admin/notifications/notification/{notification.pk}/change/").text
    )


def test_a_message_sent_is_not_sent_again_from_its_page(client, django_capture_on_commit_callbacks):
    from tests.factories import UserFactory, with_mfa

    notification = pending_notification()
    Notification.objects.filter(pk=notification.pk).update(status=Notification.Status.SENT)
    client.force_login(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/notifications/notification/{notification.pk}/send-again/", follow=True
        )
    assert "nothing was sent" in response.text and mail.outbox == []


def test_a_double_click_on_send_again_sends_once(django_capture_on_commit_callbacks):
    notification = pending_notification()
    Notification.objects.filter(pk=notification.pk).update(status=Notification.Status.UNCERTAIN)
    with django_capture_on_commit_callbacks() as handed_out:
        assert delivery.resend([notification.pk]) == 1
        assert delivery.resend([notification.pk]) == 0  # already pending again: nothing more
    assert len(handed_out) == 1
