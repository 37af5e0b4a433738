"""The Secretariat's work on the Solution Finder: the queue, each application with its versions,
thread, proposed partners and packages, and the workflow's buttons."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from organisations.access import officials_of
from organisations.admin_filters import RegionListFilter
from organisations.staff import is_secretariat
from wego.admin import PortalModelAdmin, PortalTabularInline
from wego.workflow.admin import WorkflowAdminMixin

from ..forms.packages import connected_partners
from ..forms.solution_finder import ProposePartnerForm
from ..models import (
    PARTNERS_BY_NAME,
    Area,
    Introduction,
    PlanIndicator,
    PlanStakeholder,
    Solution,
    SolutionFinderApplication,
    SolutionPackage,
)
from ..services import packages as package_services
from ..services import solution_finder as services
from ..workflow import PACKAGES, PACKAGES_REMOVABLE, PROPOSING, SOLUTION_FINDER


class AreaListFilter(admin.SimpleListFilter):
    title = gettext_lazy("area of a challenge")
    parameter_name = "area"

    def lookups(self, request, model_admin):
        return [(area.slug, str(area)) for area in Area.objects.all()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(challenges__area__slug=self.value()).distinct()


@admin.register(SolutionFinderApplication)
class SolutionFinderApplicationAdmin(WorkflowAdminMixin, PortalModelAdmin):
    change_form_template = "admin/programs/solutionfinderapplication/change_form.html"
    list_display = ["__str__", "region", "areas", "status"]
    list_filter = ["status", AreaListFilter, RegionListFilter]
    thread_title = gettext_lazy("Messages with the city")
    thread_attachment_url_name = "programs:message-attachment"
    search_fields = ["organisation__name", "contact_name", "contact_email", "challenges__problem_statement"]
    list_select_related = ["organisation__region"]
    # The application is the city's own words: staff move it, they do not rewrite it.
    readonly_fields = fields = [
        "organisation",
        "status",
        "contact_name",
        "contact_title",
        "contact_email",
        "contact_phone",
        "goals",
        "expected_outcomes",
        "budget_range",
        "funding_sources",
        "start_by",
        "duration_months",
        "timeline_notes",
        "existing_infrastructure",
        "existing_data",
        "partners_involved",
        "feedback",
        "submitted_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("challenges__area")

    @admin.display(description=gettext_lazy("region"), ordering="organisation__region__position")
    def region(self, application):
        return application.organisation.region or "—"

    @admin.display(description=gettext_lazy("areas"))
    def areas(self, application):
        return ", ".join(sorted({str(challenge.area) for challenge in application.challenges.all()})) or "—"

    def has_add_permission(self, request):
        return False  # cities apply on the site

    def get_urls(self):
        return [
            path(
                "<path:object_id>/propose/",
                self.admin_site.admin_view(require_POST(self.propose_view)),
                name="programs_solutionfinderapplication_propose",
            ),
            *super().get_urls(),
        ]

    def workflow_context(self, request, application, message_form=None):
        proposing = SOLUTION_FINDER.has(application, PROPOSING)
        propose_form = ProposePartnerForm(application=application)
        return {
            **super().workflow_context(request, application, message_form),
            "challenges": application.challenges.select_related("area"),
            "attachments": application.attachments.all(),
            "introductions": [
                (introduction, introduction.workflow.current(introduction))
                for introduction in application.introductions.select_related("partner__organisation")
            ],
            "propose_form": propose_form,
            "proposing_open": proposing and propose_form.fields["partner"].queryset.exists(),
            "proposing_not_yet": not proposing and not SOLUTION_FINDER.current(application).final,
            "packages": application.packages.prefetch_related(PARTNERS_BY_NAME, "stakeholders", "indicators"),
            "packages_open": SOLUTION_FINDER.has(application, PACKAGES),
        }

    def propose_view(self, request, object_id):
        application = self._object(request, object_id)
        if not is_secretariat(request.user):
            raise PermissionDenied
        form = ProposePartnerForm(request.POST, application=application)
        if form.is_valid():
            try:
                services.propose_partner(
                    application,
                    form.cleaned_data["partner"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except services.NotEditable as refusal:
                messages.error(request, str(refusal))
            else:
                partner = form.cleaned_data["partner"]
                if officials_of(partner.organisation_id):
                    messages.success(
                        request,
                        _("%(partner)s was proposed; the city and the partner were told.")
                        % {"partner": partner},
                    )
                else:
                    messages.warning(
                        request,
                        _(
                            "%(partner)s was proposed and the city was told, but nobody acts for %(partner)s "
                            "on the portal yet: write to %(email)s so that they can ask to, and answer."
                        )
                        % {"partner": partner, "email": partner.contact_email},
                    )
        else:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        return self._back(application, "#introductions")


@admin.register(Introduction)
class IntroductionAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["application", "partner", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["application__organisation", "partner__organisation"]
    search_fields = ["application__organisation__name", "partner__organisation__name"]
    readonly_fields = fields = [
        "application",
        "partner",
        "reason",
        "proposed_by",
        "status",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False  # proposed from the application's page


class StakeholderInline(PortalTabularInline):
    model = PlanStakeholder
    extra = 1


class IndicatorInline(PortalTabularInline):
    model = PlanIndicator
    extra = 1
    fields = ["name", "unit", "baseline", "target", "latest"]
    readonly_fields = ["latest"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("readings")

    @admin.display(description=gettext_lazy("actual (latest recorded)"))
    def latest(self, indicator):
        return indicator.actual if indicator.pk else "—"


@admin.register(SolutionPackage)
class SolutionPackageAdmin(PortalModelAdmin):
    list_display = ["name", "application", "stage", "in_exchange"]
    list_select_related = ["application__organisation"]
    list_filter = ["application__status"]
    search_fields = ["name", "application__organisation__name"]
    fields = ["application", "name", "summary", "challenges", "partners", "solutions"]
    filter_horizontal = ["challenges", "partners", "solutions"]
    inlines = [StakeholderInline, IndicatorInline]
    actions = ["publish_to_exchange"]

    def has_add_permission(self, request):
        return False  # defined from the application's page on the site, where its challenges are known

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not SOLUTION_FINDER.has(obj.application, PACKAGES):
            return self.fields  # its application is finished (or not yet connected): the package stands
        return ["application"]

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        if obj is not None and not SOLUTION_FINDER.has(obj.application, PACKAGES):
            for inline in instances:
                inline.has_add_permission = inline.has_change_permission = inline.has_delete_permission = (
                    lambda *args, **kwargs: False
                )
        return instances

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None:
            # The same choices as on the site: this application's challenges, its connected partners.
            connected = connected_partners(obj.application)
            choices = {
                "challenges": obj.application.challenges.select_related("area"),
                "partners": connected,
                "solutions": Solution.objects.filter(partner__in=connected),
            }
            for name, queryset in choices.items():
                if name in form.base_fields:
                    form.base_fields[name].queryset = queryset
        return form

    def has_delete_permission(self, request, obj=None):
        # A package of an application being implemented or finished stands as it was.
        if obj is not None and not SOLUTION_FINDER.has(obj.application, PACKAGES_REMOVABLE):
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=gettext_lazy("state of the application"))
    def stage(self, package):
        return SOLUTION_FINDER.current(package.application).staff_label

    @admin.display(description=gettext_lazy("in the Exchange"), boolean=True)
    def in_exchange(self, package):
        return hasattr(package, "project")

    @admin.action(description=gettext_lazy("Publish the selected completed packages to the Exchange"))
    def publish_to_exchange(self, request, queryset):
        for package in queryset.select_related("application"):
            try:
                project = package_services.publish_package(package, request.user)
            except services.NotEditable as refusal:
                self.message_user(request, f"{package}: {refusal}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    format_html(
                        '{}: <a href="{}">{}</a>',
                        package,
                        project.get_absolute_url(),
                        _("now in the Exchange"),
                    ),
                    messages.SUCCESS,
                )
