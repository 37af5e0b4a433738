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

__all__ = [
    "PARTNERS_BY_NAME",
    "LANGUAGE_CHOICES",
    "ApplicationAttachment",
    "Area",
    "BudgetRange",
    "Challenge",
    "IndicatorReading",
    "Introduction",
    "Maturity",
    "Partner",
    "PartnerType",
    "PlanIndicator",
    "PlanStakeholder",
    "PriceModel",
    "Priority",
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
    "StakeholderRole",
]
