"""The Secretariat's admin for people, organisations, regions and affiliations."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from wego.admin import PortalModelAdmin, RefusesControlCharacters
from wego.exports import export_as_csv
from wego.workflow.admin import WorkflowAdminMixin

from . import profile_admin  # noqa: F401  (the Secretariat's review of public profile changes)
from .models import Affiliation, Organisation, Region, User


def name_and_address(user):
    """How staff see a person in a list: by name and address ("Maria Santos <maria@cauayan.example>"),
    by the address alone until they give a name; the address tells apart two people of one name."""
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email


class CountryListFilter(admin.SimpleListFilter):
    """Only the countries that have organisations (or, with `path`, whatever the list is of), not all 249."""

    title = _("country")
    parameter_name = "country"
    path = "country"  # the lookup from the admin's model to the country

    def lookups(self, request, model_admin):
        present = set(
            model_admin.get_queryset(request).order_by().values_list(self.path, flat=True).distinct()
        )
        return sorted(((code, name) for code, name in countries if code in present), key=lambda c: c[1])

    def queryset(self, request, queryset):
        return queryset.filter(**{self.path: self.value()}) if self.value() else queryset


@admin.register(Organisation)
class OrganisationAdmin(PortalModelAdmin):
    list_display = ["name", "kind", "country", "region", "city", "confirmed"]
    list_filter = ["kind", "confirmed", "region", CountryListFilter]
    list_select_related = ["region"]
    search_fields = ["name", "name_folded", "slug", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region"]
    readonly_fields = ["proposed_by", "created_at", "updated_at"]
    actions = [export_as_csv]
    export_exclude = ["name_folded"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "confirmed"]}),
        (_("Where"), {"fields": ["country", "region", "city", "website"]}),
        # What officials propose changes to (ProfileChange); staff may also set it here directly.
        (_("Public profile"), {"fields": ["description", "logo", "contact_email"]}),
        (_("Record"), {"fields": ["proposed_by", "created_at", "updated_at"]}),
    ]


@admin.register(Region)
class RegionAdmin(PortalModelAdmin):
    list_display = ["name", "slug", "position", "organisation_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = [export_as_csv]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(organisation_count=Count("organisations"))

    @admin.display(description=_("organisations"), ordering="organisation_count")
    def organisation_count(self, region):
        return region.organisation_count


@admin.register(Affiliation)
class AffiliationAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["person", "organisation", "proposed", "title", "status"]
    list_filter = ["status", "organisation__kind", "organisation__region"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name", "title"]
    readonly_fields = fields = [
        "user",
        "organisation",
        "proposal",
        "title",
        "justification",
        "status",
        "requested_at",
        "updated_at",
    ]

    @admin.display(description=_("person"), ordering="user__last_name")
    def person(self, affiliation):
        return name_and_address(affiliation.user)

    @admin.display(description=_("organisation proposed by the person"), boolean=True)
    def proposed(self, affiliation):
        return not affiliation.organisation.confirmed

    @admin.display(description=_("the organisation"))
    def proposal(self, affiliation):
        organisation = affiliation.organisation
        where = ", ".join(str(part) for part in (organisation.city, organisation.country.name) if part)
        described = f"{organisation.get_kind_display()} · {where}" + (
            f" · {organisation.website}" if organisation.website else ""
        )
        if organisation.confirmed:
            return described
        return _(
            "Proposed by the person, not yet on the portal: %(details)s. Confirming the request confirms it."
        ) % {"details": described}

    view_on_site = False  # the person follows it on their own My WeGO

    def has_add_permission(self, request):
        return False  # people ask from their dashboard; staff confirm here


@admin.register(User)
class UserAdmin(RefusesControlCharacters, DjangoUserAdmin):
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
