from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Region


class Network(models.Model):
    """A regional network WeGO convenes or partners with (the CJK Smart City Forum, NEASCN, ASCN,
    LASCN): its goals, its partners and the meetings it held and plans (events of the network)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.TextField(_("description"), blank=True)
    # One goal per line, as the report lists them.
    goals = models.TextField(_("goals"), blank=True, help_text=_("One goal per line."))
    source = models.CharField(_("source"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("regional network")
        verbose_name_plural = _("regional networks")

    def __str__(self):
        return gettext(self.short_name)

    def get_absolute_url(self):
        return reverse("events:network", args=[self.slug])

    @property
    def goal_list(self):
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class PartnerRole(models.TextChoices):
    NETWORK_PARTNER = "network-partner", _("Network partner")
    FINANCING_EXPERT = "financing-expert", _("Project financing expert")
    CITY_OR_INSTITUTION = "city-or-institution", _("City or institution")
    CO_ORGANISER = "co-organiser", _("Co-organiser")


class NetworkPartner(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=30, choices=PartnerRole)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["role", "position", "pk"]
        verbose_name = _("network partner")
        verbose_name_plural = _("network partners")
        constraints = [
            models.UniqueConstraint(fields=["network", "organisation", "role"], name="one_role_per_partner")
        ]

    def __str__(self):
        return f"{self.organisation} · {self.get_role_display()}"
