"""Staff roles are answered in one place: a Secretariat member who can act is one with a second
factor, and only those are told what waits for the Secretariat."""

import pytest
from django.contrib.auth.models import Group

from organisations.staff import (
    JUDGE,
    REVIEWER,
    SECRETARIAT,
    is_judge,
    is_reviewer,
    is_secretariat,
    secretariat,
)
from tests.factories import MembershipApplicationFactory, UserFactory, staff_in, verified
from wego.notifications.models import Notification
from wego.workflow.engine import start

pytestmark = pytest.mark.django_db


def without_mfa(**kwargs):
    user = verified(UserFactory(is_staff=True, **kwargs))
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT)[0])
    return user


def test_secretariat_members_without_a_second_factor_get_no_staff_mail():
    can_act, cannot_act = staff_in(SECRETARIAT), without_mfa()
    application = MembershipApplicationFactory.build(applicant=UserFactory())
    start(application, "submit", actor=application.applicant)
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert can_act.pk in told and cannot_act.pk not in told


def test_the_recipients_of_staff_mail_are_exactly_the_staff_who_may_act():
    people = [
        staff_in(SECRETARIAT),
        without_mfa(),
        staff_in(SECRETARIAT, is_active=False),
        staff_in(REVIEWER),
        staff_in(JUDGE),
        staff_in(SECRETARIAT, is_staff=False),
        UserFactory(is_superuser=True, is_staff=True),  # a superuser without a second factor
        staff_in(REVIEWER, is_superuser=True),  # a superuser with one
        UserFactory(),
    ]
    recipients = set(secretariat())
    assert recipients == {person for person in people if is_secretariat(person)}
    assert len(recipients) == 2


def test_each_role_is_its_own():
    secretariat_member, reviewer, judge = staff_in(SECRETARIAT), staff_in(REVIEWER), staff_in(JUDGE)
    assert [is_secretariat(p) for p in (secretariat_member, reviewer, judge)] == [True, False, False]
    assert [is_reviewer(p) for p in (secretariat_member, reviewer, judge)] == [False, True, False]
    assert [is_judge(p) for p in (secretariat_member, reviewer, judge)] == [False, False, True]


def test_the_secretariat_manages_the_portals_models_and_never_accounts_groups_or_second_factors():
    held = set(
        Group.objects.get(name=SECRETARIAT).permissions.values_list("content_type__app_label", "codename")
    )
    apps_held = {app for app, _ in held}
    assert apps_held == {
        "organisations",
        "members",
        "reviews",
        "programs",
        "events",
        "workflow",
        "notifications",
    }
    assert not {codename for app, codename in held if app == "organisations" and codename.endswith("_user")}
    assert ("organisations", "change_affiliation") in held and ("programs", "change_project") in held


def test_a_permission_the_secretariat_should_not_hold_is_taken_away_at_the_next_migrate():
    from django.contrib.auth.models import Permission

    from organisations.staff import ensure_staff_groups

    group = Group.objects.get(name=SECRETARIAT)
    group.permissions.add(Permission.objects.get(content_type__app_label="auth", codename="change_group"))
    ensure_staff_groups(sender=None)
    assert not group.permissions.filter(content_type__app_label="auth").exists()
