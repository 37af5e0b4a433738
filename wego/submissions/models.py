from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """One sending of a form that creates something, known by the token the form carried.

    The token is the person's own: another person's token is a different row, never a way to their
    result. `result_url` stays empty until the submission has made something, so a sending that was
    refused (a closed thread, say) does not stop the same form from being sent again.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(_("token"), max_length=64)
    # What was sent, hashed: the same token with other contents (the Back button, a changed answer,
    # sent again) is another submission, not this one sent twice.
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    result_url = models.CharField(_("result"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="one_submission_per_token"),
        ]
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self):
        return f"{self.user_id}:{self.token}"
