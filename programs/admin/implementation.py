"""The Secretariat's side of step 4: milestones set for a selected project (delivered ones first, to
accept or send back), and the dates its progress reports are due."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from wego.admin import PortalModelAdmin
from wego.workflow.admin import SettingsWorkflowAdminMixin

from ..implementer_workflow import PROPOSAL, SELECTED
from ..models import Milestone, ProgressReport, Proposal


def selected_proposals():
    return Proposal.objects.filter(PROPOSAL.q(SELECTED)).select_related("organisation", "call")


class SelectedProjectsOnly:
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "proposal":
            kwargs["queryset"] = selected_proposals()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Milestone)
class MilestoneAdmin(SelectedProjectsOnly, SettingsWorkflowAdminMixin, PortalModelAdmin):
    list_display = ["title", "proposal", "phase", "due_on", "status"]
    list_filter = ["status", "phase"]
    list_select_related = ["proposal__organisation", "proposal__call"]
    search_fields = ["title", "proposal__organisation__name"]
    fields = ["proposal", "phase", "title", "due_on", "deliverable_file", "status"]
    readonly_fields = ["deliverable_file", "status"]

    @admin.display(description=gettext_lazy("deliverable"))
    def deliverable_file(self, milestone):
        if not milestone.deliverable:
            return "—"
        address = reverse("programs:milestone-deliverable", args=[milestone.proposal_id, milestone.pk])
        return format_html('<a href="{}">{}</a>', address, gettext_lazy("Open"))

    def get_readonly_fields(self, request, obj=None):
        # Which project a milestone belongs to does not change once set.
        return [*self.readonly_fields, *(["proposal"] if obj else [])]


@admin.register(ProgressReport)
class ProgressReportAdmin(SelectedProjectsOnly, PortalModelAdmin):
    list_display = ["__str__", "proposal", "due_on", "sent_at"]
    list_select_related = ["proposal__organisation", "proposal__call"]
    list_filter = ["sent_at"]
    fields = ["proposal", "due_on", "summary", "report_file", "sent_by", "sent_at"]
    readonly_fields = ["summary", "report_file", "sent_by", "sent_at"]

    @admin.display(description=gettext_lazy("report file"))
    def report_file(self, report):
        if not report.file:
            return "—"
        address = reverse("programs:report-file", args=[report.proposal_id, report.pk])
        return format_html('<a href="{}">{}</a>', address, gettext_lazy("Open"))

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, *(["proposal"] if obj else [])]
