"""The Secretariat's work on the Project Implementer: the calls (their questions, criteria and
results) and the proposals' queue, each proposal with its versions, thread and the workflow's steps."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy

from organisations.admin_filters import RegionListFilter
from reviews.admin import criteria_summary
from wego.admin import PortalModelAdmin, PortalTabularInline
from wego.workflow.admin import EditableWhile, SettingsWorkflowAdminMixin, WorkflowAdminMixin

from ..implementer_workflow import SETTING_UP
from ..models import Beneficiary, CallQuestion, ImplementerCall, Proposal
from ..services import implementer as services


class QuestionInline(EditableWhile, PortalTabularInline):
    model = CallQuestion
    extra = 1
    fields = ["position", "key", "label", "help_text", "required", "max_length"]
    # Once the call is announced cities answer these questions: changing one would change what their
    # answers mean.
    editable_flag = SETTING_UP


class BeneficiaryInline(PortalTabularInline):
    model = Beneficiary
    extra = 0
    fields = readonly_fields = ["organisation", "selected_in", "proposal", "project"]
    verbose_name_plural = gettext_lazy("beneficiaries (from the released results)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ImplementerCall)
class ImplementerCallAdmin(SettingsWorkflowAdminMixin, PortalModelAdmin):
    list_display = ["year", "title", "status", "closes_at", "proposals_sent"]
    list_filter = ["status"]
    search_fields = ["title"]
    inlines = [QuestionInline, BeneficiaryInline]
    fields = [
        "year",
        "title",
        "summary",
        "guidelines",
        "opens_at",
        "closes_at",
        "support_amount",
        "support_currency",
        "technical_assistance",
        "beneficiaries",
        "eligibility",
        "outcome",
        "criteria",
        "status",
        "results_released_at",
    ]
    readonly_fields = ["criteria", "status", "results_released_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.scorecard_for(obj)

    @admin.display(description=gettext_lazy("selection criteria and reviewers"))
    def criteria(self, call):
        if call.pk is None or call.scorecard is None:
            return gettext_lazy("Offered with the usual criteria once the call is saved.")
        return criteria_summary(
            call.scorecard,
            (reverse("programs:implementer-reviewing", args=[call.year]), gettext_lazy("Assign reviewers")),
            (reverse("programs:implementer-ranking", args=[call.year]), gettext_lazy("The ranking")),
        )

    @admin.display(description=gettext_lazy("proposals sent"))
    def proposals_sent(self, call):
        url = reverse("admin:programs_proposal_changelist") + f"?call__id__exact={call.pk}"
        return format_html(
            '<a href="{}">{}</a>', url, call.proposals.filter(submitted_at__isnull=False).count()
        )


@admin.register(Proposal)
class ProposalAdmin(WorkflowAdminMixin, PortalModelAdmin):
    list_display = ["__str__", "title", "call", "region", "status"]
    list_filter = ["status", "call", RegionListFilter]
    list_select_related = ["organisation__region", "call"]
    search_fields = ["organisation__name", "title", "problem"]
    thread_title = gettext_lazy("Messages with the city")
    thread_attachment_url_name = "programs:proposal-message-attachment"
    # The proposal is the city's own words: staff move it, they do not rewrite it.
    readonly_fields = fields = [
        "call",
        "organisation",
        "status",
        "from_application",
        "title",
        "problem",
        "objectives",
        "expected_outcomes",
        "study_scope",
        "pilot_scope",
        "budget_amount",
        "budget_currency",
        "co_funding",
        "start_by",
        "duration_months",
        "timeline",
        "stakeholders",
        "call_answers",
        "letter",
        "submitted_at",
        "updated_at",
    ]

    @admin.display(description=gettext_lazy("region"), ordering="organisation__region__position")
    def region(self, proposal):
        return proposal.organisation.region or "—"

    @admin.display(description=gettext_lazy("answers to the call's questions"))
    def call_answers(self, proposal):
        rows = ((answer["question"], answer["answer"]) for answer in proposal.answers.values())
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))

    @admin.display(description=gettext_lazy("letter of intent"))
    def letter(self, proposal):
        if not proposal.letter_of_intent:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("programs:proposal-letter", args=[proposal.pk]),
            gettext_lazy("Open"),
        )

    def has_add_permission(self, request):
        return False  # cities propose on the site
