"""The members app's panel of My WeGO: the person's membership applications."""

from organisations.access import organisations_of
from organisations.dashboard import Panel, register
from wego.workflow.engine import state_for_applicant

from .models import MembershipApplication


def membership(request):
    applications = MembershipApplication.objects.filter(applicant=request.user).order_by("-updated_at")
    return {
        "applications": [(application, state_for_applicant(application)) for application in applications],
        "acts_for_a_member": organisations_of(request.user).filter(member__isnull=False).exists(),
    }


register(
    Panel(
        "membership",
        "members/panels/membership.html",
        membership,
        order=20,
        shows=frozenset({"membership-applications", "histories", "affiliations", "organisations", "members"}),
    )
)
