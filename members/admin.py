import csv
from datetime import timedelta

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from wego.workflow.admin import WorkflowAdminMixin

from .exports import spreadsheet_safe
from .models import (
    Affiliation,
    Member,
    MembershipApplication,
    MembershipTotal,
    MouPartner,
    Region,
    RegionalOffice,
    ReportFigure,
    User,
)


@admin.action(description=_("Export selected to CSV"))
def export_as_csv(modeladmin, request, queryset):
    excluded = getattr(modeladmin, "export_exclude", ())
    fields = [field for field in modeladmin.model._meta.fields if field.name not in excluded]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{modeladmin.model._meta.model_name}s.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([field.verbose_name for field in fields])
    related = [field.name for field in fields if field.is_relation]
    for obj in queryset.select_related(*related):
        writer.writerow([spreadsheet_safe(getattr(obj, field.name)) for field in fields])
    return response


class CountryListFilter(admin.SimpleListFilter):
    """Only the countries that have members, not all 249."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        present = model_admin.get_queryset(request).countries()
        return sorted(((code, name) for code, name in countries if code in present), key=lambda c: c[1])

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


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
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "country", "region", "joined_on", "is_president_city"]
    list_filter = ["region", CountryListFilter, "type", JoinedYearListFilter, "is_president_city"]
    list_select_related = ["region"]
    search_fields = ["name", "name_folded", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region"]
    date_hierarchy = "joined_on"
    actions = [export_as_csv]
    export_exclude = ["name_folded"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "type"]}),
        (_("Where"), {"fields": ["country", "region"]}),
        (_("Membership"), {"fields": ["joined_on", "is_president_city"]}),
        (_("For staff"), {"fields": ["note", "created_at", "updated_at"]}),
    ]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "member_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [export_as_csv]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, region):
        return region.member_count


@admin.register(RegionalOffice)
class RegionalOfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city", "country", "region", "opened_year"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name", "city"]
    autocomplete_fields = ["host_member", "region"]
    actions = [export_as_csv]


@admin.register(MembershipTotal)
class MembershipTotalAdmin(admin.ModelAdmin):
    list_display = ["year", "members"]


@admin.register(ReportFigure)
class ReportFigureAdmin(admin.ModelAdmin):
    list_display = ["label", "value", "year", "scope", "region", "member_type"]
    list_filter = ["scope", "year", "region", "member_type"]
    list_select_related = ["region"]
    search_fields = ["label", "slug"]


@admin.register(MouPartner)
class MouPartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "signed_on"]
    search_fields = ["name"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["is_staff", "is_superuser", "groups", "user_permissions"]


class RegionOfCountryListFilter(admin.SimpleListFilter):
    """An application has a country; its region is the one the directory places that country in."""

    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(region.slug, str(region)) for region in Region.objects.all()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(country__in=Member.objects.filter(region__slug=self.value()).countries())


class WaitingListFilter(admin.SimpleListFilter):
    title = _("waiting since")
    parameter_name = "waiting"
    AGES = {"week": 7, "month": 30}

    def lookups(self, request, model_admin):
        return [("week", _("More than a week")), ("month", _("More than a month"))]

    def queryset(self, request, queryset):
        if self.value() not in self.AGES:
            return queryset
        return queryset.filter(updated_at__lt=timezone.now() - timedelta(days=self.AGES[self.value()]))


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["organisation_name", "type", "country", "status", "submitted_at", "updated_at"]
    list_filter = ["status", "type", RegionOfCountryListFilter, WaitingListFilter]
    search_fields = ["organisation_name", "contact_name", "contact_email", "applicant__email"]
    ordering = ["updated_at"]  # the longest waiting first
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

    @admin.display(description=_("signed letter of intent (PDF)"))
    def letter(self, application):
        if not application.letter_of_intent:
            return "—"
        url = reverse("members:application-letter", args=[application.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the PDF"))

    def has_add_permission(self, request):
        return False  # organisations apply through /members/join/


@admin.register(Affiliation)
class AffiliationAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["user", "member", "partner", "title", "status", "requested_at"]
    list_filter = ["status", "member__region", "member__type"]
    list_select_related = ["user", "member", "partner"]
    search_fields = ["user__email", "member__name", "partner__name", "title"]
    readonly_fields = fields = [
        "user",
        "member",
        "partner",
        "title",
        "justification",
        "status",
        "requested_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False  # people ask from their dashboard; staff confirm here
