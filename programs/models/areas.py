from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """One of the sixteen areas the Smart City Driver covers (annual report 2020)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        # The report's sixteen names are translated (programs/report_strings.py); others show as entered.
        return gettext(self.name)

    def get_absolute_url(self):
        return reverse("programs:area", args=[self.slug])
