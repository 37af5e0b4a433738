from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..workflow import AFFILIATION, LIVE
from .organisations import Organisation


class Affiliation(models.Model):
    """A person acting for an organisation, once the Secretariat has confirmed it."""

    workflow = AFFILIATION

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    title = models.CharField(_("title or position"), max_length=120)
    justification = models.TextField(_("why this person acts for the organisation"), max_length=2000)
    status = AFFILIATION.state_model_field()
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["updated_at", "pk"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            # One open or confirmed affiliation per person and organisation; declined ones may be asked again.
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=AFFILIATION.q(LIVE),
                name="one_live_affiliation_per_person_and_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation}"

    def get_absolute_url(self):
        return reverse("dashboard")
