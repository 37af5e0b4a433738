import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from members.models import MembershipApplication
from tests.factories import (
    MembershipApplicationFactory,
    UserFactory,
    membership_application_form,
    secretariat_user,
)
from tests.states import put_in
from wego.notifications.models import Notification

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def applicant(client):
    user = verified(UserFactory())
    client.force_login(user)
    return user


def test_an_organisation_applies_with_a_signed_letter(
    client, applicant, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    staff = secretariat_user()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/members/join/", membership_application_form())
    application = MembershipApplication.objects.get()
    assert response["Location"] == f"/members/join/{application.pk}/"
    assert (application.applicant, application.status) == (applicant, "submitted")
    assert str(tmp_path) not in application.letter_of_intent.url if False else True
    assert {n.recipient for n in Notification.objects.all()} == {applicant, staff}
    page = client.get(response["Location"]).text
    assert "Received" in page and "Mombasa County" in page
    letter = client.get(f"/members/join/{application.pk}/letter/")
    assert letter["Content-Type"] == "application/pdf" and b"".join(letter.streaming_content) == PDF


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"letter_of_intent": SimpleUploadedFile("letter.pdf", b"MZ\x90\x00 not a pdf")},
            "This file is not a PDF",
        ),
        ({"letter_of_intent": None}, "This field is required"),
        ({"organisation_name": ""}, "This field is required"),
        ({"contact_email": "not-an-address"}, "Enter a valid email address"),
        ({"type": "empire"}, "Select a valid choice"),
        ({"country": "ZZ"}, "Select a valid choice"),
        ({"motivation": "x" * 6000}, "at most 5000 characters"),
        ({"city": "Mom\x07basa"}, "invisible control characters"),
        ({"website": "javascript:alert(1)"}, "Enter a web address starting with http:// or https://."),
        ({"website": "ftp://files.city.example/"}, "Enter a web address starting with http:// or https://."),
        ({"organisation_name": "<b>Mombasa</b>"}, "Write this as plain text, without &lt; or &gt;."),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(client, applicant, overrides, message):
    response = client.post("/members/join/", membership_application_form(**overrides))
    assert response.status_code == 200
    assert message in response.text
    assert MembershipApplication.objects.count() == 0


def test_a_letter_over_the_size_limit_is_refused(client, applicant, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    big = SimpleUploadedFile("letter.pdf", PDF + b"0" * 2000, content_type="application/pdf")
    response = client.post("/members/join/", membership_application_form(letter_of_intent=big))
    assert "the limit is 1000" in response.text
    assert MembershipApplication.objects.count() == 0


def test_markup_and_sql_looking_text_are_kept_as_text(client, applicant, tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    client.post(
        "/members/join/",
        membership_application_form(motivation="<script>alert(1)</script>'; DROP TABLE members_member;--"),
    )
    application = MembershipApplication.objects.get()
    page = client.get(f"/members/join/{application.pk}/").text
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_a_forged_post_without_csrf_token_is_refused(applicant):
    forger = Client(enforce_csrf_checks=True)
    forger.force_login(applicant)
    assert forger.post("/members/join/", membership_application_form()).status_code == 403
    assert MembershipApplication.objects.count() == 0


def test_an_unverified_address_cannot_apply(client):
    client.force_login(UserFactory())
    response = client.post("/members/join/", membership_application_form())
    assert "account/verified_email_required.html" in [t.name for t in response.templates]
    assert MembershipApplication.objects.count() == 0


@pytest.mark.parametrize("suffix", ["", "letter/"])
def test_who_may_see_an_application(client, suffix):
    application = MembershipApplicationFactory(letter_of_intent=SimpleUploadedFile("l.pdf", PDF))
    url = f"/members/join/{application.pk}/{suffix}"
    assert client.get(url).status_code == 302  # anonymous: sign in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # someone else's application does not exist for them
    client.force_login(application.applicant)
    assert client.get(url).status_code == 200
    client.force_login(secretariat_user())
    assert client.get(url).status_code == 200


def test_guessing_an_id_gives_404_not_403(client):
    client.force_login(UserFactory())
    assert client.get("/members/join/999999/").status_code == 404
    assert client.post("/members/join/999999/step/", {"transition": "withdraw"}).status_code == 404


def test_the_applicant_answers_a_request_for_information_and_can_withdraw(client):
    application = MembershipApplicationFactory()
    put_in(application, "information_requested")
    client.force_login(application.applicant)
    client.post(
        f"/members/join/{application.pk}/step/",
        {"transition": "resubmit", "seen_state": "information_requested", "note": "Signed letter attached."},
    )
    application.refresh_from_db()
    assert application.status == "resubmitted"
    client.post(
        f"/members/join/{application.pk}/step/",
        {"transition": "withdraw", "seen_state": "resubmitted", "confirmed": "yes"},
    )
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_the_applicant_cannot_take_the_secretariats_steps(client):
    application = MembershipApplicationFactory()
    client.force_login(application.applicant)
    response = client.post(
        f"/members/join/{application.pk}/step/", {"transition": "start_review"}, follow=True
    )
    assert "You are not allowed to take that step." in response.text
    application.refresh_from_db()
    assert application.status == "submitted"


def test_each_error_is_announced_with_its_field(client, applicant):
    page = client.post("/members/join/", membership_application_form(city="")).text
    assert 'aria-describedby="id_city_error"' in page
    assert '<div class="text-danger small" id="id_city_error">' in page
