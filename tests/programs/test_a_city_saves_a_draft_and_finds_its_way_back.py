"""A step saved as a draft keeps what was typed, valid or not, and says what it still needs;
submitting waits until every step is complete; "Continue" and the review lead to what is missing."""

import re

import pytest
from django.urls import reverse

from programs.models import Challenge
from programs.workflow import SOLUTION_FINDER
from tests.factories import AreaFactory, MemberFactory, official_of
from wego.submissions.once import FIELD
from wego.workflow.definitions import AWAITING, DRAFT

from .sf_helpers import application_in

pytestmark = pytest.mark.django_db

ALREADY_SENT = "This was already sent; here it is."


def step_url(application, slug):
    return reverse("programs:application-step", args=[application.pk, slug])


def continue_url(application):
    return reverse("programs:application-continue", args=[application.pk])


def review_url(application):
    return reverse("programs:application-review", args=[application.pk])


def as_official(client, application):
    client.force_login(official_of(application.organisation))


def new_application(client):
    """An application just started: nothing answered but the contact address."""
    organisation = MemberFactory()
    client.force_login(official_of(organisation))
    client.post(reverse("programs:solution-finder-start"), {"organisation": organisation.pk})
    return organisation.organisation.solution_finder_applications.get()


def test_a_draft_with_a_required_field_empty_saves_what_is_valid_and_keeps_what_was_typed(client):
    application = new_application(client)
    response = client.post(
        step_url(application, "goals"),
        {"goals": "Warn residents before the river floods.", "expected_outcomes": "", "save_draft": "1"},
        follow=True,
    )
    assert response.redirect_chain == [(step_url(application, "goals"), 302)]
    page = response.content.decode()
    assert "Draft saved. Before you submit, complete or correct: Expected outcomes." in page
    assert "Warn residents before the river floods." in page
    # Shown again, the draft is a reminder of what it still needs, not a refusal.
    assert "Saved as a draft. Before you send it, complete or correct" in page
    assert "Please correct the fields marked below." not in page
    application.refresh_from_db()
    assert application.goals == "Warn residents before the river floods."
    assert "goals" in application.steps_saved


def test_a_draft_keeps_a_wrong_value_as_typed_but_does_not_save_it(client):
    application = new_application(client)
    address_before = application.contact_email
    client.post(
        step_url(application, "organisation"),
        {"contact_name": "Maria Santos", "contact_title": "", "contact_email": "maria@", "save_draft": "1"},
    )
    application.refresh_from_db()
    assert application.contact_name == "Maria Santos"
    assert application.contact_email == address_before
    # The next sitting, by another official, shows what was typed and what is wrong with it.
    client.logout()
    as_official(client, application)
    page = client.get(step_url(application, "organisation")).content.decode()
    assert 'value="maria@"' in page and "Enter a valid email address." in page
    assert 'value="Maria Santos"' in page and "This field is required." in page


def test_a_draft_of_the_challenges_keeps_a_half_described_challenge(client):
    application = new_application(client)
    area = AreaFactory(name="Water Management")
    client.post(
        step_url(application, "challenges"),
        {
            "challenges-TOTAL_FORMS": "1",
            "challenges-INITIAL_FORMS": "0",
            "challenges-MIN_NUM_FORMS": "1",
            "challenges-MAX_NUM_FORMS": "10",
            "challenges-0-area": area.pk,
            "challenges-0-problem_statement": "Floods cut the centre off every rainy season.",
            "save_draft": "1",
        },
    )
    assert not Challenge.objects.exists()
    page = client.get(step_url(application, "challenges")).content.decode()
    assert "Floods cut the centre off every rainy season." in page
    assert f'<option value="{area.pk}" selected>' in page


def test_a_step_saved_complete_forgets_its_draft(client):
    application = new_application(client)
    client.post(step_url(application, "goals"), {"goals": "Cleaner air.", "save_draft": "1"})
    client.post(
        step_url(application, "goals"), {"goals": "Cleaner air.", "expected_outcomes": "Fewer bad days."}
    )
    application.refresh_from_db()
    assert application.drafts == {}
    assert application.expected_outcomes == "Fewer bad days."


