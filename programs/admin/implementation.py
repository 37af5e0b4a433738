"""The Secretariat's side of step 4: milestones set for a selected project (delivered ones first, to
accept or send back), and the dates its progress reports are due."""

from django.contrib import admin

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
    fields = ["proposal", "phase", "title", "due_on", "deliverable", "status"]
    readonly_fields = ["deliverable", "status"]

    def get_readonly_fields(self, request, obj=None):
        # Which project a milestone belongs to does not change once set.
        return [*self.readonly_fields, *(["proposal"] if obj else [])]


@admin.register(ProgressReport)
class ProgressReportAdmin(SelectedProjectsOnly, PortalModelAdmin):
    list_display = ["__str__", "proposal", "due_on", "sent_at"]
    list_select_related = ["proposal__organisation", "proposal__call"]
    list_filter = ["sent_at"]
    fields = ["proposal", "due_on", "summary", "file", "sent_by", "sent_at"]
    readonly_fields = ["summary", "file", "sent_by", "sent_at"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, *(["proposal"] if obj else [])]
