import posixpath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from wego.countries import country_names
from wego.uploads import CheckedFileField
from wego.workflow.versions import Versioned

from ..workflow import MEMBERSHIP
from .directory import Member, MemberType


class MembershipApplication(Versioned, models.Model):
    """An organisation's application to join WeGO, reviewed by the Secretariat and decided by EXCOM."""

    workflow = MEMBERSHIP
    version_fields = (
        "organisation_name",
        "type",
        "country",
        "city",
        "website",
        "contact_name",
        "contact_email",
        "motivation",
        "letter_of_intent",
    )

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=MemberType)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    motivation = models.TextField(_("why it wants to join WeGO"), max_length=5000)
    # Kept under MEDIA_ROOT, which no URL serves: only the applicant and staff read it, through a view.
    letter_of_intent = CheckedFileField(
        _("signed letter of intent (PDF)"), upload_to="membership/letters/%Y/", max_length=200
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="membership_applications",
    )
    status = MEMBERSHIP.state_model_field(max_length=40)
    member = models.OneToOneField(
        Member,
        verbose_name=_("member created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="application",
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return self.organisation_name

    def get_absolute_url(self):
        return reverse("members:application", args=[self.pk])

    @classmethod
    def version_item_text(cls, item, number=None):
        label, text = super().version_item_text(item, number)
        if item["key"] == "country" and text:
            text = country_names().get(text, text)
        if item["key"] == "letter_of_intent":
            text = posixpath.basename(text)  # which file, not where it is kept
        return label, text
