"""Which strategic partners a person acts for, and which Solution Finder applications they may see,
asked through organisations.access like every other access question.

A partner is the profile of its organisation: the organisation's officials act for it, whether or
not it is also a WeGO member.
"""

from django.db.models import Q

from organisations.access import acts_for, organisations_of
from organisations.roles import SECRETARIAT
from organisations.staff import is_secretariat
from wego.workflow.definitions import DRAFT

from .models import Introduction, Partner, SolutionFinderApplication
from .workflow import INTRODUCTION, LIVE, OFFICIAL, SOLUTION_FINDER


def partners_of(user):
    """The strategic partners this user acts for."""
    return Partner.objects.filter(organisation__in=organisations_of(user))


def visible_applications(user):
    """Solution Finder applications this person may open: their organisations' (drafts included),
    those a partner they act for was introduced to (while that introduction is live), or, for the
    Secretariat, every one that has been submitted."""
    applications = SolutionFinderApplication.objects.all()
    if not user.is_authenticated:
        return applications.none()
    mine = Q(organisation__in=organisations_of(user))
    if is_secretariat(user):
        # A draft is the city's own working copy until it is submitted.
        return applications.filter(~SOLUTION_FINDER.q(DRAFT) | mine)
    return applications.filter(mine | Q(pk__in=live_introductions_of(user).values("application")))


def may_open(user, application, roles):
    """What visible_applications says of one application, from the person's roles on it (asked once
    for the page): its officials always, the Secretariat once it is submitted, a partner while its
    introduction is live. A plain query by id and the roles cost less than the query that lists them
    all (profiled, issue 11); a test holds the two to the same answer."""
    if OFFICIAL in roles:
        return True
    if SECRETARIAT in roles:
        return not SOLUTION_FINDER.has(application, DRAFT)
    return live_introductions_of(user).filter(application=application).exists()


def is_official(user, application):
    """An official of the applying organisation (not merely a partner introduced to it)."""
    return acts_for(user, application.organisation_id)


def live_introductions_of(user):
    """The introductions of the partners this user acts for that still give them sight of the city."""
    return Introduction.objects.filter(INTRODUCTION.q(LIVE), partner__in=partners_of(user))
