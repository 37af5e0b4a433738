from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from organisations.admin import CountryListFilter, name_and_address
from organisations.models import Region
from wego.admin import PortalModelAdmin
from wego.exports import export_as_csv
from wego.workflow.admin import WorkflowAdminMixin

from .models import Member, MembershipApplication, MembershipTotal, MouPartner, RegionalOffice, ReportFigure


class MemberCountryListFilter(CountryListFilter):
    path = "organisation__country"


class JoinedYearListFilter(admin.SimpleListFilter):
    title = _("year joined")
    parameter_name = "joined_year"

    def lookups(self, request, model_admin):
        return [(str(year), str(year)) for year in model_admin.get_queryset(request).joined_years()]

    def queryset(self, request, queryset):
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(joined_on__year=int(self.value()))
        return queryset


@admin.register(Member)
class MemberAdmin(PortalModelAdmin):
    list_display = ["name", "type", "country", "region", "joined_on", "is_president_city"]
    list_filter = [
        "organisation__region",
        MemberCountryListFilter,
        "organisation__kind",
        JoinedYearListFilter,
        "is_president_city",
    ]
    list_select_related = ["organisation__region"]
    search_fields = ["organisation__name", "organisation__name_folded", "organisation__slug"]
    autocomplete_fields = ["organisation"]
    date_hierarchy = "joined_on"
    actions = [export_as_csv]
    export_fields = [
        "name",
        "slug",
        "type",
        "country",
        "region",
        "joined_on",
        "approved_at_excom",
        "is_president_city",
    ]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["organisation"]}),
        (_("Membership"), {"fields": ["joined_on", "approved_at_excom", "is_president_city"]}),
        (_("For staff"), {"fields": ["note", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("name"), ordering="organisation__name_folded")
    def name(self, member):
        return member.organisation.name

    @admin.display(description=_("type"), ordering="organisation__kind")
    def type(self, member):
        return member.get_type_display()

    @admin.display(description=_("country"), ordering="organisation__country")
    def country(self, member):
        return member.country.name if member.country else "—"

    @admin.display(description=_("region"), ordering="organisation__region__position")
    def region(self, member):
        return member.region or "—"


@admin.register(RegionalOffice)
class RegionalOfficeAdmin(PortalModelAdmin):
    list_display = ["name", "kind", "city", "country", "region", "opened_year"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name", "city"]
    autocomplete_fields = ["host_member", "region"]
    actions = [export_as_csv]


@admin.register(MembershipTotal)
class MembershipTotalAdmin(PortalModelAdmin):
    list_display = ["year", "members"]


@admin.register(ReportFigure)
class ReportFigureAdmin(PortalModelAdmin):
    list_display = ["label", "value", "year", "scope", "region", "member_type"]
    list_filter = ["scope", "year", "region", "member_type"]
    list_select_related = ["region"]
    search_fields = ["label", "slug"]


@admin.register(MouPartner)
class MouPartnerAdmin(PortalModelAdmin):
    list_display = ["__str__", "signed_on"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name"]
    autocomplete_fields = ["organisation"]


class RegionOfCountryListFilter(admin.SimpleListFilter):
    """An application has a country; its region is the one the directory places that country in."""

    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(region.slug, str(region)) for region in Region.objects.all()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            country__in=Member.objects.filter(organisation__region__slug=self.value()).countries()
        )


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["organisation_name", "type", "country", "applied_by", "status", "submitted_at"]
    list_filter = ["status", "type", RegionOfCountryListFilter]
    list_select_related = ["applicant"]
    search_fields = [
        "organisation_name",
        "contact_name",
        "contact_email",
        "applicant__email",
        "applicant__first_name",
        "applicant__last_name",
    ]
    thread_attachment_url_name = "members:application-message-attachment"
    # The application is the organisation's own words: staff move it, they do not rewrite it.
    readonly_fields = fields = [
        "organisation_name",
        "type",
        "country",
        "city",
        "website",
        "contact_name",
        "contact_email",
        "motivation",
        "letter",
        "applicant",
        "status",
        "member",
        "submitted_at",
        "updated_at",
    ]

    @admin.display(description=_("applied by"), ordering="applicant__last_name")
    def applied_by(self, application):
        return name_and_address(application.applicant)

    @admin.display(description=_("signed letter of intent (PDF)"))
    def letter(self, application):
        if not application.letter_of_intent:
            return "—"
        url = reverse("members:application-letter", args=[application.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the PDF"))

    def has_add_permission(self, request):
        return False  # organisations apply through /members/join/
