"""The standing people of every authorization matrix, as healthchecks has alice, bob and charlie.

Each matrix asks the same question of the same people: what does this URL give each of them?
Organisation A (a member city, with its own official) is the one whose submissions the matrices
open; B is another member city; P is a strategic partner; the rest hold a staff role, or none.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group

from organisations.staff import JUDGE, REVIEWER, SECRETARIAT
from tests.factories import MemberFactory, PartnerFactory, UserFactory, official_of, staff_in, verified

# In the order every matrix lists them.
PEOPLE = (
    "anonymous",
    "unverified",
    "official of A",
    "official of B",
    "partner official",
    "reviewer",
    "judge",
    "staff without MFA",
    "Secretariat",
)
SIGN_IN, VERIFY, MFA = "sign in", "verify email", "enrol MFA"
STAFF_PAGE = [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, 403, 403, MFA, 200]
PUBLIC = [200] * len(PEOPLE)


@dataclass
class Standing:
    a: object  # the Member A
    b: object  # the Member B
    partner: object  # the Partner P
    people: dict  # name in PEOPLE -> user, or None for the anonymous visitor

    def __getitem__(self, name):
        return self.people[name]


def make_standing_people():
    a, b = MemberFactory(name="City A"), MemberFactory(name="City B")
    partner = PartnerFactory(name="Partner P")
    staff_without_mfa = verified(UserFactory(is_staff=True))
    staff_without_mfa.groups.add(Group.objects.get_or_create(name=SECRETARIAT)[0])
    people = {
        "anonymous": None,
        "unverified": UserFactory(),
        "official of A": official_of(a),
        "official of B": official_of(b),
        "partner official": official_of(partner),
        "reviewer": staff_in(REVIEWER),
        "judge": staff_in(JUDGE),
        "staff without MFA": staff_without_mfa,
        "Secretariat": staff_in(SECRETARIAT),
    }
    return Standing(a, b, partner, people)


@pytest.fixture
def standing(db):
    return make_standing_people()


def cases(matrix):
    """(url, person, expected) for every cell of a matrix {url: [outcome per person in PEOPLE]}."""
    return [
        (url, person, expected)
        for url, row in matrix.items()
        for person, expected in zip(PEOPLE, row, strict=True)
    ]


def as_person(client, user):
    if user is not None:
        client.force_login(user)
    return client


def outcome(response):
    """The status, or where the person was sent: to sign in, to confirm the address, to enrol MFA."""
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(("/accounts/login/", "/admin/login/")):
            return SIGN_IN
        if location.startswith("/accounts/2fa/totp/activate/"):
            return MFA
        return location
    if "account/verified_email_required.html" in [t.name for t in response.templates or []]:
        return VERIFY
    return response.status_code
