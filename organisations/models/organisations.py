from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from wego.countries import country_names
from wego.labels import label_of
from wego.text import KeepsFoldedCopies
from wego.uploads import CheckedFileField, validate_image

from .. import profiles


class Region(models.Model):
    """One of WeGO's five world regions, as the annual report groups members."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return gettext(self.name)


class OrganisationKind(models.TextChoices):
    LOCAL_GOVERNMENT = "local-government", _("Local government")
    CORPORATION = "corporation", _("Corporation")
    INSTITUTION = "institution", _("Institution")


class OrganisationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed=True)

    def visible_to(self, user):
        """Confirmed organisations, and those this person proposed that await the Secretariat."""
        if not user.is_authenticated:
            return self.confirmed()
        return self.filter(Q(confirmed=True) | Q(proposed_by=user))


class Organisation(KeepsFoldedCopies, models.Model):
    """Any organisation WeGO deals with: a city or other local government, a company, an institution;
    a member of WeGO or not. Membership, a strategic partnership and the like are one-to-one profiles
    of it, kept by their own apps; its officials are the people with a confirmed Affiliation."""

    name = models.CharField(_("name"), max_length=200)
    # Folding can lengthen a name (ß becomes ss), hence the room.
    folded_copies = {"name": "name_folded"}
    name_folded = models.CharField(_("name for searching and sorting"), max_length=400, editable=False)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind)
    country = CountryField(_("country"), blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    # The public profile: its officials propose changes to these, the Secretariat approves them
    # (ProfileChange); nothing here is public before that.
    description = models.TextField(_("description"), max_length=3000, blank=True)
    # Kept under MEDIA_ROOT, which no URL serves: shown only through its view, as the image it is.
    logo = CheckedFileField(
        _("logo"), upload_to="logos/", max_length=200, blank=True, validators=[validate_image]
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    # An organisation someone proposed when asking to act for it is seen by nobody else until the
    # Secretariat confirms it (with the request, in one step).
    confirmed = models.BooleanField(_("confirmed by the Secretariat"), default=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_folded", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["name_folded"]),
            models.Index(fields=["kind", "name_folded"]),
            models.Index(fields=["country", "name_folded"]),
            models.Index(fields=["region", "name_folded"]),
        ]

    def __str__(self):
        return self.name

    @property
    def kind_label(self):
        """get_kind_display(), translated once per language (wego/labels.py)."""
        return label_of(OrganisationKind, self.kind)

    @property
    def country_name(self):
        """The country's name in the request's language, or "" (a list's rows read it)."""
        # The stored code, read without the field's descriptor: it builds a Country object at every
        # reading, and a list reads this once per row.
        code = self.__dict__["country"] if "country" in self.__dict__ else self.country.code
        return country_names().get(code, "") if code else ""

    def public_url(self):
        """The public page of its first profile (see profiles.py); None for one that has none (so not
        get_absolute_url, which Django expects to give an address)."""
        for accessor in profiles.accessors():
            profile = getattr(self, accessor, None)
            if profile is not None:
                return profile.get_absolute_url()
        return None
