"""Every URL of the accounts, affiliations and membership work, for each of the standing people."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import MembershipApplicationFactory
from tests.people import PEOPLE, SIGN_IN, STAFF_PAGE, VERIFY, as_person, cases, outcome
from wego.workflow.models import ThreadMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(standing, private_storage):
    """Official of A applied for membership (say, of a sister organisation), and the Secretariat wrote
    in its thread with a file attached."""
    application = MembershipApplicationFactory(
        applicant=standing["official of A"], letter_of_intent=SimpleUploadedFile("l.pdf", b"%PDF-1.4 test")
    )
    ThreadMessage.objects.create(
        subject=application,
        author=standing["Secretariat"],
        from_staff=True,
        body="Please sign page 2.",
        attachment=SimpleUploadedFile("page-2.pdf", b"%PDF-1.4 test"),
    )
    return application


OWN = [SIGN_IN, 404, 200, 404, 404, 404, 404, 404, 200]
MATRIX = {
    "/my/": [SIGN_IN, 200, 200, 200, 200, 200, 200, 200, 200],
    "/my/affiliations/new/": [SIGN_IN, VERIFY, 200, 200, 200, 200, 200, 200, 200],
    "/members/join/": [SIGN_IN, VERIFY, 200, 200, 200, 200, 200, 200, 200],
    "/members/join/{app}/": OWN,
    "/members/join/{app}/letter/": OWN,
    "/members/join/{app}/messages/{message}/attachment/": OWN,
    "/members/join/{app}/edit/": [SIGN_IN, VERIFY, "/members/join/{app}/", 404, 404, 404, 404, 404, 404],
    "/admin/members/membershipapplication/": STAFF_PAGE,
    "/admin/members/membershipapplication/{app}/change/": STAFF_PAGE,
    "/admin/organisations/affiliation/": STAFF_PAGE,
    "/admin/organisations/organisation/": STAFF_PAGE,
    "/admin/notifications/notification/": STAFF_PAGE,
}


@pytest.mark.parametrize(("url", "person", "expected"), cases(MATRIX))
def test_get(client, standing, application, url, person, expected):
    message = ThreadMessage.objects.get()
    response = as_person(client, standing[person]).get(url.format(app=application.pk, message=message.pk))
    assert outcome(response) == (
        expected.format(app=application.pk) if isinstance(expected, str) else expected
    )


WITHDRAWING = [SIGN_IN, 404, "/members/join/{app}/", 404, 404, 404, 404, 404, "/members/join/{app}/"]


@pytest.mark.parametrize(("person", "expected"), list(zip(PEOPLE, WITHDRAWING, strict=True)))
def test_only_the_applicant_withdraws_and_everyone_else_changes_nothing(
    client, standing, application, person, expected
):
    response = as_person(client, standing[person]).post(
        f"/members/join/{application.pk}/step/", {"transition": "withdraw", "confirmed": "yes"}
    )
    assert outcome(response) == (
        expected.format(app=application.pk) if isinstance(expected, str) else expected
    )
    application.refresh_from_db()
    assert application.status == ("withdrawn" if person == "official of A" else "submitted")


@pytest.mark.parametrize(
    "person", [p for p in PEOPLE if p not in ("anonymous", "official of A", "Secretariat")]
)
def test_nobody_else_writes_in_the_applications_thread(client, standing, application, person):
    response = as_person(client, standing[person]).post(
        f"/members/join/{application.pk}/messages/", {"body": "Forged"}
    )
    assert outcome(response) == (VERIFY if person == "unverified" else 404)
    assert not ThreadMessage.objects.filter(body="Forged").exists()
