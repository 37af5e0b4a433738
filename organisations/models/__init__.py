# isort: skip_file
# The affiliation's workflow reaches the access module, which needs Organisation: it comes first.
from .organisations import Organisation, OrganisationKind, OrganisationQuerySet, Region
from .users import User, UserManager
from .affiliations import Affiliation
from .profile_changes import PROFILE_FIELDS, ProfileChange

__all__ = [
    "Affiliation",
    "Organisation",
    "OrganisationKind",
    "OrganisationQuerySet",
    "PROFILE_FIELDS",
    "ProfileChange",
    "Region",
    "User",
    "UserManager",
]
