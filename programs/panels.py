"""The Smart City Driver's panel of My WeGO: the organisations' Solution Finder applications, the
projects they are writing and those they shared, and the introductions of the partners the person acts for."""

from django.db.models import Q

from organisations.access import organisations_of
from organisations.dashboard import Panel, register
from wego.workflow.engine import state_for_applicant

from .implementation_workflow import DELIVERING, MILESTONE
from .implementer_workflow import PROPOSAL
from .models import Milestone, ProgressReport, Project, Proposal, SolutionFinderApplication
from .permissions import live_introductions_of
from .services.project_drafts import drafts_of
from .services.tenders import tenders_for
from .tender_workflow import TENDER
from .workflow import EDITABLE, INTRODUCTION, SOLUTION_FINDER


def smart_city_driver(request):
    organisations = organisations_of(request.user)
    applications = SolutionFinderApplication.objects.filter(organisation__in=organisations)
    projects = Project.objects.filter(organisation__in=organisations).order_by("-updated_at")[:20]
    context = {
        "solution_finder": [
            (application, state_for_applicant(application), SOLUTION_FINDER.has(application, EDITABLE))
            for application in applications.select_related("organisation")
        ],
        "project_drafts": list(drafts_of(request.user)[:20]),
        "shared_projects": [(project, state_for_applicant(project)) for project in projects],
        "introductions": [
            (introduction, INTRODUCTION.current(introduction))
            for introduction in live_introductions_of(request.user).select_related(
                "application__organisation", "partner__organisation"
            )
        ],
    }
    # The panel's heading counts everything under it (issue 10: headings count what they head).
    parts = ("solution_finder", "project_drafts", "shared_projects", "introductions")
    context["total"] = sum(len(context[part]) for part in parts)
    return context


register(
    Panel(
        "smart-city-driver",
        "programs/panels/smart_city_driver.html",
        smart_city_driver,
        order=30,
        shows=frozenset(
            {
                "affiliations",
                # An applicant's state may be told from the history (state_for_applicant).
                "histories",
                "organisations",
                "solution-finder-applications",
                "project-drafts",
                "projects",
                "introductions",
                "partners",
            }
        ),
    )
)


def project_implementer(request):
    """The organisations' proposals to the Project Implementer's calls, the tenders their consultant
    partners may bid on with their own bids, and what their projects owe WeGO next."""
    organisations = organisations_of(request.user)
    proposals = Proposal.objects.filter(organisation__in=organisations).select_related("organisation", "call")
    due = list(
        Milestone.objects.filter(MILESTONE.q(DELIVERING))
        .filter(
            Q(proposal__organisation__in=organisations)
            | Q(proposal__consultant__organisation__in=organisations)
        )
        .select_related("proposal__organisation")
        .order_by("due_on", "pk")[:20]
    )
    reports = list(
        ProgressReport.objects.filter(sent_at__isnull=True)
        .filter(
            Q(proposal__organisation__in=organisations)
            | Q(proposal__consultant__organisation__in=organisations)
        )
        .select_related("proposal__organisation")
        .order_by("due_on", "pk")[:20]
    )
    context = {
        "proposals": [
            (proposal, state_for_applicant(proposal), PROPOSAL.has(proposal, EDITABLE))
            for proposal in proposals
        ],
        "tenders": [(tender, TENDER.current(tender)) for tender in tenders_for(request.user)[:20]],
        "due": due,
        "reports": reports,
        "due_count": len(due) + len(reports),
    }
    total = sum(len(context[part]) for part in ("proposals", "tenders", "due", "reports"))
    return {**context, "total": total} if total else None


register(
    Panel(
        "project-implementer",
        "programs/panels/project_implementer.html",
        project_implementer,
        order=35,
        shows=frozenset(
            {
                "affiliations",
                "histories",
                "organisations",
                "partners",
                "implementer-proposals",
                "implementer-calls",
                "implementer-tenders",
                "implementer-projects",
            }
        ),
    )
)
