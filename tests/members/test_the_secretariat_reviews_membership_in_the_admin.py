import pytest
from django.contrib.auth.models import Permission

from tests.factories import MembershipApplicationFactory, UserFactory, secretariat_user, with_mfa
from tests.states import put_in
from wego.notifications.models import Notification
from wego.workflow.engine import history

pytestmark = pytest.mark.django_db


def can_view_applications(user):
    user.user_permissions.add(Permission.objects.get(codename="view_membershipapplication"))
    return user


@pytest.fixture
def secretariat(client):
    user = can_view_applications(secretariat_user())
    client.force_login(user)
    return user


def url(application, suffix="change"):
    return f"/admin/members/membershipapplication/{application.pk}/{suffix}/"


def test_staff_see_exactly_the_steps_they_may_take(client, secretariat):
    application = MembershipApplicationFactory()
    page = client.get(url(application)).text
    assert "Workflow: Submitted" in page
    assert 'value="start_review"' in page and 'value="decline"' in page
    assert 'value="withdraw"' not in page  # the applicant's step, not staff's
    assert 'value="recommend"' not in page  # not possible from "submitted"


def test_a_step_taken_from_the_admin_moves_the_application_and_records_it(client, secretariat):
    application = MembershipApplicationFactory()
    response = client.post(
        url(application, "transition"), {"transition": "start_review", "seen_state": "submitted", "note": ""}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "under_review"
    assert history(application).get().actor == secretariat
    page = client.get(url(application)).text
    assert '<li class="success">Under review.</li>' in page
    assert "Submitted → Under review" in page


def test_a_step_on_a_stale_page_is_refused_with_a_clear_message(client, secretariat):
    application = MembershipApplicationFactory()
    put_in(application, "under_review")
    response = client.post(
        url(application, "transition"),
        {"transition": "decline", "seen_state": "submitted", "note": "No."},
        follow=True,
    )
    assert "This has changed since you opened it." in response.text
    application.refresh_from_db()
    assert application.status == "under_review"


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("Please \x1b[31msend\x01 the letter", "Remove the invisible control characters from this text."),
        ("x" * 5001, "The note is 5001 characters long; please keep it within 5000."),
    ],
)
def test_a_step_with_a_note_of_control_characters_or_too_long_is_refused_and_nothing_moves(
    client, secretariat, note, message
):
    application = MembershipApplicationFactory()
    seen = application.status
    response = client.post(
        url(application, "transition"),
        {"transition": "request_information", "seen_state": seen, "note": note},
        follow=True,
    )
    assert message in response.text
    application.refresh_from_db()
    assert application.status == seen and not history(application).exists()
    assert not Notification.objects.exists()


def test_staff_outside_the_secretariat_may_look_but_not_move(client):
    application = MembershipApplicationFactory()
    client.force_login(can_view_applications(with_mfa(UserFactory(is_staff=True))))
    assert 'value="start_review"' not in client.get(url(application)).text
    response = client.post(url(application, "transition"), {"transition": "start_review"}, follow=True)
    assert "You are not allowed to take that step." in response.text
    application.refresh_from_db()
    assert application.status == "submitted"


def test_staff_open_the_signed_letter_from_the_application(client, secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = MembershipApplicationFactory(letter_of_intent=SimpleUploadedFile("l.pdf", b"%PDF-1.4 test"))
    page = client.get(url(application)).text
    letter_url = f"/members/join/{application.pk}/letter/"
    assert f'href="{letter_url}"' in page
    assert client.get(letter_url)["Content-Type"] == "application/pdf"


def test_the_status_cannot_be_edited_in_the_form(client, secretariat):
    application = MembershipApplicationFactory()
    assert 'name="status"' not in client.get(url(application)).text


def test_the_queue_filters_by_state_type_region_and_age(client, secretariat, report_data):
    kenyan = MembershipApplicationFactory(country="KE")
    MembershipApplicationFactory(country="FR")
    response = client.get(
        "/admin/members/membershipapplication/", {"region": "africa", "status__exact": "submitted"}
    )
    assert list(response.context["cl"].result_list) == [kenyan]
    assert (
        client.get("/admin/members/membershipapplication/", {"waiting": "month"}).context["cl"].result_count
        == 0
    )


def test_anonymous_and_non_staff_cannot_reach_the_step_url(client):
    application = MembershipApplicationFactory()
    assert client.post(url(application, "transition"), {"transition": "start_review"}).status_code == 302
    client.force_login(application.applicant)
    client.post(url(application, "transition"), {"transition": "withdraw"})
    application.refresh_from_db()
    assert application.status == "submitted"  # the admin is not the applicant's way in


def test_the_secretariat_cannot_edit_user_accounts_or_raise_its_own_rights(client, secretariat):
    assert client.get(f"/admin/organisations/user/{secretariat.pk}/change/").status_code == 403
    client.post(
        f"/admin/organisations/user/{secretariat.pk}/change/",
        {"email": secretariat.email, "is_superuser": "on"},
    )
    secretariat.refresh_from_db()
    assert not secretariat.is_superuser


def test_the_application_form_in_the_admin_has_no_save_that_could_overwrite_a_step(client, secretariat):
    application = MembershipApplicationFactory()
    page = client.get(url(application)).text
    assert 'name="_save"' not in page
    client.post(url(application), {"organisation_name": "Changed"})
    application.refresh_from_db()
    assert application.organisation_name != "Changed" and application.status == "submitted"


def test_a_step_posted_to_a_malformed_address_is_a_404(client, secretariat):
    response = client.post(
        "/admin/members/membershipapplication/abc/transition/", {"transition": "start_review"}
    )
    assert response.status_code == 404
