"""The Project Implementer where things go wrong: a letter step saved as a draft, a document added
while a bid changes, reviewers assigned after the scoring closed, a second tender, a filter typed by
hand, a closing moment in Seoul time, a page kept by a proxy across a call's closing."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from programs.models import Bid, BidDocument, ImplementerCall, Tender
from programs.services import tenders as tender_services
from reviews.services import ReviewRefused, assign, assign_at_random
from reviews.workflow import SCORECARD
from tests.factories import secretariat_user, staff_in
from tests.programs.implementer_helpers import (
    BID_FIELDS,
    consultant,
    letter,
    open_call,
    open_tender,
    proposal_in,
    ready_proposal,
    selected_proposal,
)
from tests.states import put_in
from wego.notifications.models import Notification
from wego.workflow.engine import perform
from wego.workflow.versions import versions_of

pytestmark = pytest.mark.django_db


def test_a_letter_step_saved_as_a_draft_still_lets_the_proposal_be_sent(client):
    proposal = ready_proposal(open_call())
    official = proposal.started_by
    client.force_login(official)
    url = reverse("programs:proposal-step", args=[proposal.pk, "letter"])
    client.post(url, {"save_draft": "1"})  # no file chosen
    client.post(url, {"letter_of_intent": letter()})
    client.post(reverse("programs:proposal-transition", args=[proposal.pk]), {"transition": "submit"})
    proposal.refresh_from_db()
    assert proposal.submitted_at is not None and versions_of(proposal).count() == 1


def test_a_document_added_to_a_bid_leaves_its_answers_as_they_are_now(client):
    partner, official = consultant()
    tender = open_tender(invited=[partner])
    bid = tender_services.save_bid(tender, partner, official, BID_FIELDS)
    Bid.objects.filter(pk=bid.pk).update(price=99000)  # another official changed the price meanwhile
    client.force_login(official)
    client.post(
        reverse("programs:tender-bid-document-add", args=[tender.pk]),
        {"title": "CVs", "file": letter()},
    )
    assert BidDocument.objects.get().title == "CVs" and Bid.objects.get().price == 99000


def test_reviewers_are_not_assigned_once_the_scoring_closed():
    call = open_call()
    proposal = proposal_in("under_review", call)
    put_in(call.scorecard, sorted(SCORECARD.states_with("shared"))[0])
    reviewer = staff_in("Programme reviewer")
    with pytest.raises(ReviewRefused, match="scoring is closed"):
        assign(call.scorecard, proposal, reviewer, by=reviewer)
    with pytest.raises(ReviewRefused, match="scoring is closed"):
        assign_at_random(call.scorecard, [proposal], 1, by=reviewer)


def test_a_proposal_has_one_tender_at_a_time():
    proposal = selected_proposal()
    open_tender(proposal)
    with pytest.raises(IntegrityError):
        Tender.objects.create(proposal=proposal, scope="Again.", deadline=timezone.now())


def test_a_tender_opened_tells_the_invited_consultants():
    partner, official = consultant()
    tender = open_tender(invited=[partner])
    put_in(tender, "preparing")
    Notification.objects.all().delete()
    perform(tender, "open", actor=secretariat_user())
    [mail] = Notification.objects.all()
    assert mail.recipient == official and mail.subject.startswith("WeGO invites your bid for the project of")


def test_a_bids_list_filtered_by_hand_with_no_number_answers_an_empty_list(client):
    client.force_login(secretariat_user(is_superuser=True))
    response = client.get(reverse("admin:programs_bid_changelist"), {"tender": "abc"})
    assert response.status_code == 200


def test_the_admin_reads_a_closing_moment_in_seoul_time(client):
    client.force_login(secretariat_user(is_superuser=True))
    client.post(
        reverse("admin:programs_implementercall_add"),
        {
            "year": "2033",
            "title": "Project Implementer 2033",
            "summary": "…",
            "opens_at_0": "2033-01-10",
            "opens_at_1": "09:00:00",
            "closes_at_0": "2033-03-31",
            "closes_at_1": "18:00:00",
            "beneficiaries": "1",
            "eligibility": "member-local-governments",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "selected-TOTAL_FORMS": "0",
            "selected-INITIAL_FORMS": "0",
        },
    )
    closes = ImplementerCall.objects.get(year=2033).closes_at
    assert closes == datetime.datetime(2033, 3, 31, 18, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul"))


def test_a_proxy_keeps_a_call_page_no_longer_than_until_its_closing_moment(client):
    call = open_call(closes_in=datetime.timedelta(seconds=20))
    response = client.get(call.get_absolute_url())
    assert "s-maxage=" in response["Cache-Control"]
    kept = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert kept <= 20
    with time_machine.travel(call.closes_at + datetime.timedelta(days=400)):
        later = client.get(call.get_absolute_url())
    assert "s-maxage=30" in later["Cache-Control"]  # no moment to come: the usual time


def test_once_unsealed_the_secretariat_and_the_bids_reviewers_open_its_documents(client):
    partner, official = consultant()
    tender = open_tender(invited=[partner])
    bid = tender_services.save_bid(tender, partner, official, BID_FIELDS, [("CVs", letter())])
    document = bid.documents.get()
    url = reverse("programs:bid-document", args=[tender.pk, bid.pk, document.pk])
    reviewer, other = staff_in("Programme reviewer"), staff_in("Programme reviewer")
    staff = secretariat_user()
    client.force_login(staff)
    assert client.get(url).status_code == 404  # sealed
    with time_machine.travel(tender.deadline + datetime.timedelta(seconds=1)):
        perform(tender, "start_evaluation", actor=staff)
    put_in(tender.scorecard, sorted(SCORECARD.states_with("scoring"))[0])
    assign(tender.scorecard, Bid.objects.get(), reviewer, by=staff)
    for person, status in ((staff, 200), (reviewer, 200), (other, 404), (official, 200)):
        client.force_login(person)
        assert client.get(url).status_code == status
    client.force_login(reviewer)
    page = client.get(reverse("reviews:assignment", args=[reviewer.assignments.get().pk])).content.decode()
    assert url in page
