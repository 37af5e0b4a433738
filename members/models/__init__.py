from .affiliations import Affiliation
from .applications import MembershipApplication
from .directory import (
    Member,
    MemberQuerySet,
    MembershipTotal,
    MemberType,
    MouPartner,
    Region,
    RegionalOffice,
    ReportFigure,
)
from .users import User, UserManager

__all__ = [
    "Affiliation",
    "Member",
    "MemberQuerySet",
    "MemberType",
    "MembershipApplication",
    "MembershipTotal",
    "MouPartner",
    "Region",
    "RegionalOffice",
    "ReportFigure",
    "User",
    "UserManager",
]
