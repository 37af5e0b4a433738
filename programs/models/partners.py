from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, OrganisationKind, Region
from wego.addresses import by_slug
from wego.text import KeepsFoldedCopies

from .areas import Area

# Languages by their two-letter code, as Django names them (the names are translated on display).
LANGUAGE_CHOICES = [(code, name) for code, name in global_settings.LANGUAGES if "-" not in code]


class PartnerType(models.TextChoices):
    CONSULTANT = "consultant", _("Consultant")
    TECH_COMPANY = "tech-company", _("Tech company")
    AID_AGENCY = "aid-agency", _("Development aid agency")
    DEVELOPMENT_BANK = "development-bank", _("Multilateral development bank")
    INSTITUTION = "institution", _("Institution")


class Partner(models.Model):
    """A strategic partner of the Smart City Driver: the profile of an organisation (a member of WeGO
    or not) that a city can be introduced to. Its name and website are the organisation's; its
    officials are the organisation's."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        primary_key=True,
        related_name="partner",
    )
    type = models.CharField(_("type"), max_length=20, choices=PartnerType)
    profile = models.TextField(_("profile"), max_length=5000)
    areas = models.ManyToManyField(Area, verbose_name=_("areas of expertise"), related_name="partners")
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions served"), related_name="partners", blank=True
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    is_listed = models.BooleanField(_("listed in the public directory"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["organisation__name_folded", "pk"]
        verbose_name = _("strategic partner")
        verbose_name_plural = _("strategic partners")

    def __str__(self):
        return self.organisation.name

    def get_absolute_url(self):
        return by_slug("programs:partner", self.organisation.slug)

    name = property(lambda self: self.organisation.name)
    slug = property(lambda self: self.organisation.slug)
    website = property(lambda self: self.organisation.website)

    @property
    def member(self):
        """The WeGO membership of the partner's organisation, or None."""
        return getattr(self.organisation, "member", None)

    def language_names(self):
        names = dict(LANGUAGE_CHOICES)
        return [gettext(names[code]) for code in self.languages if code in names]


class Maturity(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    PROTOTYPE = "prototype", _("Prototype")
    PILOT = "pilot", _("Proven in pilots")
    MARKET = "market", _("On the market")
    SCALED = "scaled", _("Deployed at scale")


class PriceModel(models.TextChoices):
    FREE = "free", _("Free or open source")
    LICENCE = "licence", _("One-off licence")
    SUBSCRIPTION = "subscription", _("Subscription")
    USAGE = "usage", _("Pay per use")
    PROJECT = "project", _("Priced per project")
    ON_REQUEST = "on-request", _("On request")


class Solution(KeepsFoldedCopies, models.Model):
    """What a partner offers cities."""

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="solutions"
    )
    name = models.CharField(_("name"), max_length=200)
    folded_copies = {"name": "name_folded"}
    name_folded = models.CharField(max_length=400, editable=False, db_index=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), max_length=5000)
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), related_name="solutions")
    maturity = models.CharField(_("maturity"), max_length=20, choices=Maturity)
    deployed_in = models.ManyToManyField(
        Organisation,
        verbose_name=_("member cities deployed in"),
        related_name="solutions_deployed",
        blank=True,
        limit_choices_to={"kind": OrganisationKind.LOCAL_GOVERNMENT, "member__isnull": False},
    )
    deployed_elsewhere = models.CharField(
        _("other cities deployed in"), max_length=500, blank=True, help_text=_("Separate cities with commas.")
    )
    price_model = models.CharField(_("price model"), max_length=20, choices=PriceModel)
    references = models.TextField(_("references"), max_length=3000, blank=True)
    is_listed = models.BooleanField(_("listed in the public catalogue"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name_folded", "pk"]
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return by_slug("programs:solution", self.slug)
