"""The Secretariat's tenders: opened for a selected proposal, with documents and invitations; the
bids counted while sealed, and read, evaluated and chosen once the deadline has passed and staff
unsealed them. A sealed bid appears nowhere in the admin: not in a list, a page or a count of words."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from reviews.admin import criteria_summary
from wego.admin import PortalModelAdmin, PortalTabularInline
from wego.workflow.admin import EditableWhile, SettingsWorkflowAdminMixin, WorkflowAdminMixin

from ..models import Bid, BidDocument, Partner, PartnerType, Tender, TenderDocument
from ..services import tenders as services
from ..tender_workflow import SETTING_UP, TENDER, UNSEALED
from .implementation import selected_proposals


def setting_up(tender):
    return tender is None or TENDER.has(tender, SETTING_UP)


class TenderDocumentInline(EditableWhile, PortalTabularInline):
    model = TenderDocument
    extra = 1
    editable_flag = SETTING_UP


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
            kwargs["queryset"] = selected_proposals()
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
        # The bids are judged once unsealed: before, there is nothing to assign nor rank.
        links = (
            [
                (
                    reverse("programs:tender-reviewing", args=[tender.pk]),
                    gettext_lazy("Assign reviewers to the bids"),
                ),
                (reverse("programs:tender-ranking", args=[tender.pk]), gettext_lazy("The bids' ranking")),
            ]
            if TENDER.has(tender, UNSEALED)
            else []
        )
        return criteria_summary(tender.scorecard, *links)


class BidDocumentInline(PortalTabularInline):
    model = BidDocument
    extra = 0
    fields = readonly_fields = ["title", "download"]

    @admin.display(description=gettext_lazy("file"))
    def download(self, document):
        # Served by the site's view, which checks who may read it: no URL serves the media folder.
        address = reverse(
            "programs:bid-document", args=[document.bid.tender_id, document.bid_id, document.pk]
        )
        return format_html('<a href="{}">{}</a>', address, gettext_lazy("Open"))

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
        if not self.value():
            return queryset
        # An address typed by hand: a tender that is not a number is no tender.
        return queryset.filter(tender=self.value()) if self.value().isdigit() else queryset.none()


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
