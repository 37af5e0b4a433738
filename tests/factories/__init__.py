"""Test data, one module per app; everything is importable from here too."""

from .events import EventFactory, open_event
from .members import (
    MemberFactory,
    MembershipApplicationFactory,
    RegionalOfficeFactory,
    membership_application_form,
)
from .organisations import (
    AffiliationFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    official_of,
    official_of_partner,
    organisation_of,
    secretariat_user,
    staff_in,
    verified,
    with_mfa,
)
from .programs import (
    AreaFactory,
    PartnerFactory,
    ProjectFactory,
    SolutionFactory,
    SolutionFinderApplicationFactory,
)

__all__ = [
    "EventFactory",
    "open_event",
    "membership_application_form",
    "AffiliationFactory",
    "AreaFactory",
    "MemberFactory",
    "MembershipApplicationFactory",
    "OrganisationFactory",
    "PartnerFactory",
    "ProjectFactory",
    "RegionFactory",
    "RegionalOfficeFactory",
    "SolutionFactory",
    "SolutionFinderApplicationFactory",
    "UserFactory",
    "official_of",
    "official_of_partner",
    "organisation_of",
    "secretariat_user",
    "staff_in",
    "verified",
    "with_mfa",
]
