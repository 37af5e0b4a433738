"""The Secretariat's admin for scorecards: a programme makes its scorecard (a call's, a tender's);
staff set its criteria and scale while nobody has scored, and move it through its phases. Reviews
themselves are given on the site, where a reviewer sees only what they may."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wego.admin import PortalModelAdmin, PortalTabularInline
from wego.workflow.admin import EditableWhile, SettingsWorkflowAdminMixin

from .models import Assignment, Criterion, Scorecard
from .workflow import CRITERIA_OPEN, SCORECARD


def criteria_open(scorecard):
    return scorecard is None or SCORECARD.has(scorecard, CRITERIA_OPEN)


class CriterionInline(EditableWhile, PortalTabularInline):
    model = Criterion
    extra = 1
    fields = ["name", "guidance", "weight", "position"]
    # Once reviewers score, a changed criterion or weight would compare reviews made on different terms.
    editable_flag = CRITERIA_OPEN


class AssignmentInline(PortalTabularInline):
    model = Assignment
    extra = 0
    fields = readonly_fields = [
        "subject_type",
        "subject_id",
        "reviewer",
        "recusal",
        "recusal_note",
        "assigned_at",
    ]
    verbose_name_plural = _("assignments (made from the programme's pages)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Scorecard)
class ScorecardAdmin(SettingsWorkflowAdminMixin, PortalModelAdmin):
    list_display = ["title", "status", "reviewers_group", "created_at"]
    list_filter = ["status", "reviewers_group"]
    search_fields = ["title"]
    inlines = [CriterionInline, AssignmentInline]

    def has_add_permission(self, request):
        return False  # made by the programme it scores for (a call, a tender)

    def get_readonly_fields(self, request, obj=None):
        scale = [] if criteria_open(obj) else ["lowest", "highest"]
        return ["status", "created_at", *scale]

    def get_fields(self, request, obj=None):
        return [
            "title",
            "lowest",
            "highest",
            "disagreement",
            "reviewers_group",
            "recuse_same_country",
            "status",
            "created_at",
        ]


def criteria_summary(scorecard, *links):
    """For the admin of what owns a scorecard: its criteria with their weights, a link to change them,
    then `links`, (address, text) pairs of the programme's own pages for it."""
    names = ", ".join(f"{criterion.name} ×{criterion.weight:g}" for criterion in scorecard.criteria.all())
    pairs = [
        (reverse("admin:reviews_scorecard_change", args=[scorecard.pk]), _("Criteria, weights and phases"))
    ]
    return format_html(
        "{} {}",
        names or "—",
        format_html_join(" · ", '<a href="{}">{}</a>', [*pairs, *links]),
    )
