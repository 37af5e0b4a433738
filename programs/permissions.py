"""Who may act for which strategic partner, and which Solution Finder applications a person may see.

A partner's officials are the people with a confirmed affiliation to the partner, and, where
the partner is itself a WeGO member, the member's confirmed officials.
"""

from django.db.models import Q

from members.models import User
from members.permissions import organisations_of
from members.workflow import is_secretariat

from .models import Introduction, Partner, SolutionFinderApplication


def partners_of(user):
    """The strategic partners this user acts for."""
    if not user.is_authenticated:
        return Partner.objects.none()
    return Partner.objects.filter(
        Q(affiliations__user=user, affiliations__status="approved")
        | Q(member__affiliations__user=user, member__affiliations__status="approved")
    ).distinct()


def may_act_for_partner(user, partner):
    return user.is_authenticated and partners_of(user).filter(pk=partner.pk).exists()


def officials_of_partner(partner):
    people = Q(affiliations__partner=partner, affiliations__status="approved")
    if partner.member_id:
        people |= Q(affiliations__member=partner.member_id, affiliations__status="approved")
    return list(User.objects.filter(people, is_active=True).distinct())


def visible_applications(user):
    """Solution Finder applications this person may open: their organisations' (drafts included),
    those a partner they act for was introduced to (while that introduction is live), or, for the
    Secretariat, every one that has been submitted."""
    applications = SolutionFinderApplication.objects.all()
    if not user.is_authenticated:
        return applications.none()
    if is_secretariat(user):
        # A draft is the city's own working copy until it is submitted.
        return applications.filter(~Q(status="draft") | Q(organisation__in=organisations_of(user)))
    introduced = live_introductions_of(user)
    return applications.filter(
        Q(organisation__in=organisations_of(user)) | Q(pk__in=introduced.values("application"))
    )


def is_official(user, application):
    """An official of the applying organisation (not merely a partner introduced to it)."""
    return organisations_of(user).filter(pk=application.organisation_id).exists()


# A partner sees a city's application while its introduction is proposed, accepted or connected;
# not once either side declined it or WeGO withdrew it.
LIVE_INTRODUCTION_STATES = ("proposed", "city_accepted", "partner_accepted", "connected")


def live_introductions_of(user):
    """The introductions of the partners this user acts for that still give them sight of the city."""
    return Introduction.objects.filter(partner__in=partners_of(user), status__in=LIVE_INTRODUCTION_STATES)
