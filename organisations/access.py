"""Who acts for which organisation: the one answer every view, form, service and query goes through.

A person acts for an organisation only through an affiliation the Secretariat confirmed. Everything
that lists submissions is scoped through organisations_of(), so that an official of one city gets
404, not 403, for another city's application.
"""

from django.contrib.auth import get_user_model

from .models import Organisation


def acting(prefix=""):
    """A filter for confirmed affiliations, reached through `prefix` (e.g. "affiliations__")."""
    from .workflow import ACTING, AFFILIATION  # the workflow's audiences are built on this module

    return AFFILIATION.q(ACTING, prefix=prefix)


def organisations_of(user):
    """The organisations this person acts for."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(acting("affiliations__"), affiliations__user=user).distinct()


def acts_for(user, organisation):
    """True if the person is a confirmed official of `organisation` (an Organisation or its id)."""
    if not user.is_authenticated or organisation is None:
        return False
    organisation_id = getattr(organisation, "pk", organisation)
    return user.affiliations.filter(acting(), organisation_id=organisation_id).exists()


def officials_of(organisation):
    """The active people who act for `organisation`."""
    return list(
        get_user_model()
        .objects.filter(acting("affiliations__"), affiliations__organisation=organisation, is_active=True)
        .distinct()
    )


def officials_of_any(organisations):
    """The active people who act for any of `organisations` (a queryset of them)."""
    return list(
        get_user_model()
        .objects.filter(
            acting("affiliations__"), affiliations__organisation__in=organisations, is_active=True
        )
        .distinct()
    )
