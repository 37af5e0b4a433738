"""Set-up for the Solution Finder tests: applications in a given state, with what the state implies."""

from django.utils import timezone

from programs.models import Introduction, SolutionPackage
from programs.workflow import CONNECTED, INTRODUCTION
from tests.factories import (
    PartnerFactory,
    SolutionFinderApplicationFactory,
    UserFactory,
    official_of,
    official_of_partner,
    secretariat_user,
)
from tests.states import put_in


def application_in(state, **kwargs):
    application = SolutionFinderApplicationFactory(**kwargs)
    put_in(application, state, submitted_at=None if state == "draft" else timezone.now())
    return application


def introduce(application, partner=None, *, connected=False):
    """WeGO proposes `partner` to the city; `connected`: both sides have accepted already."""
    partner = partner or PartnerFactory()
    introduction = Introduction.objects.create(
        application=application,
        partner=partner,
        reason="They built this in Busan.",
        proposed_by=UserFactory(),
    )
    if connected:
        put_in(introduction, INTRODUCTION.state_with(CONNECTED))
    return introduction


def package_for(application, name="Smart bus stops"):
    package = SolutionPackage.objects.create(application=application, name=name, created_by=UserFactory())
    package.challenges.set(application.challenges.all())
    return package


__all__ = ["official_of", "official_of_partner", "secretariat_user"]