def test_submission_is_refused_while_a_step_is_a_draft_and_accepted_once_complete(client):
    application = application_in("draft")
    as_official(client, application)
    client.post(
        step_url(application, "infrastructure"),
        {"existing_infrastructure": "", "existing_data": "Flood records since 1990.", "save_draft": "1"},
    )
    review = client.get(review_url(application)).content.decode()
    assert "Before you can submit, complete these steps:" in review
    assert "Submit the application" not in review
    transition = reverse("programs:application-transition", args=[application.pk])
    client.post(transition, {"transition": "submit", "seen_state": "draft"})
    application.refresh_from_db()
    assert SOLUTION_FINDER.has(application, DRAFT)

    client.post(
        step_url(application, "infrastructure"),
        {"existing_infrastructure": "Two river gauges.", "existing_data": "Flood records since 1990."},
    )
    client.post(transition, {"transition": "submit", "seen_state": "draft"})
    application.refresh_from_db()
    assert SOLUTION_FINDER.has(application, AWAITING)
    assert application.existing_data == "Flood records since 1990."


def test_a_draft_whose_saved_answers_are_complete_still_waits_for_what_was_typed(client):
    # The row still holds the earlier, valid address; the typed one is wrong and must not be lost.
    application = application_in("draft")
    as_official(client, application)
    client.post(
        step_url(application, "organisation"),
        {
            "contact_name": "Maria Santos",
            "contact_title": "CIO",
            "contact_email": "maria@",
            "save_draft": "1",
        },
    )
    review = client.get(review_url(application)).content.decode()
    assert "Organisation and contact" in review.split('id="missing-parts"')[1].split("</div>")[0]


def test_continue_opens_the_first_step_that_still_needs_something(client):
    application = new_application(client)
    assert client.get(continue_url(application)).url == step_url(application, "organisation")
    client.post(
        step_url(application, "organisation"),
        {"contact_name": "Ana Cruz", "contact_title": "CIO", "contact_email": "ana@city.example"},
    )
    assert client.get(continue_url(application)).url == step_url(application, "challenges")


def test_continue_opens_the_review_once_nothing_is_missing(client):
    application = application_in("draft")
    as_official(client, application)
    assert client.get(continue_url(application)).url == review_url(application)


def test_continue_is_offered_on_the_application_page_and_on_my_wego(client):
    application = application_in("draft")
    as_official(client, application)
    link = f'href="{continue_url(application)}"'
    assert link in client.get(application.get_absolute_url()).content.decode()
    assert link in client.get(reverse("dashboard")).content.decode()


def test_continue_is_for_the_officials_of_the_city_only(client):
    application = application_in("draft")
    client.force_login(official_of(MemberFactory()))
    assert client.get(continue_url(application)).status_code == 404


def test_the_review_page_links_each_missing_step(client):
    application = new_application(client)
    review = client.get(review_url(application)).content.decode()
    missing = review.split('id="missing-parts"')[1].split("</div>")[0]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', missing)
    assert links == [
        (step_url(application, "organisation"), "Organisation and contact"),
        (step_url(application, "challenges"), "Urban challenges"),
        (step_url(application, "goals"), "Goals and expected outcomes"),
        (step_url(application, "budget"), "Budget and funding"),
        (step_url(application, "timeline"), "Timeline"),
        (step_url(application, "infrastructure"), "Existing infrastructure and data"),
    ]


def test_save_draft_is_a_real_button_not_a_faint_one(client):
    application = new_application(client)
    page = client.get(step_url(application, "goals")).content.decode()
    button = re.search(r'<button[^>]*name="save_draft"[^>]*>', page).group(0)
    assert "btn-secondary" in button and "outline" not in button and "disabled" not in button


def test_a_draft_sent_twice_is_saved_once_and_the_second_answer_says_so(client):
    application = new_application(client)
    page = client.get(step_url(application, "goals")).content.decode()
    token = re.search(rf'name="{FIELD}" value="([^"]+)"', page).group(1)
    draft = {"goals": "Cleaner air.", "expected_outcomes": "", "save_draft": "1", FIELD: token}
    first = client.post(step_url(application, "goals"), draft)
    second = client.post(step_url(application, "goals"), draft, follow=True)
    assert first.url == step_url(application, "goals")
    assert ALREADY_SENT in second.content.decode()
