from .areas import Area
from .exchange import (
    Project,
    ProjectDocument,
    ProjectDraft,
    ProjectIndicator,
    ProjectLink,
    ProjectQuerySet,
    Stage,
)
from .implementation import Milestone, Phase, ProgressReport
from .implementer import (
    Beneficiary,
    CallQuestion,
    Eligibility,
    ImplementerCall,
    Proposal,
)
from .packages import (
    PARTNERS_BY_NAME,
    IndicatorReading,
    PlanIndicator,
    PlanStakeholder,
    SolutionPackage,
    StakeholderRole,
)
from .partners import LANGUAGE_CHOICES, Maturity, Partner, PartnerType, PriceModel, Solution
from .solution_finder import (
    ApplicationAttachment,
    BudgetRange,
    Challenge,
    Introduction,
    Priority,
    SolutionFinderApplication,
)
from .tenders import Bid, BidDocument, Tender, TenderDocument

__all__ = [
    "PARTNERS_BY_NAME",
    "LANGUAGE_CHOICES",
    "ApplicationAttachment",
    "Area",
    "Beneficiary",
    "Bid",
    "BidDocument",
    "BudgetRange",
    "CallQuestion",
    "Eligibility",
    "ImplementerCall",
    "Proposal",
    "Challenge",
    "IndicatorReading",
    "Introduction",
    "Maturity",
    "Milestone",
    "Partner",
    "PartnerType",
    "Phase",
    "PlanIndicator",
    "PlanStakeholder",
    "PriceModel",
    "Priority",
    "ProgressReport",
    "Project",
    "ProjectDocument",
    "ProjectDraft",
    "ProjectIndicator",
    "ProjectLink",
    "ProjectQuerySet",
    "Solution",
    "SolutionFinderApplication",
    "SolutionPackage",
    "Stage",
    "Tender",
    "TenderDocument",
    "StakeholderRole",
]
