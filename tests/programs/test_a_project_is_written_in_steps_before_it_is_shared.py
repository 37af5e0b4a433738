"""A project is written in steps kept as a draft, found again, reviewed, and shared once."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from programs.models import Project, ProjectDraft
from programs.services import project_drafts
from programs.sharing_steps import STEPS
from tests.factories import AreaFactory, MemberFactory, official_of
from tests.programs.test_a_city_shares_a_project import share_data, step_data
from wego.notifications.models import Notification

pytestmark = pytest.mark.django_db

SHARE = "/driver/exchange/share/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def city():
    return MemberFactory(name="Bogotá", country="CO")


@pytest.fixture
def official(client, city):
    person = official_of(city)
    client.force_login(person)
    return person


def started(client, city):
    response = client.post(SHARE, {"organisation": str(city.pk)})
    draft = ProjectDraft.objects.get()
    assert response["Location"] == f"{SHARE}{draft.pk}/project/"
    return draft


def save_every_step(client, draft, data):
    for step in STEPS:
        response = client.post(f"{SHARE}{draft.pk}/{step.slug}/", step_data(step, data))
        assert response.status_code == 302, response.context["form"].errors


def test_save_draft_keeps_what_was_typed_and_says_what_is_missing(client, official, city):
    draft = started(client, city)
    response = client.post(
        f"{SHARE}{draft.pk}/project/",
        {"title": "Bus priority lanes", "summary": "", "stage": "pilot", "save_draft": "1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"{SHARE}{draft.pk}/project/"
    assert "Draft saved. Before you share the project, complete or correct: Summary, Areas." in response.text
    # The next sitting shows what was typed, with what is missing marked.
    client.logout()
    client.force_login(official_of(city))  # a colleague from the same organisation
    page = client.get(f"{SHARE}{draft.pk}/project/")
    assert page.context["form"]["title"].value() == "Bus priority lanes"
    assert page.context["form"]["stage"].value() == "pilot"
    assert "This field is required." in page.text
    # A reminder, not a refusal: nothing was sent that could be refused.
    assert "Saved as a draft. Before you send it, complete or correct" in page.text
    assert "Please correct the fields marked below." not in page.text
    assert not Project.objects.exists()


def test_save_and_continue_with_something_missing_keeps_nothing_and_stays(client, official, city):
    draft = started(client, city)
    response = client.post(f"{SHARE}{draft.pk}/project/", {"title": "Bus priority lanes"})
    assert response.status_code == 200
    assert "Please correct the fields marked below." in response.text
    draft.refresh_from_db()
    assert draft.drafts == {}


def test_a_complete_step_leads_to_the_next_and_is_marked_done(client, official, city):
    draft = started(client, city)
    data = share_data(city)
    response = client.post(f"{SHARE}{draft.pk}/project/", step_data(STEPS[0], data))
    assert response["Location"] == f"{SHARE}{draft.pk}/place/"
    page = client.get(response["Location"])
    done = [row.step.slug for row in page.context["progress"] if row.done]
    assert done == ["project"]
    assert "Step 2 of 6" in page.text


def test_continue_opens_the_first_step_that_needs_something_then_the_review(client, official, city):
    draft = started(client, city)
    data = share_data(city)
    client.post(f"{SHARE}{draft.pk}/project/", step_data(STEPS[0], data))
    client.post(f"{SHARE}{draft.pk}/place/", {"start_year": "2021", "end_year": "2019", "save_draft": "1"})
    assert client.get(f"{SHARE}{draft.pk}/")["Location"] == f"{SHARE}{draft.pk}/place/"
    save_every_step(client, draft, data)
    assert client.get(f"{SHARE}{draft.pk}/")["Location"] == f"{SHARE}{draft.pk}/review/"


def test_the_review_links_each_missing_step_and_an_incomplete_draft_makes_no_project(client, official, city):
    draft = started(client, city)
    client.post(f"{SHARE}{draft.pk}/budget/", {"budget_amount": "100", "save_draft": "1"})
    page = client.get(f"{SHARE}{draft.pk}/review/")
    assert [step.slug for step in page.context["missing"]] == ["project", "budget"]
    assert f'href="{SHARE}{draft.pk}/project/"' in page.text
    assert f'href="{SHARE}{draft.pk}/budget/"' in page.text
    assert "Send the project to the Secretariat" not in page.text

    response = client.post(f"{SHARE}{draft.pk}/review/", {})
    assert response.status_code == 200
    assert "The project cannot be shared yet: complete the steps listed below." in response.text
    assert not Project.objects.exists() and not Notification.objects.exists()
    assert ProjectDraft.objects.filter(pk=draft.pk).exists()


def test_the_review_shows_what_was_typed_in_words(client, official, city):
    draft = started(client, city)
    save_every_step(client, draft, share_data(city))
    page = client.get(f"{SHARE}{draft.pk}/review/")
    answers = {str(label): text for _, lines in page.context["answers"] for label, text in lines}
    assert answers["Stage"] == "Pilot"
    assert answers["Areas"] == "Public Transportation"
    assert answers["Indicators"].startswith("Indicator: Average bus speed · Unit: km/h")
    assert "Send the project to the Secretariat" in page.text


def test_sharing_from_the_review_makes_the_project_and_removes_the_draft(
    client, official, city, private_storage
):
    draft = started(client, city)
    save_every_step(client, draft, share_data(city))
    response = client.post(
        f"{SHARE}{draft.pk}/review/",
        {
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-0-title": "Evaluation report",
            "documents-0-file": SimpleUploadedFile("evaluation.pdf", PDF, "application/pdf"),
        },
    )
    project = Project.objects.get()
    assert response["Location"] == f"/driver/exchange/shared/{project.pk}/"
    assert (project.title, project.organisation, project.shared_by) == (
        "Bus priority lanes",
        city.organisation,
        official,
    )
    assert project.indicators.count() == 1 and project.links.count() == 1 and project.documents.count() == 1
    assert not ProjectDraft.objects.exists()


def test_a_draft_shared_meanwhile_by_a_colleague_is_not_shared_twice(client, official, city):
    draft = started(client, city)
    save_every_step(client, draft, share_data(city))
    project_drafts.delete_draft(draft)  # as if a colleague had just sent it
    response = client.post(f"{SHARE}{draft.pk}/review/", {"documents-TOTAL_FORMS": "0"})
    assert response.status_code == 404
    assert not Project.objects.exists()


def test_the_second_of_two_shares_of_one_draft_finds_it_gone(official, city):
    draft = ProjectDraft.objects.create(organisation=city.organisation, started_by=official)
    project_drafts.delete_draft(draft)
    with pytest.raises(project_drafts.DraftGone):
        project_drafts.share_draft(draft, form=None, formsets=[], user=official)
    assert not Project.objects.exists()


def test_deleting_a_draft_asks_first(client, official, city):
    draft = started(client, city)
    page = client.get(f"{SHARE}{draft.pk}/delete/")
    assert "It cannot be undone." in page.text
    assert ProjectDraft.objects.exists()
    response = client.post(f"{SHARE}{draft.pk}/delete/", follow=True)
    assert "was deleted" in response.text
    assert not ProjectDraft.objects.exists()


def test_the_share_page_lists_the_organisations_drafts_to_continue(client, official, city):
    draft = started(client, city)
    client.post(f"{SHARE}{draft.pk}/project/", {"title": "Bus priority lanes", "save_draft": "1"})
    ProjectDraft.objects.create(organisation=MemberFactory(name="Elsewhere").organisation)
    page = client.get(SHARE)
    assert list(page.context["drafts"]) == [draft]
    assert "A project not shared yet" in page.text
    assert f'href="{SHARE}{draft.pk}/"' in page.text and "Bus priority lanes" in page.text


def test_a_rows_step_shown_again_has_room_for_one_more_row(client, official, city):
    draft = started(client, city)
    rows = step_data(STEPS[4], share_data(city))
    client.post(f"{SHARE}{draft.pk}/indicators/", rows)
    formset = client.get(f"{SHARE}{draft.pk}/indicators/").context["form"]
    assert len(formset.forms) == 2
    assert formset.forms[0]["name"].value() == "Average bus speed" and not formset.forms[1].has_changed()


def test_a_step_page_and_the_review_ask_few_queries(client, official, city, django_assert_max_num_queries):
    AreaFactory.create_batch(4)
    draft = started(client, city)
    save_every_step(client, draft, share_data(city))
    with django_assert_max_num_queries(8):
        assert client.get(f"{SHARE}{draft.pk}/budget/").status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(f"{SHARE}{draft.pk}/review/").status_code == 200


def test_the_review_sent_again_after_the_project_was_shared_leads_to_it(client, official, city):
    draft = started(client, city)
    save_every_step(client, draft, share_data(city))
    page = client.get(f"{SHARE}{draft.pk}/review/").text
    token = re.search(r'name="submission_token" value="([^"]+)"', page)[1]
    sent = {"documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0", "submission_token": token}
    first = client.post(f"{SHARE}{draft.pk}/review/", sent)
    again = client.post(f"{SHARE}{draft.pk}/review/", sent, follow=True)  # a double click, a retry
    assert again.redirect_chain[0][0] == first["Location"]
    assert "This was already sent; here it is." in again.text
    assert Project.objects.count() == 1
