"""The Project Implementer's authorization matrix: every page and action of the issue, for each of
the people the issue names. Allowed people get the page; everyone else signed in gets 404 (never
403: what is not yours does not exist for you), a visitor the sign-in page. A sealed bid's words
appear in no page anyone but its bidder opens."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from programs.models import Bid, BidDocument, Milestone, ProgressReport, Proposal, TenderDocument
from programs.services import tenders as tender_services
from reviews.models import Assignment, Recusal
from reviews.services import assign
from reviews.workflow import SCORECARD, SCORING
from tests.factories import MemberFactory, official_of, secretariat_user, staff_in
from tests.programs.implementer_helpers import (
    BID_FIELDS,
    PDF,
    city_with_official,
    consultant,
    open_call,
    open_tender,
    ready_proposal,
)
from tests.states import put_in
from wego.workflow.engine import perform
from wego.workflow.versions import record_version

pytestmark = pytest.mark.django_db

SECRET = "Our approach is a secret until the deadline."
PEOPLE = [
    "anonymous",
    "official of the applicant",
    "official of another city",
    "reviewer assigned",
    "reviewer not assigned",
    "recused reviewer",
    "invited partner",
    "bidding partner",
    "other partner",
    "staff without a second factor",
    "Secretariat",
]


@dataclass
class World:
    people: dict
    proposal: Proposal
    call: object
    assignment: Assignment
    recused: Assignment
    tender: object
    tender_document: TenderDocument
    bid_document: BidDocument
    project: Proposal
    milestone: Milestone
    report: ProgressReport


def pdf(name="file.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def build():
    city, applicant = city_with_official("Applicant City")
    call = open_call()
    put_in(call.scorecard, sorted(SCORECARD.states_with(SCORING))[0])
    proposal = ready_proposal(call, city, applicant)
    perform(proposal, "submit", actor=applicant)
    put_in(proposal, "under_review")
    record_version(proposal, actor=applicant)
    reviewers = [staff_in("Programme reviewer") for _ in range(3)]
    assignment = assign(call.scorecard, proposal, reviewers[0], by=reviewers[0])
    recused = assign(call.scorecard, proposal, reviewers[2], by=reviewers[2])
    Assignment.objects.filter(pk=recused.pk).update(recusal=Recusal.DECLARED, recusal_note="I advised them.")

    bidder, bidder_official = consultant("Bidding Consulting")
    invited, invited_official = consultant("Invited Consulting")
    other, other_official = consultant("Other Consulting")
    selected = ready_proposal(open_call(), city, applicant)
    put_in(selected, "selected", submitted_at=call.opens_at)
    tender = open_tender(selected, invited=[bidder, invited])
    tender_document = TenderDocument.objects.create(tender=tender, title="Terms of reference", file=pdf())
    tender_services.save_bid(
        tender, bidder, bidder_official, {**BID_FIELDS, "approach": SECRET}, [("CVs", pdf())]
    )
    bid_document = Bid.objects.get().documents.get()

    project = ready_proposal(open_call(), city, applicant)
    put_in(project, "selected", submitted_at=call.opens_at, consultant=bidder)
    milestone = Milestone.objects.create(
        proposal=project, phase="pilot", title="Pilot report", due_on="2028-01-31"
    )
    milestone.deliverable.save("pilot.pdf", pdf())
    report = ProgressReport.objects.create(
        proposal=project, due_on="2028-02-28", summary="Half done.", file=pdf()
    )

    no_mfa = staff_in("Secretariat")
    no_mfa.authenticator_set.all().delete()
    people = {
        "anonymous": AnonymousUser(),
        "official of the applicant": applicant,
        "official of another city": official_of(MemberFactory(name="Another City")),
        "reviewer assigned": reviewers[0],
        "reviewer not assigned": reviewers[1],
        "recused reviewer": reviewers[2],
        "invited partner": invited_official,
        "bidding partner": bidder_official,
        "other partner": other_official,
        "staff without a second factor": no_mfa,
        "Secretariat": secretariat_user(),
    }
    return World(
        people,
        proposal,
        call,
        assignment,
        recused,
        tender,
        tender_document,
        bid_document,
        project,
        milestone,
        report,
    )


CITY = {"official of the applicant", "Secretariat"}
PROJECT = {"official of the applicant", "bidding partner", "Secretariat"}
TENDER = {"invited partner", "bidding partner"}
EVERYONE = set(PEOPLE)

# (name, address from the world, who may open it)
PAGES = [
    ("the programme", lambda w: reverse("programs:implementer"), EVERYONE),
    ("the call", lambda w: w.call.get_absolute_url(), EVERYONE),
    ("the proposal", lambda w: reverse("programs:proposal", args=[w.proposal.pk]), CITY),
    (
        "the proposal's review page",
        lambda w: reverse("programs:proposal-review", args=[w.proposal.pk]),
        {"official of the applicant"},
    ),
    ("the letter of intent", lambda w: reverse("programs:proposal-letter", args=[w.proposal.pk]), CITY),
    (
        "the reviewers of the call",
        lambda w: reverse("programs:implementer-reviewing", args=[w.call.year]),
        {"Secretariat"},
    ),
    ("the ranking", lambda w: reverse("programs:implementer-ranking", args=[w.call.year]), {"Secretariat"}),
    (
        "the ranking as CSV",
        lambda w: reverse("programs:implementer-ranking", args=[w.call.year]) + "?format=csv",
        {"Secretariat"},
    ),
    ("an assignment", lambda w: reverse("reviews:assignment", args=[w.assignment.pk]), {"reviewer assigned"}),
    (
        "a recused assignment",
        lambda w: reverse("reviews:assignment", args=[w.recused.pk]),
        {"recused reviewer"},
    ),
    ("the tender", lambda w: reverse("programs:tender", args=[w.tender.pk]), TENDER),
    (
        "the tender's document",
        lambda w: reverse("programs:tender-document", args=[w.tender.pk, w.tender_document.pk]),
        TENDER,
    ),
    (
        "a bid's document",
        lambda w: reverse("programs:tender-bid-document", args=[w.tender.pk, w.bid_document.pk]),
        {"bidding partner"},
    ),
    (
        "a bid's document at its bid's address",
        lambda w: reverse(
            "programs:bid-document", args=[w.tender.pk, w.bid_document.bid_id, w.bid_document.pk]
        ),
        {"bidding partner"},
    ),
    # Sealed: the bids' evaluation pages exist for nobody, the Secretariat included, nor their export.
    ("the bids' reviewers", lambda w: reverse("programs:tender-reviewing", args=[w.tender.pk]), set()),
    ("the bids' ranking", lambda w: reverse("programs:tender-ranking", args=[w.tender.pk]), set()),
    (
        "the bids' ranking as CSV",
        lambda w: reverse("programs:tender-ranking", args=[w.tender.pk]) + "?format=csv",
        set(),
    ),
    ("the project", lambda w: reverse("programs:implementer-project", args=[w.project.pk]), PROJECT),
    (
        "a deliverable",
        lambda w: reverse("programs:milestone-deliverable", args=[w.project.pk, w.milestone.pk]),
        PROJECT,
    ),
    ("a report's file", lambda w: reverse("programs:report-file", args=[w.project.pk, w.report.pk]), PROJECT),
]

# (name, address, who reaches the action at all; everyone else signed in gets 404)
ACTIONS = [
    ("a step on the proposal", lambda w: reverse("programs:proposal-transition", args=[w.proposal.pk]), CITY),
    ("a message on the proposal", lambda w: reverse("programs:proposal-message", args=[w.proposal.pk]), CITY),
    ("a score", lambda w: reverse("reviews:score", args=[w.assignment.pk]), {"reviewer assigned"}),
    ("a conflict", lambda w: reverse("reviews:conflict", args=[w.assignment.pk]), {"reviewer assigned"}),
    (
        "an assignment by hand",
        lambda w: reverse("programs:implementer-assign", args=[w.call.year]),
        {"Secretariat"},
    ),
    (
        "a draw of reviewers",
        lambda w: reverse("programs:implementer-draw", args=[w.call.year]),
        {"Secretariat"},
    ),
    ("a bid", lambda w: reverse("programs:tender-bid", args=[w.tender.pk]), TENDER),
    (
        "a bid's new document",
        lambda w: reverse("programs:tender-bid-document-add", args=[w.tender.pk]),
        {"bidding partner"},
    ),
    (
        "a deliverable uploaded",
        lambda w: reverse("programs:milestone-upload", args=[w.project.pk, w.milestone.pk]),
        PROJECT,
    ),
    (
        "a milestone's step",
        lambda w: reverse("programs:milestone-transition", args=[w.project.pk, w.milestone.pk]),
        PROJECT,
    ),
    ("a report sent", lambda w: reverse("programs:report-send", args=[w.project.pk, w.report.pk]), PROJECT),
    (
        "the Plan saved",
        lambda w: reverse("programs:project-plan", args=[w.project.pk]),
        {"official of the applicant", "bidding partner"},
    ),
]


def client_of(client, person):
    client.logout()
    if person.is_authenticated:
        client.force_login(person)
    return client


@pytest.mark.parametrize(("page", "address", "allowed"), PAGES, ids=[page[0] for page in PAGES])
def test_each_page_opens_for_whom_it_is_and_for_nobody_else(client, page, address, allowed):
    world = build()
    url = address(world)
    for name in PEOPLE:
        response = client_of(client, world.people[name]).get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if name in allowed:
            assert response.status_code == 200, f"{page} should open for {name}"
        elif name == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], page
        else:
            assert response.status_code == 404, f"{page} should not exist for {name}"
        if name != "bidding partner":
            assert SECRET.encode() not in content, f"{page} shows a sealed bid to {name}"


@pytest.mark.parametrize(("action", "address", "allowed"), ACTIONS, ids=[action[0] for action in ACTIONS])
def test_each_action_is_refused_to_whom_it_is_not_and_changes_nothing(client, action, address, allowed):
    world = build()
    url = address(world)
    before = snapshot()
    for name in PEOPLE:
        if name in allowed:
            continue
        response = client_of(client, world.people[name]).post(
            url, {"transition": "withdraw", "confirmed": "yes"}
        )
        if name == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], action
        else:
            assert response.status_code == 404, f"{action} should not exist for {name}"
    assert snapshot() == before


def snapshot():
    return (
        list(Proposal.objects.order_by("pk").values_list("pk", "status")),
        list(Bid.objects.values_list("pk", "approach", "price")),
        list(Milestone.objects.values_list("pk", "status", "deliverable")),
        list(ProgressReport.objects.values_list("pk", "summary", "sent_at")),
        Assignment.objects.count(),
        BidDocument.objects.count(),
    )
