"""Staff roles: the one answer to "is this person Secretariat staff, a programme reviewer, a judge?".

Roles are Django groups. A staff account without an enrolled second factor (an authenticator app)
holds none of them: it cannot open the admin, has no staff powers on the site, and receives no
staff mail. The recipients of staff mail and the permission checks are the same query.
"""

from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

SECRETARIAT = "Secretariat"
REVIEWER = "Programme reviewer"
JUDGE = "Judge"
GROUPS = (SECRETARIAT, REVIEWER, JUDGE)


def second_factors():
    return Authenticator.objects.filter(type=Authenticator.Type.TOTP)


def has_second_factor():
    return Exists(second_factors().filter(user=OuterRef("pk")))


def must_enrol_a_second_factor(user):
    """Staff who have not enrolled an authenticator app yet: they must, before the admin opens."""
    return user.is_authenticated and user.is_staff and not second_factors().filter(user=user).exists()


def staff_in(group):
    """Active staff with a second factor in `group` (for the Secretariat, superusers too)."""
    membership = Q(groups__name=group)
    if group == SECRETARIAT:
        membership |= Q(is_superuser=True)
    people = get_user_model().objects.filter(membership, is_active=True, is_staff=True)
    return people.filter(has_second_factor()).distinct()


def secretariat():
    """The Secretariat staff who can act: everyone told of what waits for the Secretariat."""
    return staff_in(SECRETARIAT)


def _holds(user, group):
    if not user.is_authenticated or not user.is_staff:
        return False
    return staff_in(group).filter(pk=user.pk).exists()


def is_secretariat(user):
    return _holds(user, SECRETARIAT)


def is_reviewer(user):
    return _holds(user, REVIEWER)


def is_judge(user):
    return _holds(user, JUDGE)


def secretariat_permissions():
    """Every permission on the models of the portal's own apps (settings.PORTAL_APPS), but not on the
    user accounts: whoever may edit users, groups, addresses or authenticators may make themselves
    superuser, so those stay with superusers."""
    from django.contrib.auth.models import Permission

    own_apps = [apps.get_app_config(name.rsplit(".", 1)[-1]).label for name in settings.PORTAL_APPS]
    return Permission.objects.filter(content_type__app_label__in=own_apps).exclude(
        content_type__app_label=get_user_model()._meta.app_label, content_type__model="user"
    )


def ensure_staff_groups(sender, **kwargs):
    """After every migrate: the staff groups exist, and the Secretariat holds exactly its permissions
    (set, not added to, so that a permission it should not hold is taken away)."""
    from django.contrib.auth.models import Group

    for name in GROUPS:
        Group.objects.get_or_create(name=name)
    Group.objects.get(name=SECRETARIAT).permissions.set(secretariat_permissions())
