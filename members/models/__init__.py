from .applications import MembershipApplication
from .directory import (
    Member,
    MemberQuerySet,
    MembershipTotal,
    MemberType,
    MouPartner,
    RegionalOffice,
    ReportFigure,
)

__all__ = [
    "Member",
    "MemberQuerySet",
    "MemberType",
    "MembershipApplication",
    "MembershipTotal",
    "MouPartner",
    "RegionalOffice",
    "ReportFigure",
]
