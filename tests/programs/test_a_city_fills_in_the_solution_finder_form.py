"""The city's multi-step application: one step at a time, a draft saved at each, resumed by any official."""

import pytest
from django.urls import reverse

from programs.models import Challenge, SolutionFinderApplication
from programs.steps import STEPS
from tests.factories import AreaFactory, MemberFactory, UserFactory, official_of, verified
from wego.notifications.models import Notification
from wego.workflow.versions import versions_of

from .sf_helpers import application_in, secretariat_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def step_url(application, slug):
    return reverse("programs:application-step", args=[application.pk, slug])


def start(client, official, organisation):
    client.force_login(official)
    response = client.post(reverse("programs:solution-finder-start"), {"organisation": organisation.pk})
    return SolutionFinderApplication.objects.get(organisation=organisation.organisation), response


def challenge_data(area, **overrides):
    data = {
        "challenges-TOTAL_FORMS": "1",
        "challenges-INITIAL_FORMS": "0",
        "challenges-MIN_NUM_FORMS": "1",
        "challenges-MAX_NUM_FORMS": "10",
        "challenges-0-area": area.pk,
        "challenges-0-problem_statement": "Floods close the ring road every rainy season.",
        "challenges-0-affected": "Commuters and shops on the ring road.",
        "challenges-0-current_situation": "Manual gauges read once a day.",
        "challenges-0-priority": "high",
    }
    data.update(overrides)
    return data


def test_an_official_starts_a_draft_for_their_organisation(client):
    organisation = MemberFactory()
    application, response = start(client, official_of(organisation), organisation)
    assert response.url == step_url(application, "organisation")
    assert application.status == "draft"


def test_nobody_starts_an_application_for_an_organisation_they_do_not_act_for(client):
    other = MemberFactory()
    official = official_of(MemberFactory())
    client.force_login(official)
    response = client.post(reverse("programs:solution-finder-start"), {"organisation": other.pk}, follow=True)
    assert "Choose one of the organisations you act for." in response.content.decode()
    assert not SolutionFinderApplication.objects.exists()


