"""When the Secretariat asks for more information, the applicant changes its answers and resubmits:
each submission is a numbered version, and staff see what changed, in their own language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from members.models import MembershipApplication
from members.workflow import EDITABLE, MEMBERSHIP
from tests.factories import MembershipApplicationFactory, UserFactory, secretariat_user, verified
from wego.workflow.engine import perform, start
from wego.workflow.models import TransitionRecord
from wego.workflow.versions import versions_of, versions_with_changes

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def applicant():
    return verified(UserFactory())


@pytest.fixture
def asked(applicant, private_storage):
    """An application received (version 1), reviewed, and asked for more information."""
    application = MembershipApplicationFactory.build(
        organisation_name="Mombasa County",
        applicant=applicant,
        letter_of_intent=SimpleUploadedFile("letter.pdf", PDF),
    )
    start(application, "submit", actor=applicant)
    staff = secretariat_user()
    perform(application, "start_review", actor=staff)
    return perform(application, "request_information", actor=staff, note="Which department will lead?")


def form_data(application, **changes):
    data = {
        name: getattr(application, name)
        for name in [
            "organisation_name",
            "type",
            "city",
            "website",
            "contact_name",
            "contact_email",
            "motivation",
        ]
    }
    data["country"] = application.country.code
    data.update(changes)
    return data


def test_submitting_is_a_recorded_step_that_keeps_version_1(asked):
    assert TransitionRecord.objects.filter(object_id=asked.pk, from_state="", transition="submit").exists()
    [version] = versions_of(asked)
    assert version.number == 1


def test_the_applicant_changes_an_answer_resubmits_and_staff_see_the_difference(client, applicant, asked):
    client.force_login(applicant)
    page = client.get(asked.get_absolute_url()).text
    assert "Which department will lead?" in page and "Change the answers" in page
    response = client.post(
        f"/members/join/{asked.pk}/edit/",
        form_data(asked, motivation="The Smart City Office will lead, with the county's ICT department."),
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert MEMBERSHIP.has(asked, EDITABLE)  # changed answers are not yet sent
    assert len(versions_of(asked)) == 1

    client.post(
        f"/members/join/{asked.pk}/step/",
        {"transition": "resubmit", "seen_state": "information_requested", "note": "See the new motivation."},
    )
    asked.refresh_from_db()
    assert asked.status == "resubmitted"
    (first, _), (second, changes) = versions_with_changes(asked)
    assert second.number == 2 and second.submitted_by == applicant
    assert changes == [
        (
            "why it wants to join WeGO",
            "To learn from other smart cities.",
            "The Smart City Office will lead, with the county's ICT department.",
        )
    ]
    client.force_login(secretariat_user())
    admin_page = client.get(f"/admin/members/membershipapplication/{asked.pk}/change/").text
    assert "Version 2" in admin_page and "What changed since the previous version" in admin_page


def test_staff_read_the_difference_in_their_own_language(applicant, asked):
    MembershipApplication.objects.filter(pk=asked.pk).update(type="institution")
    asked.refresh_from_db()
    perform(asked, "resubmit", actor=applicant)
    with translation.override("ko"):
        [(label, before, after)] = versions_with_changes(asked)[1][1]
    assert (before, after) == ("지방정부", "기관")


def test_a_new_letter_is_a_change_named_by_its_file(client, applicant, asked):
    client.force_login(applicant)
    client.post(
        f"/members/join/{asked.pk}/edit/",
        {**form_data(asked), "letter_of_intent": SimpleUploadedFile("signed-by-governor.pdf", PDF)},
    )
    perform(asked, "resubmit", actor=applicant)
    [(label, before, after)] = versions_with_changes(asked)[1][1]
    assert (
        label == "signed letter of intent (PDF)"
        and before == "letter.pdf"
        and after == "signed-by-governor.pdf"
    )


def test_answers_change_only_while_the_secretariat_asks(client, applicant, private_storage):
    application = MembershipApplicationFactory(applicant=applicant)
    client.force_login(applicant)
    response = client.post(f"/members/join/{application.pk}/edit/", form_data(application, city="Elsewhere"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.city == "Mombasa"


def test_bad_input_when_changing_is_refused_and_changes_nothing(client, applicant, asked):
    client.force_login(applicant)
    response = client.post(f"/members/join/{asked.pk}/edit/", form_data(asked, website="javascript:alert(1)"))
    assert (
        response.status_code == 200
        and "Enter a web address starting with http:// or https://." in response.text
    )
    asked.refresh_from_db()
    assert asked.website == ""


def test_nobody_else_changes_the_answers(client, asked):
    client.force_login(verified(UserFactory()))
    assert (
        client.post(f"/members/join/{asked.pk}/edit/", form_data(asked, city="Elsewhere")).status_code == 404
    )
    asked.refresh_from_db()
    assert asked.city == "Mombasa"
