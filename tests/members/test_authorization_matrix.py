"""Every URL of the accounts, affiliations and membership work, for every kind of visitor.

Who: anonymous, signed in with an unverified address, official of organisation A (who also
applied for A's membership), official of B, Secretariat staff without a second factor, and with one.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import Affiliation
from tests.factories import MemberFactory, MembershipApplicationFactory, UserFactory, with_mfa

pytestmark = pytest.mark.django_db

SIGN_IN, VERIFY, MFA = "sign in", "verify email", "enrol MFA"


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def official_of(member):
    user = verified(UserFactory())
    Affiliation.objects.create(user=user, member=member, title="CIO", justification="x")
    Affiliation.objects.filter(user=user).update(status="approved")
    return user


@pytest.fixture
def world():
    a, b = MemberFactory(name="City A"), MemberFactory(name="City B")
    official_a, official_b = official_of(a), official_of(b)
    application = MembershipApplicationFactory(
        applicant=official_a, letter_of_intent=SimpleUploadedFile("l.pdf", b"%PDF-1.4 test")
    )
    secretariat = Group.objects.get(name="Secretariat")
    staff_without_mfa = verified(UserFactory(is_staff=True))
    staff_without_mfa.groups.add(secretariat)
    staff_with_mfa = with_mfa(verified(UserFactory(is_staff=True)))
    staff_with_mfa.groups.add(secretariat)
    return {
        "people": {
            "anonymous": None,
            "unverified": UserFactory(),
            "official of A": official_a,
            "official of B": official_b,
            "staff without MFA": staff_without_mfa,
            "staff with MFA": staff_with_mfa,
        },
        "application": application,
    }


PEOPLE = ["anonymous", "unverified", "official of A", "official of B", "staff without MFA", "staff with MFA"]
# url -> what each person gets (an HTTP status, or where they are sent).
MATRIX = {
    "/my/": [SIGN_IN, 200, 200, 200, 200, 200],
    "/my/affiliations/new/": [SIGN_IN, VERIFY, 200, 200, 200, 200],
    "/members/join/": [SIGN_IN, VERIFY, 200, 200, 200, 200],
    "/members/join/{app}/": [SIGN_IN, 404, 200, 404, 404, 200],
    "/members/join/{app}/letter/": [SIGN_IN, 404, 200, 404, 404, 200],
    "/admin/members/membershipapplication/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, MFA, 200],
    "/admin/members/membershipapplication/{app}/change/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, MFA, 200],
    "/admin/members/affiliation/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, MFA, 200],
    "/admin/notifications/notification/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, MFA, 200],
}
CASES = [
    (url, person, expected)
    for url, row in MATRIX.items()
    for person, expected in zip(PEOPLE, row, strict=True)
]


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return SIGN_IN
        if location.startswith("/accounts/2fa/totp/activate/"):
            return MFA
        if location.startswith("/admin/login/"):
            return SIGN_IN  # the admin's own sign-in, which is allauth's
        return location
    if "account/verified_email_required.html" in [t.name for t in response.templates]:
        return VERIFY
    return response.status_code


@pytest.mark.parametrize(("url", "person", "expected"), CASES)
def test_get(client, world, url, person, expected):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    assert outcome(client.get(url.format(app=world["application"].pk))) == expected


@pytest.mark.parametrize(
    ("person", "expected", "status_after"),
    [
        ("anonymous", SIGN_IN, "submitted"),
        ("unverified", 404, "submitted"),
        ("official of B", 404, "submitted"),
        ("staff without MFA", 404, "submitted"),
        ("official of A", "/members/join/{app}/", "withdrawn"),
    ],
)
def test_withdrawing(client, world, person, expected, status_after):
    application = world["application"]
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    response = client.post(f"/members/join/{application.pk}/step/", {"transition": "withdraw"})
    assert outcome(response) == (
        expected.format(app=application.pk) if isinstance(expected, str) else expected
    )
    application.refresh_from_db()
    assert application.status == status_after
