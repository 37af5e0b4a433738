"""The Secretariat's admin for the areas, the strategic partners and their solutions.

Staff manage what a partner's officials cannot change on the site: its name, address (slug), type,
link to a WeGO member and whether it is listed.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from wego.admin import PortalModelAdmin
from wego.exports import export_as_csv
from wego.forms import PortalAdminForm

from ..forms.partners import language_choices
from ..models import Area, Partner, Solution


@admin.register(Area)
class AreaAdmin(PortalModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PartnerAdminForm(PortalAdminForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Partner
        fields = [
            "organisation",
            "type",
            "is_listed",
            "profile",
            "areas",
            "regions",
            "languages",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]


@admin.register(Partner)
class PartnerAdmin(PortalModelAdmin):
    form = PartnerAdminForm
    list_display = ["__str__", "type", "is_member", "contact_email", "is_listed", "updated_at"]
    list_filter = ["type", "is_listed", "areas", "regions"]
    list_select_related = ["organisation__member"]
    search_fields = ["organisation__name", "organisation__name_folded", "organisation__slug", "contact_email"]
    filter_horizontal = ["areas", "regions"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["created_at", "updated_at"]
    actions = [export_as_csv]
    export_fields = ["name", "type", "website", "contact_name", "contact_email", "contact_phone", "is_listed"]
    fieldsets = [
        (None, {"fields": ["organisation", "type", "is_listed"]}),
        (_("Profile"), {"fields": ["profile", "areas", "regions", "languages"]}),
        (_("Contact"), {"fields": ["contact_name", "contact_email", "contact_phone"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("WeGO member"), boolean=True)
    def is_member(self, partner):
        return partner.member is not None


@admin.register(Solution)
class SolutionAdmin(PortalModelAdmin):
    list_display = ["name", "partner", "maturity", "price_model", "is_listed", "updated_at"]
    list_filter = ["maturity", "price_model", "partner__type", "is_listed", "areas"]
    list_select_related = ["partner__organisation"]
    search_fields = ["name", "name_folded", "slug", "partner__organisation__name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["areas"]
    autocomplete_fields = ["partner", "deployed_in"]
    readonly_fields = ["created_at", "updated_at"]
    actions = [export_as_csv]
    export_exclude = ["name_folded"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "partner", "is_listed"]}),
        (
            _("What it is"),
            {"fields": ["summary", "areas", "maturity", "price_model", "references"]},
        ),
        (_("Where it is deployed"), {"fields": ["deployed_in", "deployed_elsewhere"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]
