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
