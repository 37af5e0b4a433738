from .events import (
    Event,
    EventOrganisation,
    Figure,
    Format,
    Kind,
    Material,
    Measure,
    Outcome,
    Programme,
    Role,
    Session,
    Speaker,
    WhoMayRegister,
)
from .networks import Network, NetworkPartner, PartnerRole
from .registrations import Invitation, Registration

__all__ = [
    "Event",
    "EventOrganisation",
    "Figure",
    "Format",
    "Invitation",
    "Kind",
    "Material",
    "Measure",
    "Network",
    "NetworkPartner",
    "Outcome",
    "PartnerRole",
    "Programme",
    "Registration",
    "Role",
    "Session",
    "Speaker",
    "WhoMayRegister",
]
