"""An organisation's officials propose changes to its public profile (description, website, logo,
contact); nothing is public until the Secretariat approves the change in the admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from organisations.models import ProfileChange
from organisations.workflow import PENDING, PROFILE_CHANGE
from tests.factories import MemberFactory, UserFactory, official_of, secretariat_user, verified
from wego.notifications.models import Notification

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EDIT = "/my/organisations/cauayan/profile/"


@pytest.fixture
def member():
    return MemberFactory(name="Cauayan", country="PH")


def proposal(**changes):
    return {
        "description": "A smart city of the Philippines' Cagayan Valley.",
        "website": "https://cauayancity.gov.ph",
        "contact_email": "smartcity@cauayan.example",
        **changes,
    }


def propose(client, member, **changes):
    client.force_login(official_of(member))
    return client.post(EDIT, proposal(**changes))


def approve_in_the_admin(client, change):
    client.force_login(secretariat_user())
    return client.post(
        f"/admin/organisations/profilechange/{change.pk}/transition/",
        {"transition": "approve", "seen_state": change.status, "note": ""},
    )


def test_a_proposed_change_is_not_public_until_the_secretariat_approves_it_in_the_admin(client, member):
    response = propose(client, member, logo=SimpleUploadedFile("logo.png", PNG))
    assert response.status_code == 302
    change = ProfileChange.objects.get()
    assert PROFILE_CHANGE.has(change, PENDING)
    client.logout()
    page = client.get("/members/cauayan/").text
    assert "Cagayan Valley" not in page and "cauayancity.gov.ph" not in page
    assert client.get("/members/cauayan/logo/").status_code == 404

    assert approve_in_the_admin(client, change).status_code == 302
    client.logout()
    page = client.get("/members/cauayan/").text
    assert "Cagayan Valley" in page and 'href="https://cauayancity.gov.ph"' in page
    assert 'href="mailto:smartcity@cauayan.example"' in page
    assert b"".join(client.get("/members/cauayan/logo/").streaming_content) == PNG


def test_the_secretariat_is_told_and_sees_what_would_change_with_the_proposed_logo(client, member):
    staff = secretariat_user()
    propose(client, member, logo=SimpleUploadedFile("logo.png", PNG))
    change = ProfileChange.objects.get()
    assert Notification.objects.filter(recipient=staff).exists()
    client.force_login(staff)
    page = client.get(f"/admin/organisations/profilechange/{change.pk}/change/").text
    assert "Cagayan Valley" in page and 'value="approve"' in page and 'value="decline"' in page
    logo = client.get(f"/admin/organisations/profilechange/{change.pk}/logo/proposed/")
    assert logo["Content-Type"] == "image/png"


def test_a_declined_change_stays_off_the_public_page_and_the_officials_read_why(client, member):
    official = official_of(member)
    client.force_login(official)
    client.post(EDIT, proposal())
    change = ProfileChange.objects.get()
    client.force_login(secretariat_user())
    client.post(
        f"/admin/organisations/profilechange/{change.pk}/transition/",
        {"transition": "decline", "seen_state": change.status, "note": "Please link the city's own site."},
    )
    assert "Cagayan Valley" not in client.get("/members/cauayan/").text
    told = Notification.objects.filter(recipient=official).latest("pk")
    assert "Please link the city" in told.body_text


def test_a_second_proposal_replaces_the_one_still_waiting(client, member):
    propose(client, member)
    propose(client, member, description="Cauayan, the Philippines' first smart city.")
    change = ProfileChange.objects.get()
    assert change.description == "Cauayan, the Philippines' first smart city."


def test_the_form_starts_from_the_change_that_waits(client, member):
    propose(client, member)
    page = client.get(EDIT).text
    assert "Cagayan Valley" in page and "waits for the Secretariat" in page


def test_a_logo_that_is_not_an_image_is_refused(client, member):
    response = propose(client, member, logo=SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image"))
    assert response.status_code == 200
    assert "Choose a PNG or JPEG image" in response.text
    assert not ProfileChange.objects.exists()


def test_a_person_who_does_not_act_for_the_organisation_gets_404(client, member):
    client.force_login(verified(UserFactory()))
    assert client.get(EDIT).status_code == 404
    assert client.post(EDIT, proposal()).status_code == 404
    client.force_login(official_of(MemberFactory(name="Elsewhere")))
    assert client.get(EDIT).status_code == 404
    assert not ProfileChange.objects.exists()


def test_an_official_cannot_approve_their_own_change(client, member):
    official = official_of(member)
    client.force_login(official)
    client.post(EDIT, proposal())
    change = ProfileChange.objects.get()
    response = client.post(
        f"/admin/organisations/profilechange/{change.pk}/transition/",
        {"transition": "approve", "seen_state": change.status, "note": ""},
    )
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    change.refresh_from_db()
    assert PROFILE_CHANGE.has(change, PENDING)