def test_the_form_shows_where_the_official_is(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    page = client.get(step_url(application, "goals")).content.decode()
    assert "Step 3 of 8" in page
    for step in STEPS:
        assert str(step.title) in page
    assert 'aria-current="step"' in page


def test_each_step_validates_on_its_own_and_keeps_nothing_bad(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    response = client.post(
        step_url(application, "organisation"), {"contact_name": "", "contact_email": "not-an-address"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in page and "Enter a valid email address." in page
    application.refresh_from_db()
    assert application.steps_saved == [] and application.contact_name == ""


def test_a_saved_step_moves_on_and_is_marked_saved(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    response = client.post(
        step_url(application, "organisation"),
        {"contact_name": "Ana Cruz", "contact_title": "CIO", "contact_email": "ana@city.example"},
    )
    assert response.url == step_url(application, "challenges")
    application.refresh_from_db()
    assert application.contact_name == "Ana Cruz" and application.steps_saved == ["organisation"]


def test_challenges_need_at_least_one_and_each_is_checked(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    area = AreaFactory(name="Water Management")
    empty = challenge_data(area, **{"challenges-0-area": "", "challenges-0-problem_statement": ""})
    empty.update({f"challenges-0-{f}": "" for f in ("affected", "current_situation", "priority")})
    page = client.post(step_url(application, "challenges"), empty).content.decode()
    assert "Describe at least one urban challenge." in page
    bad_area = client.post(
        step_url(application, "challenges"), challenge_data(area, **{"challenges-0-area": "999999"})
    )
    assert "Select a valid choice." in bad_area.content.decode()
    assert not Challenge.objects.exists()
    client.post(step_url(application, "challenges"), challenge_data(area))
    assert application.challenges.get().area == area


def test_control_characters_are_refused_with_a_clear_message(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    page = client.post(
        step_url(application, "goals"), {"goals": "Less\x00 traffic", "expected_outcomes": "x"}
    )
    assert "Remove the invisible control characters from this text." in page.content.decode()


def test_the_duration_must_be_sensible(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    page = client.post(step_url(application, "timeline"), {"duration_months": "999"}).content.decode()
    assert "120" in page
    application.refresh_from_db()
    assert application.duration_months is None


def test_another_official_resumes_the_draft_where_it_was_left(client):
    organisation = MemberFactory()
    first = official_of(organisation)
    application, _ = start(client, first, organisation)
    client.post(
        step_url(application, "goals"), {"goals": "Cleaner air.", "expected_outcomes": "Fewer bad-air days."}
    )
    client.logout()
    client.force_login(official_of(organisation))
    page = client.get(step_url(application, "goals")).content.decode()
    assert "Cleaner air." in page
    landing = client.get(reverse("programs:solution-finder")).content.decode()
    assert str(application) in landing


def test_attachments_are_checked_by_content(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    page = client.post(step_url(application, "attachments"), {"title": "Plan", "file": fake}).content.decode()
    assert "Attach a PDF, PNG or JPEG file. This file is none of them." in page
    assert not application.attachments.exists()
    real = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    client.post(step_url(application, "attachments"), {"title": "Flood map", "file": real})
    attachment = application.attachments.get()
    download = client.get(reverse("programs:application-attachment", args=[application.pk, attachment.pk]))
    assert b"".join(download.streaming_content) == PDF


def test_review_lists_what_is_missing_and_offers_no_submit_until_complete(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    page = client.get(reverse("programs:application-review", args=[application.pk])).content.decode()
    assert "Before you can submit, complete these steps:" in page
    assert "Submit the application" not in page


def test_a_complete_draft_is_submitted_and_everyone_concerned_is_told(client):
    application = application_in("draft")
    official = official_of(application.organisation)
    colleague = official_of(application.organisation)
    staff = secretariat_user()
    client.force_login(official)
    page = client.get(reverse("programs:application-review", args=[application.pk])).content.decode()
    assert "Submit the application" in page
    client.post(
        reverse("programs:application-transition", args=[application.pk]),
        {"transition": "submit", "seen_state": "draft"},
    )
    application.refresh_from_db()
    assert application.status == "submitted" and versions_of(application).count() == 1
    kinds = set(Notification.objects.values_list("kind", "recipient"))
    # Everyone concerned but the official who submitted, who sees it done on the page.
    assert ("workflow:status", official.pk) not in kinds
    assert ("workflow:status", colleague.pk) in kinds
    assert ("workflow:status", staff.pk) in kinds


def test_a_submitted_application_can_no_longer_be_edited(client):
    application = application_in("submitted")
    client.force_login(official_of(application.organisation))
    response = client.post(step_url(application, "goals"), {"goals": "Changed", "expected_outcomes": "x"})
    assert response.url == application.get_absolute_url()
    application.refresh_from_db()
    assert application.goals == "Cut waiting times at bus stops."


def test_an_unknown_step_is_404(client):
    application = application_in("draft")
    client.force_login(official_of(application.organisation))
    assert client.get(step_url(application, "payments")).status_code == 404


def test_signing_in_is_needed_and_the_address_must_be_verified(client):
    organisation = MemberFactory()
    client.force_login(UserFactory())  # no verified address
    response = client.post(reverse("programs:solution-finder-start"), {"organisation": organisation.pk})
    assert not SolutionFinderApplication.objects.exists()
    assert "Verify Your Email Address" in response.content.decode()


def test_the_landing_page_explains_how_to_become_an_official(client):
    client.force_login(verified(UserFactory()))
    page = client.get(reverse("programs:solution-finder")).content.decode()
    assert reverse("affiliation-request") in page
    assert "Start the application" not in page


def test_contact_telephone_and_start_date_are_checked(client):
    organisation = MemberFactory()
    application, _ = start(client, official_of(organisation), organisation)
    page = client.post(
        step_url(application, "organisation"),
        {
            "contact_name": "Ana",
            "contact_title": "CIO",
            "contact_email": "ana@city.example",
            "contact_phone": "abc",
        },
    ).content.decode()
    assert "Write the number with digits" in page
    page = client.post(step_url(application, "timeline"), {"duration_months": "-3", "start_by": "2020-01-01"})
    html = page.content.decode()
    assert "Give a duration between 1 and 120 months." in html
    assert "The desired start cannot be in the past." in html
    application.refresh_from_db()
    assert application.contact_phone == "" and application.start_by is None


def test_the_city_reads_wegos_question_where_it_answers(client):
    from wego.workflow.engine import perform

    application = application_in("under_review")
    perform(application, "request_clarification", actor=secretariat_user(), note="How many gauges?")
    client.force_login(official_of(application.organisation))
    assert "How many gauges?" in client.get(application.get_absolute_url()).content.decode()
    review = client.get(reverse("programs:application-review", args=[application.pk])).content.decode()
    assert "How many gauges?" in review


def test_withdrawing_needs_the_box_ticked(client):
    application = application_in("submitted")
    client.force_login(official_of(application.organisation))
    url = reverse("programs:application-transition", args=[application.pk])
    client.post(url, {"transition": "withdraw", "seen_state": "submitted"})
    application.refresh_from_db()
    assert application.status == "submitted"
    client.post(url, {"transition": "withdraw", "seen_state": "submitted", "confirmed": "yes"})
    application.refresh_from_db()
    assert application.status == "withdrawn"
