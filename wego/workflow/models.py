from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..uploads import CheckedFileField


class TransitionRecord(models.Model):
    """One step in a submission's history: who moved it, when, from where to where, and why.

    The step that created the submission comes from "" (see definitions.NEW)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    workflow = models.CharField(_("workflow"), max_length=80)
    transition = models.CharField(_("transition"), max_length=80)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return f"{self.transition}: {self.from_state or '∅'} → {self.to_state}"


class Version(models.Model):
    """What a submission said when it was (re)submitted, numbered, so that staff see what changed.

    `content` is [{"key", "value"}] of raw values, in the form's order (see versions.py), so that
    two versions compare the same whatever language they were submitted in."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    content = models.JSONField(_("content"))

    class Meta:
        ordering = ["content_type", "object_id", "number"]
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"], name="one_version_number_per_submission"
            )
        ]

    def __str__(self):
        return _("Version %(number)d") % {"number": self.number}


class ThreadMessage(models.Model):
    """A message in a submission's clarification thread, between staff and the submitter."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_staff = models.BooleanField(_("from staff"))
    body = models.TextField(_("message"), max_length=5000)
    # Kept under MEDIA_ROOT, which no URL serves: read only through the submission's own views.
    attachment = CheckedFileField(_("attachment"), upload_to="threads/%Y/", max_length=200, blank=True)
    attachment_name = models.CharField(_("name of the attachment"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("thread message")
        verbose_name_plural = _("thread messages")
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return self.body[:60]
