from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wego.uploads import CheckedFileField, validate_image

from ..workflow import PENDING, PROFILE_CHANGE
from .organisations import Organisation

# What an official may change on the public page, in the order the form and the review show them.
PROFILE_FIELDS = ("description", "website", "logo", "contact_email")


class ProfileChange(models.Model):
    """A change to an organisation's public profile that one of its officials proposed: the values
    proposed, kept apart from the organisation until the Secretariat approves them."""

    workflow = PROFILE_CHANGE

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="profile_changes",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    description = models.TextField(_("description"), max_length=3000, blank=True)
    website = models.URLField(_("website"), blank=True)
    # Empty: the logo stays as it is. Kept under MEDIA_ROOT, shown to staff only through the admin.
    logo = CheckedFileField(
        _("new logo"), upload_to="logos/proposed/", max_length=200, blank=True, validators=[validate_image]
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    status = PROFILE_CHANGE.state_model_field()
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        constraints = [
            # The Secretariat reviews one proposal at a time; a later one changes the pending one.
            models.UniqueConstraint(
                fields=["organisation"],
                condition=PROFILE_CHANGE.q(PENDING),
                name="one_pending_profile_change_per_organisation",
            ),
        ]

    def __str__(self):
        return str(PROFILE_CHANGE.title_for(self))

    def get_absolute_url(self):
        return reverse("organisation-profile", args=[self.organisation.slug])
