"""Staff read words, not codes: a notification's kind as what it is about, the message after a step as
what happened, and people by name and address, with their organisation."""

import pytest

from tests.factories import (
    AffiliationFactory,
    MembershipApplicationFactory,
    ProjectFactory,
    UserFactory,
)
from tests.states import put_in
from wego.notifications.kinds import describe
from wego.notifications.models import Notification
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db


def test_a_mail_about_a_submission_says_what_the_submission_is(staff):
    application = MembershipApplicationFactory()
    perform(application, "start_review", actor=staff)
    mail = Notification.objects.get(kind="workflow:status")
    assert describe(mail.kind, mail.content_type_id) == "Membership application: status changed"


def test_account_mail_is_named_in_words():
    assert describe("account:password_reset_key") == "Account: password reset link"
    assert describe("account:email_confirmation_signup") == "Account: address to confirm at sign-up"
    assert describe("account:something_new") == "Account: something new"


def test_the_notification_list_and_its_filter_show_the_kind_in_words(client, staff):
    perform(MembershipApplicationFactory(), "start_review", actor=staff)
    Notification.objects.create(
        email="a@example.org", kind="account:password_reset_key", subject="s", body_text="t"
    )
    page = client.get("/admin/notifications/notification/").text
    assert "Membership application: status changed" in page
    assert "Account: password reset link" in page
    assert "workflow:status" not in page and "account:password_reset_key" not in page


def test_the_kind_filter_keeps_the_mail_of_one_kind_of_submission(client, staff):
    perform(MembershipApplicationFactory(), "start_review", actor=staff)
    perform(ProjectFactory(), "unpublish", actor=staff, note="Out of date.")
    response = client.get("/admin/notifications/notification/")
    [choice] = [
        choice
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "kind"
        for choice in spec.lookup_choices
        if choice[1] == "Membership application: status changed"
    ]
    filtered = client.get("/admin/notifications/notification/", {"kind": choice[0]})
    listed = filtered.context["cl"].result_list
    assert listed and {mail.content_type.model for mail in listed} == {"membershipapplication"}


def test_after_a_step_staff_read_what_happened_not_the_buttons_name(client, staff):
    project = put_in(ProjectFactory(), "submitted")
    response = client.post(
        f"/admin/programs/project/{project.pk}/transition/",
        {"transition": "publish", "seen_state": "submitted", "note": ""},
        follow=True,
    )
    assert '<li class="success">Published.</li>' in response.text
    assert "Done:" not in response.text


def test_staff_see_the_person_asking_by_name_and_address_with_the_organisation(client, staff):
    person = UserFactory(first_name="Maria", last_name="Santos", email="maria@cauayan.example")
    AffiliationFactory(user=person, organisation__name="Cauayan")
    page = client.get("/admin/organisations/affiliation/").text
    assert "Maria Santos &lt;maria@cauayan.example&gt;" in page and "Cauayan" in page


def test_a_person_without_a_name_is_shown_by_address():
    AffiliationFactory(user=UserFactory(email="no.name@city.example"))
    from organisations.admin import name_and_address

    assert name_and_address(UserFactory(email="nameless@city.example")) == "nameless@city.example"


def test_staff_see_who_applied_for_membership_by_name(client, staff):
    applicant = UserFactory(first_name="Amina", last_name="Okafor", email="amina@mombasa.example")
    MembershipApplicationFactory(applicant=applicant, organisation_name="Mombasa County")
    page = client.get("/admin/members/membershipapplication/").text
    assert "Amina Okafor &lt;amina@mombasa.example&gt;" in page and "Mombasa County" in page
