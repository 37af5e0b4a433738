"""Who may act for which organisation: the one answer every view, form and query goes through."""

from .models import Affiliation, Member


def may_act_for(user, member):
    """True if the user is a confirmed official of this member organisation."""
    if not user.is_authenticated:
        return False
    return Affiliation.objects.filter(user=user, member=member, status="approved").exists()


def organisations_of(user):
    """The member organisations this user acts for."""
    if not user.is_authenticated:
        return Member.objects.none()
    return Member.objects.filter(affiliations__user=user, affiliations__status="approved").distinct()
