"""Step 3 of the Project Implementer: the tender for a selected proposal's consultant, and the bids."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reviews.models import Scored
from wego.money import CurrencyField
from wego.uploads import CheckedFileField, validate_attachment
from wego.workflow.versions import Versioned, as_text

from ..tender_workflow import BID, REPLACEABLE, TENDER
from .implementer import Proposal
from .partners import Partner


class Tender(Scored, models.Model):
    """WeGO's call for a consultant to carry out a selected proposal's feasibility study and pilot;
    its bids are evaluated on its scorecard (reviews.Scored)."""

    workflow = TENDER

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("selected proposal"), on_delete=models.PROTECT, related_name="tenders"
    )
    scope = models.TextField(_("scope of the work"), max_length=10000)
    deadline = models.DateTimeField(
        _("deadline for bids"),
        help_text=_("In Seoul time. Bids are refused after this moment, by the portal's clock."),
    )
    open_to_all = models.BooleanField(
        _("open to every consultant partner"),
        default=False,
        help_text=_("Otherwise only the consultants invited below may bid."),
    )
    invited = models.ManyToManyField(
        Partner, verbose_name=_("invited consultants"), blank=True, related_name="tenders_invited_to"
    )
    status = TENDER.state_model_field(max_length=20, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("consultant tender")
        verbose_name_plural = _("consultant tenders")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal"],
                condition=~TENDER.q(REPLACEABLE),
                name="one_tender_per_proposal",
                violation_error_message=_("This proposal has a tender already; cancel it to open another."),
            )
        ]

    def __str__(self):
        return gettext("Tender for %(proposal)s") % {"proposal": self.proposal}

    def get_absolute_url(self):
        return reverse("programs:tender", args=[self.pk])

    def before_deadline(self, now=None):
        return self.deadline is not None and (now or timezone.now()) < self.deadline


class TenderDocument(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = CheckedFileField(
        _("file"), upload_to="implementer/tenders/%Y/", max_length=200, validators=[validate_attachment]
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("tender document")
        verbose_name_plural = _("tender documents")

    def __str__(self):
        return self.title


class Bid(Versioned, models.Model):
    """A consultant partner's bid: sealed until the tender's deadline has passed and staff unseal the
    bids; its partner's officials may change it until the deadline."""

    workflow = BID
    version_fields = ("approach", "team", "timeline", "price", "currency")

    tender = models.ForeignKey(
        Tender, verbose_name=_("tender"), on_delete=models.PROTECT, related_name="bids"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="bids"
    )
    approach = models.TextField(_("approach"), max_length=10000)
    team = models.TextField(_("team"), max_length=5000)
    timeline = models.TextField(_("timeline"), max_length=3000)
    price = models.DecimalField(
        _("price"), max_digits=14, decimal_places=2, validators=[MinValueValidator(1)]
    )
    currency = CurrencyField(_("currency"))
    status = BID.state_model_field(max_length=20, db_index=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(_("first sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["tender", "sent_at", "pk"]
        verbose_name = _("bid")
        verbose_name_plural = _("bids")
        constraints = [
            models.UniqueConstraint(fields=["tender", "partner"], name="one_bid_per_partner_and_tender")
        ]

    def __str__(self):
        return gettext("Bid of %(partner)s") % {"partner": self.partner.organisation.name}

    def get_absolute_url(self):
        return reverse("programs:tender", args=[self.tender_id])

    @property
    def organisation(self):
        """The bidder, for the reviews' conflicts of interest."""
        return self.partner.organisation

    def review_documents(self):
        """(title, address) of what a reviewer reads beside the bid's answers (reviews/assignment.html)."""
        return [
            (document.title, reverse("programs:bid-document", args=[self.tender_id, self.pk, document.pk]))
            for document in self.documents.all()
        ]

    def version_content(self):
        content = super().version_content()
        documents = [{"pk": d.pk, "title": d.title, "file": as_text(d.file)} for d in self.documents.all()]
        return [*content, {"key": "documents", "value": documents}]

    @classmethod
    def version_item_text(cls, item, number=None):
        if item["key"] == "documents":
            return gettext("Documents"), "\n".join(document["title"] for document in item["value"])
        return super().version_item_text(item, number)


class BidDocument(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = CheckedFileField(
        _("file"), upload_to="implementer/bids/%Y/", max_length=200, validators=[validate_attachment]
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("bid document")
        verbose_name_plural = _("bid documents")

    def __str__(self):
        return self.title
