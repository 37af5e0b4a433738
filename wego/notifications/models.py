from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message to one person, rendered when queued and kept with its delivery record."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # The worker stopped after handing the message to the mail server and before hearing back:
        # it may have arrived. Never sent again automatically; staff decide (see delivery.py).
        UNCERTAIN = "uncertain", _("Delivery uncertain")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    email = models.EmailField(_("email address"))
    kind = models.CharField(_("kind"), max_length=80)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=200)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    related = GenericForeignKey("content_type", "object_id")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    handed_over_at = models.DateTimeField(_("handed to the mail server"), null=True, blank=True)
    # Account mail (a password reset link, a confirmation key): its text is shown to nobody in the
    # admin and forgotten once delivered (delivery.forget_confidential_body).
    confidential = models.BooleanField(_("confidential"), default=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["recipient", "read_at"]),
            # What was written about an object (written_lately): a registration's mails, say.
            models.Index(fields=["content_type", "object_id", "created_at"]),
        ]

    def __str__(self):
        return f"{self.subject} → {self.email}"

    @property
    def message_id(self):
        """The Message-ID of every delivery of this row: a repeated delivery is recognisably the same
        message (and mail clients show it once). From the row and the moment it was queued, so that
        a database started afresh never reuses one."""
        host = urlsplit(settings.PORTAL_URL).hostname or "wego.portal"
        return f"<notification-{self.pk}.{int(self.created_at.timestamp())}@{host}>"


class Attachment(models.Model):
    """A file sent with a notification (an event's calendar entry), rendered with it when queued."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=200)
    mimetype = models.CharField(_("type"), max_length=100)
    content = models.BinaryField(_("content"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.filename


class Reminder(models.Model):
    """That people were reminded of a due date of something, on one occasion (some days before, or
    overdue): written with the reminder's notifications, in their transaction, so that a reminder is
    never sent twice for the same due date, whatever re-runs (reminders.py)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    about = GenericForeignKey("content_type", "object_id")
    due_on = models.DateField(_("due on"))
    occasion = models.CharField(_("occasion"), max_length=20)
    sent_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "due_on", "occasion"], name="one_reminder_per_due_date"
            )
        ]

    def __str__(self):
        return f"{self.about} · {self.due_on} · {self.occasion}"
