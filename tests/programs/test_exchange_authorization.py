"""Every URL of the Exchange, for every kind of visitor: anonymous, unverified, official of A (whose
organisation shared the projects), official of B, staff without a second factor, and with one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from programs.models import ProjectDocument
from tests.factories import (
    MemberFactory,
    ProjectFactory,
    UserFactory,
    official_of,
    secretariat_user,
    verified,
)

pytestmark = pytest.mark.django_db

SIGN_IN, VERIFY, MFA = "sign in", "verify email", "enrol MFA"
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    a, b = MemberFactory(name="City A"), MemberFactory(name="City B")
    official_a, official_b = official_of(a), official_of(b)
    projects = {}
    for status in ["published", "submitted", "returned"]:
        projects[status] = ProjectFactory(
            title=f"A's {status} project", organisation=a, shared_by=official_a, status=status
        )
        ProjectDocument.objects.create(
            project=projects[status], title="Report", file=SimpleUploadedFile("r.pdf", PDF)
        )
    staff_without_mfa = verified(UserFactory(is_staff=True))
    from django.contrib.auth.models import Group

    staff_without_mfa.groups.add(Group.objects.get(name="Secretariat"))
    return {
        "people": {
            "anonymous": None,
            "unverified": UserFactory(),
            "official of A": official_a,
            "official of B": official_b,
            "staff without MFA": staff_without_mfa,
            "staff with MFA": verified(secretariat_user()),
        },
        "projects": projects,
    }


PEOPLE = ["anonymous", "unverified", "official of A", "official of B", "staff without MFA", "staff with MFA"]
PUBLIC = [200] * 6
MATRIX = {
    "/driver/exchange/": PUBLIC,
    "/driver/exchange/?q=project&stage=implemented": PUBLIC,
    "/driver/exchange/export.csv": PUBLIC,
    "/driver/exchange/export.json": PUBLIC,
    "/driver/exchange/compare/?p={published.slug}&p={submitted.slug}": PUBLIC,
    "/driver/exchange/{published.slug}/": PUBLIC,
    "/driver/exchange/{published.slug}/documents/{published_document}/": PUBLIC,
    "/driver/exchange/{submitted.slug}/": [404, 404, 200, 404, 404, 200],
    "/driver/exchange/{submitted.slug}/documents/{submitted_document}/": [404, 404, 200, 404, 404, 200],
    "/driver/exchange/{returned.slug}/": [404, 404, 200, 404, 404, 200],
    "/driver/exchange/share/": [SIGN_IN, VERIFY, 200, 200, 200, 200],
    "/driver/exchange/shared/{published.pk}/": [SIGN_IN, 404, 200, 404, 404, 200],
    "/driver/exchange/shared/{submitted.pk}/": [SIGN_IN, 404, 200, 404, 404, 200],
    "/driver/exchange/shared/{returned.pk}/correct/": [
        SIGN_IN,
        404,
        200,
        404,
        404,
        "/driver/exchange/shared/{returned.pk}/",
    ],
    "/driver/exchange/shared/{submitted.pk}/correct/": [
        SIGN_IN,
        404,
        "/driver/exchange/shared/{submitted.pk}/",
        404,
        404,
        "/driver/exchange/shared/{submitted.pk}/",
    ],
    "/driver/exchange/shared/{submitted.pk}/step/": [SIGN_IN, 405, 405, 405, 405, 405],
    "/admin/programs/project/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, MFA, 200],
    "/admin/programs/project/{submitted.pk}/change/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, MFA, 200],
    "/admin/programs/project/add/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, MFA, 200],
}
CASES = [
    (url, person, expected)
    for url, row in MATRIX.items()
    for person, expected in zip(PEOPLE, row, strict=True)
]


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/accounts/login/") or location.startswith("/admin/login/"):
            return SIGN_IN
        if location.startswith("/accounts/2fa/totp/activate/"):
            return MFA
        return location
    if "account/verified_email_required.html" in [t.name for t in response.templates]:
        return VERIFY
    return response.status_code


def fill(url, world):
    projects = world["projects"]
    return url.format(
        **projects,
        published_document=projects["published"].documents.get().pk,
        submitted_document=projects["submitted"].documents.get().pk,
    )


@pytest.mark.parametrize(("url", "person", "expected"), CASES)
def test_get(client, world, url, person, expected):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    expected = fill(expected, world) if isinstance(expected, str) and expected.startswith("/") else expected
    assert outcome(client.get(fill(url, world))) == expected


@pytest.mark.parametrize(
    ("person", "expected", "status_after"),
    [
        ("anonymous", SIGN_IN, "returned"),
        ("unverified", 404, "returned"),
        ("official of B", 404, "returned"),
        ("staff without MFA", 404, "returned"),
        ("staff with MFA", "/driver/exchange/shared/{returned.pk}/", "returned"),  # not their step
        ("official of A", "/driver/exchange/shared/{returned.pk}/", "submitted"),
    ],
)
def test_resubmitting(client, world, person, expected, status_after):
    project = world["projects"]["returned"]
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    response = client.post(f"/driver/exchange/shared/{project.pk}/step/", {"transition": "resubmit"})
    assert outcome(response) == (
        fill(expected, world) if isinstance(expected, str) and "/" in expected else expected
    )
    project.refresh_from_db()
    assert project.status == status_after


@pytest.mark.parametrize("person", ["official of A", "official of B", "staff with MFA", "anonymous"])
def test_nobody_publishes_from_the_site_but_staff(client, world, person):
    project = world["projects"]["submitted"]
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    client.post(f"/driver/exchange/shared/{project.pk}/step/", {"transition": "publish"})
    project.refresh_from_db()
    assert project.status == ("published" if person == "staff with MFA" else "submitted")
