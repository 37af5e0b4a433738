"""The Secretariat's tenders: opened for a selected proposal, with documents and invitations; the
bids counted while sealed, and read, evaluated and chosen once the deadline has passed and staff
unsealed them. A sealed bid appears nowhere in the admin: not in a list, a page or a count of words."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from wego.admin import PortalModelAdmin, PortalTabularInline
from wego.workflow.admin import SettingsWorkflowAdminMixin, WorkflowAdminMixin

from ..implementer_workflow import PROPOSAL, SELECTED
from ..models import Bid, BidDocument, Partner, PartnerType, Proposal, Tender, TenderDocument
from ..services import tenders as services
from ..tender_workflow import SETTING_UP, TENDER, UNSEALED


def setting_up(tender):
    return tender is None or TENDER.has(tender, SETTING_UP)


class TenderDocumentInline(PortalTabularInline):
    model = TenderDocument
    extra = 1

    def has_add_permission(self, request, obj=None):
        return setting_up(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return setting_up(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return setting_up(obj) and super().has_delete_permission(request, obj)


@admin.register(Tender)
class TenderAdmin(SettingsWorkflowAdminMixin, PortalModelAdmin):
    list_display = ["__str__", "deadline", "status", "bids_received"]
    list_filter = ["status"]
    list_select_related = ["proposal__organisation", "proposal__call"]
    inlines = [TenderDocumentInline]
    fields = [
        "proposal",
        "scope",
        "deadline",
        "open_to_all",
        "invited",
        "criteria",
        "bids_received",
        "status",
    ]
    filter_horizontal = ["invited"]

    def get_readonly_fields(self, request, obj=None):
        fixed = [] if setting_up(obj) else ["proposal", "scope", "deadline", "open_to_all", "invited"]
        return [*fixed, "criteria", "bids_received", "status"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "proposal":
            kwargs["queryset"] = Proposal.objects.filter(PROPOSAL.q(SELECTED)).select_related(
                "organisation", "call"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "invited":
            kwargs["queryset"] = Partner.objects.filter(type=PartnerType.CONSULTANT).select_related(
                "organisation"
            )
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.scorecard_for(form.instance)

    @admin.display(description=gettext_lazy("bids received"))
    def bids_received(self, tender):
        if tender.pk is None:
            return 0
        count = tender.bids.count()
        if not TENDER.has(tender, UNSEALED):
            return format_html("{} ({})", count, gettext_lazy("sealed until the deadline"))
        url = reverse("admin:programs_bid_changelist") + f"?tender={tender.pk}"
        return format_html('<a href="{}">{}</a>', url, count)

    @admin.display(description=gettext_lazy("evaluation criteria and reviewers"))
    def criteria(self, tender):
        if tender.pk is None or tender.scorecard is None:
            return gettext_lazy("Offered with the usual criteria once the tender is saved.")
        scorecard = tender.scorecard
        names = ", ".join(f"{criterion.name} ×{criterion.weight:g}" for criterion in scorecard.criteria.all())
        links = format_html(
            '{} <a href="{}">{}</a>',
            names,
            reverse("admin:reviews_scorecard_change", args=[scorecard.pk]),
            gettext_lazy("Change the criteria and the phases"),
        )
        if TENDER.has(tender, UNSEALED):
            links = format_html(
                '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
                links,
                reverse("programs:tender-reviewing", args=[tender.pk]),
                gettext_lazy("Assign reviewers to the bids"),
                reverse("programs:tender-ranking", args=[tender.pk]),
                gettext_lazy("The bids' ranking"),
            )
        return links


class BidDocumentInline(PortalTabularInline):
    model = BidDocument
    extra = 0
    fields = readonly_fields = ["title", "file"]

    def has_add_permission(self, request, obj=None):
        return False


class UnsealedTenderFilter(admin.SimpleListFilter):
    title = gettext_lazy("tender")
    parameter_name = "tender"

    def lookups(self, request, model_admin):
        tenders = Tender.objects.filter(TENDER.q(UNSEALED)).select_related(
            "proposal__organisation", "proposal__call"
        )
        return [(tender.pk, str(tender)) for tender in tenders.order_by("-created_at", "pk")]

    def queryset(self, request, queryset):
        return queryset.filter(tender=self.value()) if self.value() else queryset


@admin.register(Bid)
class BidAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["__str__", "tender", "price", "currency", "status"]
    list_filter = ["status", UnsealedTenderFilter]
    list_select_related = ["partner__organisation", "tender__proposal__organisation"]
    inlines = [BidDocumentInline]
    readonly_fields = fields = [
        "tender",
        "partner",
        "approach",
        "team",
        "timeline",
        "price",
        "currency",
        "status",
    ]

    def get_queryset(self, request):
        # Sealed bids are not here at all: only those of tenders staff unsealed after the deadline.
        return super().get_queryset(request).filter(TENDER.q(UNSEALED, prefix="tender__"))

    def has_add_permission(self, request):
        return False  # partners bid on the site
