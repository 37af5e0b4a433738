"""What of the Smart City Driver the public pages show (wego/pagecache)."""

from wego.pagecache import content

content.declare("areas", "programs.Area")
content.declare("partners", "programs.Partner", "programs.Solution")
content.declare(
    "projects",
    "programs.Project",
    "programs.ProjectIndicator",
    "programs.ProjectLink",
    "programs.ProjectDocument",
)
# A package is public once published to the Exchange, with its Plan's indicators and readings.
content.declare(
    "packages",
    "programs.SolutionPackage",
    "programs.PlanStakeholder",
    "programs.PlanIndicator",
    "programs.IndicatorReading",
)


def call_moments():
    """When a call's page changes by the clock alone: it opens, it closes."""
    from .models import ImplementerCall

    return [moment for call in ImplementerCall.objects.announced() for moment in call.moments()]


# The Project Implementer's calls as announced, with their questions and beneficiaries, and the
# scorecards whose criteria they show.
content.declare(
    "implementer-calls",
    "programs.ImplementerCall",
    "programs.CallQuestion",
    "programs.Beneficiary",
    "reviews.Scorecard",
    "reviews.Criterion",
    moments=call_moments,
)
# A city's applications, drafts and introductions are its own until something is published.
content.declare_personal(
    "solution-finder-applications",
    "programs.SolutionFinderApplication",
    "programs.Challenge",
    "programs.ApplicationAttachment",
)
content.declare_personal("introductions", "programs.Introduction")
content.declare_personal("project-drafts", "programs.ProjectDraft")
content.declare_personal("implementer-proposals", "programs.Proposal")
# A project's milestones and reports: its city, its consultant and the Secretariat.
content.declare_personal("implementer-projects", "programs.Milestone", "programs.ProgressReport")
# A tender and its bids are for the bidders and the Secretariat only: bids are sealed.
content.declare_personal(
    "implementer-tenders",
    "programs.Tender",
    "programs.TenderDocument",
    "programs.Bid",
    "programs.BidDocument",
)
