from urllib.parse import urlsplit

from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from organisations.models import Organisation, OrganisationKind, Region
from wego.addresses import by_slug

# A member's type is its organisation's kind.
MemberType = OrganisationKind


class MemberQuerySet(models.QuerySet):
    # order_by() drops the default ordering by name, which would otherwise make every row distinct.
    def countries(self):
        """The ISO codes of the countries these members are in."""
        codes = (
            self.exclude(organisation__country="").order_by().values_list("organisation__country", flat=True)
        )
        return set(codes.distinct())

    def joined_years(self):
        """The years these members joined in, newest first."""
        years = (
            self.filter(joined_on__isnull=False)
            .order_by()
            .annotate(year=ExtractYear("joined_on"))
            .values_list("year", flat=True)
            .distinct()
        )
        return sorted(years, reverse=True)


class Member(models.Model):
    """WeGO membership: the profile of an organisation (a local government, a corporation or an
    institution) that is a member. Its name, type and place are the organisation's."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        primary_key=True,
        related_name="member",
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    approved_at_excom = models.PositiveSmallIntegerField(
        _("approved by EXCOM in"),
        null=True,
        blank=True,
        help_text=_("The year of the Executive Committee meeting that approved the membership."),
    )
    is_president_city = models.BooleanField(_("president city"), default=False)
    note = models.TextField(
        _("note for staff"),
        blank=True,
        help_text=_("What the annual report left unclear, for the Secretariat to settle."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name_folded"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        indexes = [models.Index(fields=["joined_on"])]

    def __str__(self):
        return self.organisation.name

    def get_absolute_url(self):
        return by_slug("members:detail", self.organisation.slug)

    # What the directory, the pages and the exports read of the organisation.
    name = property(lambda self: self.organisation.name)
    slug = property(lambda self: self.organisation.slug)
    type = property(lambda self: self.organisation.kind)
    country = property(lambda self: self.organisation.country)
    country_name = property(lambda self: self.organisation.country_name)
    region = property(lambda self: self.organisation.region)
    region_id = property(lambda self: self.organisation.region_id)

    def get_type_display(self):
        return self.organisation.kind_label


class RegionalOffice(models.Model):
    """The Secretariat in Seoul and WeGO's regional offices."""

    class Kind(models.TextChoices):
        SECRETARIAT = "secretariat", _("Secretariat")
        REGIONAL = "regional", _("Regional office")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.REGIONAL)
    area = models.CharField(
        _("area served"),
        max_length=80,
        blank=True,
        help_text=_("For example: East Asia, Eurasia."),
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        help_text=_("The WeGO region whose members this office serves, where that is one region."),
    )
    host_member = models.ForeignKey(
        Member,
        verbose_name=_("host member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_offices",
    )
    opened_year = models.PositiveSmallIntegerField(_("year opened"), null=True, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    note = models.TextField(_("note"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name

    @property
    def website_name(self):
        """The website as people say it ("we-gov.org"), for a link's text; the link keeps the address."""
        host = urlsplit(self.website).hostname or self.website
        return host.removeprefix("www.")


class MembershipTotal(models.Model):
    """The number of members the annual report states for a year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    members = models.PositiveIntegerField(_("members"))

    class Meta:
        ordering = ["year"]
        verbose_name = _("membership total")
        verbose_name_plural = _("membership totals")

    def __str__(self):
        return f"{self.year}: {self.members}"


class ReportFigure(models.Model):
    """A figure the annual report states, kept beside what the directory can count."""

    class Scope(models.TextChoices):
        MEMBERS = "members", _("Members at the end of the year")
        NEW_MEMBERS = "new-members", _("New members approved in the year")
        OTHER = "other", _("Other figure")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    label = models.CharField(_("label"), max_length=200)
    value = models.PositiveIntegerField(_("value"))
    unit = models.CharField(_("unit"), max_length=10, blank=True, help_text=_("For example: %."))
    year = models.PositiveSmallIntegerField(_("year"))
    scope = models.CharField(_("scope"), max_length=20, choices=Scope, default=Scope.OTHER)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    member_type = models.CharField(_("member type"), max_length=20, choices=MemberType, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["year", "position", "slug"]
        verbose_name = _("report figure")
        verbose_name_plural = _("report figures")

    def __str__(self):
        return f"{self.label}: {self.value}"


class MouPartner(models.Model):
    """The profile of an organisation that signed a memorandum of understanding with WeGO."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        primary_key=True,
        related_name="mou",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    class Meta:
        ordering = ["signed_on", "organisation__name_folded"]
        verbose_name = _("MOU partner")
        verbose_name_plural = _("MOU partners")

    def __str__(self):
        return self.organisation.name

    name = property(lambda self: self.organisation.name)
    country = property(lambda self: self.organisation.country)
