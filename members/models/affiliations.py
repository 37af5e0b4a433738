from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..workflow import AFFILIATION
from .directory import Member


class Affiliation(models.Model):
    """A person speaking for a member organisation, once the Secretariat has confirmed it."""

    workflow = AFFILIATION

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    # A person speaks either for a member organisation or for a strategic partner of the Smart
    # City Driver (a consultant, say, that is not a member): exactly one of the two.
    member = models.ForeignKey(
        Member,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="affiliations",
        null=True,
        blank=True,
    )
    partner = models.ForeignKey(
        "programs.Partner",
        verbose_name=_("strategic partner"),
        on_delete=models.CASCADE,
        related_name="affiliations",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title or position"), max_length=120)
    justification = models.TextField(_("why this person speaks for the organisation"), max_length=2000)
    # Written only by wego.workflow.engine.perform().
    status = models.CharField(
        _("status"), max_length=20, choices=AFFILIATION.choices(), default=AFFILIATION.initial, editable=False
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["updated_at", "pk"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            # One open or confirmed affiliation per person and organisation; declined ones may be asked again.
            models.UniqueConstraint(
                fields=["user", "member"],
                condition=Q(status__in=["requested", "approved"]),
                name="one_live_affiliation_per_person_and_organisation",
            ),
            models.UniqueConstraint(
                fields=["user", "partner"],
                condition=Q(status__in=["requested", "approved"]),
                name="one_live_affiliation_per_person_and_partner",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False, partner__isnull=True)
                | Q(member__isnull=True, partner__isnull=False),
                name="affiliation_names_one_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation}"

    @property
    def organisation(self):
        """The member organisation or the strategic partner this person speaks for."""
        return self.member if self.member_id else self.partner
