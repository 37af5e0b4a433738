"""Step 3: staff open a tender for a selected proposal; consultants bid and change their bid until
the deadline by the server's clock; nobody else reads a bid until staff unseal them after the
deadline (site, admin list and change pages, counts only); one bid is chosen, the others told."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from programs.models import Bid, Proposal
from programs.services import tenders as services
from programs.tender_workflow import BID, CHOSEN, TENDER, UNSEALED
from reviews.models import Assignment
from reviews.workflow import SCORECARD, SCORING
from tests.concurrency import at_once
from tests.factories import official_of, secretariat_user, staff_in
from tests.programs.implementer_helpers import BID_FIELDS, consultant, open_tender
from tests.states import put_in
from wego.notifications.models import Notification
from wego.workflow.engine import perform
from wego.workflow.errors import NotReady, TransitionError
from wego.workflow.versions import versions_of

pytestmark = pytest.mark.django_db


def bid_on(client, tender, person, partner, **changes):
    client.force_login(person)
    return client.post(
        reverse("programs:tender-bid", args=[tender.pk]), {**BID_FIELDS, "partner": partner.pk, **changes}
    )


def test_an_invited_consultant_bids_and_changes_the_bid_before_the_deadline(client):
    partner, official = consultant()
    tender = open_tender(invited=[partner])
    bid_on(client, tender, official, partner)
    bid_on(client, tender, official, partner, price="110000")
    bid = Bid.objects.get()
    assert (bid.partner, bid.price, bid.sent_by) == (partner, 110000, official)
    page = client.get(reverse("programs:tender", args=[tender.pk])).content.decode()
    assert "Save the changed bid" in page and "nobody but your organisation reads it" in page


def test_after_the_deadline_a_bid_is_neither_sent_nor_changed(client):
    partner, official = consultant()
    late, _ = consultant("Late Consulting")
    tender = open_tender(invited=[partner, late])
    bid_on(client, tender, official, partner)
    with time_machine.travel(tender.deadline + datetime.timedelta(seconds=1)):
        client.force_login(official)
        response = client.post(
            reverse("programs:tender-bid", args=[tender.pk]),
            {**BID_FIELDS, "partner": partner.pk, "price": "1"},
            follow=True,
        )
        assert "The deadline has passed" in response.content.decode()
        with pytest.raises(NotReady):
            services.save_bid(tender, late, official_of(late), {**BID_FIELDS, "price": 5})
    assert Bid.objects.get().price == 120000 and Bid.objects.count() == 1


def test_only_consultants_invited_or_every_consultant_of_an_open_tender_may_bid(client):
    invited, invited_official = consultant()
    other, other_official = consultant("Other Consulting")
    tender = open_tender(invited=[invited])
    client.force_login(other_official)
    assert client.get(reverse("programs:tender", args=[tender.pk])).status_code == 404
    with pytest.raises(NotReady, match="may not bid"):
        services.save_bid(tender, other, other_official, {**BID_FIELDS, "price": 5})
    open_one = open_tender(open_to_all=True)
    assert client.get(reverse("programs:tender", args=[open_one.pk])).status_code == 200


def test_a_sealed_bid_is_read_by_nobody_but_its_bidder(client):
    partner, official = consultant()
    rival, rival_official = consultant("Rival Consulting")
    tender = open_tender(invited=[partner, rival])
    bid_on(client, tender, official, partner, approach="Our secret method.")
    bid = Bid.objects.get()
    # Another bidder, the city, staff on the site: the tender page shows no other bid.
    for person in (rival_official, official_of(tender.proposal.organisation), secretariat_user()):
        client.force_login(person)
        response = client.get(reverse("programs:tender", args=[tender.pk]))
        assert "Our secret method." not in response.content.decode()
    # Staff in the admin: a count, no list, no page.
    client.force_login(secretariat_user(email="admin@we-gov.org", is_superuser=True))
    assert "Our secret method." not in client.get(reverse("admin:programs_bid_changelist")).content.decode()
    assert client.get(reverse("admin:programs_bid_change", args=[bid.pk]), follow=True).redirect_chain
    tender_page = client.get(reverse("admin:programs_tender_change", args=[tender.pk])).content.decode()
    assert "sealed until the deadline" in tender_page and "Our secret method." not in tender_page
    # Unsealing before the deadline is refused.
    with pytest.raises(NotReady, match="sealed until the deadline"):
        perform(tender, "start_evaluation", actor=secretariat_user())


def test_after_the_deadline_staff_unseal_the_bids_and_judge_the_version_at_the_deadline(client):
    partner, official = consultant()
    tender = open_tender(invited=[partner])
    bid_on(client, tender, official, partner, approach="Our method.")
    with time_machine.travel(tender.deadline + datetime.timedelta(seconds=1)):
        perform(tender, "start_evaluation", actor=secretariat_user())
    tender.refresh_from_db()
    assert TENDER.has(tender, UNSEALED)
    bid = Bid.objects.get()
    assert versions_of(bid).count() == 1
    client.force_login(secretariat_user(email="admin@we-gov.org", is_superuser=True))
    assert "Our method." in client.get(reverse("admin:programs_bid_change", args=[bid.pk])).content.decode()


def unsealed_with_two_bids(client):
    first, first_official = consultant("First Consulting")
    second, second_official = consultant("Second Consulting")
    tender = open_tender(invited=[first, second])
    bid_on(client, tender, first_official, first)
    bid_on(client, tender, second_official, second)
    with time_machine.travel(tender.deadline + datetime.timedelta(seconds=1)):
        perform(tender, "start_evaluation", actor=secretariat_user())
    return tender, first, second


def test_choosing_a_bid_makes_its_partner_the_consultant_and_tells_every_bidder(client):
    tender, first, second = unsealed_with_two_bids(client)
    Notification.objects.all().delete()
    chosen = Bid.objects.get(partner=first)
    perform(chosen, "choose", actor=secretariat_user())
    tender.refresh_from_db()
    assert TENDER.current(tender).final
    assert Proposal.objects.get(pk=tender.proposal_id).consultant == first
    assert BID.current(Bid.objects.get(partner=second)).name == "not_chosen"
    subjects = sorted(n.subject for n in Notification.objects.all())
    assert subjects == [
        "The bid of Second Consulting was not chosen",
        "WeGO chose the bid of First Consulting",
    ]


@pytest.mark.django_db(transaction=True)
def test_two_staff_choosing_two_bids_at_once_choose_one(client):
    tender, first, second = unsealed_with_two_bids(client)
    staff = [secretariat_user(), secretariat_user()]
    bids = [Bid.objects.get(partner=first), Bid.objects.get(partner=second)]
    results = at_once(
        *(
            lambda b=bid, s=person: perform(b, "choose", actor=s)
            for bid, person in zip(bids, staff, strict=True)
        )
    )
    assert sum(isinstance(result, TransitionError) for result in results) == 1
    assert Bid.objects.filter(BID.q(CHOSEN)).count() == 1
    assert Proposal.objects.get(pk=tender.proposal_id).consultant in (first, second)


@pytest.mark.django_db(transaction=True)
def test_two_bids_saved_at_the_deadline_are_both_kept_or_both_refused():
    first, first_official = consultant("First Consulting")
    second, second_official = consultant("Second Consulting")
    tender = open_tender(invited=[first, second])
    results = at_once(
        lambda: services.save_bid(tender, first, first_official, {**BID_FIELDS, "price": 100}),
        lambda: services.save_bid(tender, second, second_official, {**BID_FIELDS, "price": 200}),
    )
    assert all(isinstance(result, Bid) for result in results) and Bid.objects.count() == 2
    with time_machine.travel(tender.deadline):
        late = at_once(
            lambda: services.save_bid(tender, first, first_official, {**BID_FIELDS, "price": 1}),
            lambda: services.save_bid(tender, second, second_official, {**BID_FIELDS, "price": 2}),
        )
    assert all(isinstance(result, NotReady) for result in late)
    assert sorted(Bid.objects.values_list("price", flat=True)) == [100, 200]


def test_bids_are_judged_with_the_review_mechanism_once_unsealed(client):
    tender, first, second = unsealed_with_two_bids(client)
    scorecard = tender.scorecard
    put_in(scorecard, sorted(SCORECARD.states_with(SCORING))[0])
    reviewer = staff_in("Programme reviewer")
    client.force_login(secretariat_user())
    client.post(reverse("programs:tender-draw", args=[tender.pk]), {"per_proposal": 1})
    assignments = list(Assignment.objects.filter(scorecard=scorecard))
    assert len(assignments) == 2 and {a.reviewer for a in assignments} == {reviewer}
    client.force_login(reviewer)
    for assignment, values in zip(assignments, ((5, 4, 4, 3), (3, 3, 3, 3)), strict=True):
        page = client.get(reverse("reviews:assignment", args=[assignment.pk]))
        assert (
            "Survey the network, then meter one district." in page.content.decode()
        )  # the bid at the deadline
        data = {"recommendation": "support", "seen_version": 1}
        for criterion, value in zip(scorecard.criteria.order_by("position"), values, strict=True):
            data[f"score-{criterion.pk}"] = value
        client.post(reverse("reviews:score", args=[assignment.pk]), data)
    client.force_login(secretariat_user())
    ranking = client.get(reverse("programs:tender-ranking", args=[tender.pk]))
    best = ranking.context["rows"][0]
    assert best["subject"].partner in (first, second) and best["standing"].shown[0] == Decimal("4.00")
    exported = client.get(
        reverse("programs:tender-ranking", args=[tender.pk]), {"format": "csv"}
    ).content.decode()
    assert "120,000.00 USD" in exported


def test_the_bids_ranking_does_not_exist_while_they_are_sealed(client):
    partner, official = consultant()
    tender = open_tender(invited=[partner])
    bid_on(client, tender, official, partner)
    client.force_login(secretariat_user())
    for page in ("tender-reviewing", "tender-ranking"):
        assert client.get(reverse(f"programs:{page}", args=[tender.pk])).status_code == 404
    assert (
        client.get(reverse("programs:tender-ranking", args=[tender.pk]), {"format": "csv"}).status_code == 404
    )
