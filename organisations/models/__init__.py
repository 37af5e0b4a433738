# isort: skip_file
# The affiliation's workflow reaches the access module, which needs Organisation: it comes first.
from .organisations import Organisation, OrganisationKind, OrganisationQuerySet, Region
from .users import User, UserManager
from .affiliations import Affiliation

__all__ = [
    "Affiliation",
    "Organisation",
    "OrganisationKind",
    "OrganisationQuerySet",
    "Region",
    "User",
    "UserManager",
]
