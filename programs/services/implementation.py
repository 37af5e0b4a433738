"""Step 4's domain actions: deliverables uploaded and delivered, progress reports sent, reminders of
what is due, and the project completed into the Exchange."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wego.notifications.reminders import Due, remind_all
from wego.workflow.errors import NotEditable

from ..implementation_workflow import CITY, CONSULTANT, DELIVERING, MILESTONE, the_project
from ..implementer_workflow import PROPOSAL, SELECTED
from ..models import Beneficiary, Milestone, ProgressReport, Project, Proposal, Stage
from ..models.implementer import seoul_today
from .exchange import in_the_portals_language, publish_to_the_exchange


def may_work_on(user, milestone_or_report):
    """The city's officials and its consultant's work on the project; nobody else."""
    roles = MILESTONE.roles_of(user, milestone_or_report)
    return bool(roles & {CITY, CONSULTANT})


def upload_deliverable(milestone, upload, user):
    """Put the deliverable on the milestone (replacing an earlier one), while it is being delivered."""
    with transaction.atomic():
        locked = Milestone.objects.select_for_update().select_related("proposal").get(pk=milestone.pk)
        if not may_work_on(user, locked):
            raise NotEditable(_("Only the city and its consultant deliver this milestone."))
        if not MILESTONE.has(locked, DELIVERING):
            raise NotEditable(
                _("This milestone is “%(state)s”: its deliverable can no longer change.")
                % {"state": MILESTONE.current(locked).applicant_label}
            )
        locked.deliverable = upload
        locked.delivered_by = user
        locked.save(update_fields=["deliverable", "delivered_by", "updated_at"])
    return locked


def send_report(report, *, summary, upload, user):
    with transaction.atomic():
        locked = ProgressReport.objects.select_for_update().select_related("proposal").get(pk=report.pk)
        if not may_work_on(user, locked):
            raise NotEditable(_("Only the city and its consultant send the project's reports."))
        if locked.sent_at is not None:
            raise NotEditable(_("This report was sent already."))
        locked.summary, locked.file = summary, upload or ""
        locked.sent_by, locked.sent_at = user, timezone.now()
        locked.save(update_fields=["summary", "file", "sent_by", "sent_at"])
    return locked


MILESTONE_DUE = gettext_lazy("The milestone “%(title)s”")
REPORT_DUE = gettext_lazy("The progress report")


def due_items():
    """What the projects still owe WeGO: milestones not delivered, reports not sent."""
    for milestone in Milestone.objects.filter(MILESTONE.q(DELIVERING)).select_related(
        "proposal__organisation"
    ):
        yield Due(
            milestone,
            milestone.due_on,
            the_project(milestone),
            "programs:due_reminder",
            {
                "what": MILESTONE_DUE % {"title": milestone.title},
                "project": milestone.proposal.organisation.name,
                "link": milestone.get_absolute_url(),
            },
        )
    for report in ProgressReport.objects.filter(sent_at__isnull=True).select_related(
        "proposal__organisation"
    ):
        yield Due(
            report,
            report.due_on,
            the_project(report),
            "programs:due_reminder",
            {
                "what": REPORT_DUE,
                "project": report.proposal.organisation.name,
                "link": report.get_absolute_url(),
            },
        )


def send_due_reminders(today=None):
    """Some days before each due date, and once it has passed: each once (wego/notifications/reminders.py)."""
    today = today or seoul_today()
    return remind_all(due_items(), today, settings.IMPLEMENTER_REMIND_DAYS_BEFORE)


def locked_project(proposal_id):
    """The project, locked, while it is under way: its Plan may change and its indicators be read."""
    locked = Proposal.objects.select_for_update().get(pk=proposal_id)
    if not PROPOSAL.has(locked, SELECTED):
        raise NotEditable(_("The project is completed: its Plan no longer changes."))
    return locked


@transaction.atomic
def save_plan(proposal, formsets):
    locked = locked_project(proposal.pk)
    for formset in formsets:
        formset.instance = locked
        formset.save()


def publish_the_project(proposal, *, actor):
    """Completion (PROPOSAL's "complete"): the project goes to the Exchange through the path every
    programme's finished work takes, with its Plan's indicators, and is the beneficiary's project."""
    organisation = proposal.organisation
    milestones = list(proposal.milestones.order_by("due_on"))
    project = Project(
        title=proposal.title,
        city=organisation,
        summary="\n\n".join(part for part in (proposal.problem, proposal.objectives) if part),
        stage=Stage.PILOT,
        start_year=proposal.call.year,
        end_year=milestones[-1].due_on.year if milestones else None,
        organisation=organisation,
        shared_by=proposal.started_by,
        source=in_the_portals_language(
            lambda: _("WeGO Project Implementer: %(call)s") % {"call": proposal.call}
        ),
    )
    project = publish_to_the_exchange(
        project,
        slug_text=f"{organisation.name} {proposal.title}",
        areas=proposal.areas.all(),
        partners=[proposal.consultant] if proposal.consultant_id else [],
        indicators=proposal.plan_indicators.prefetch_related("readings"),
        actor=actor,
        note=lambda: _("Published from a completed Project Implementer project."),
    )
    Beneficiary.objects.filter(proposal=proposal).update(project=project)
    return project
