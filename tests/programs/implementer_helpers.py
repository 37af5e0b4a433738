"""Set-up for the Project Implementer tests: calls open or closed, proposals ready to send or in a state."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from programs.implementer_workflow import CALL, PROPOSAL, RECEIVING
from programs.models import Area, ImplementerCall, Proposal
from programs.services import implementer as services
from tests.factories import MemberFactory, official_of
from tests.states import put_in
from wego.workflow.definitions import DRAFT

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def letter():
    return SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf")


def open_call(year=None, *, closes_in=datetime.timedelta(days=30), **fields):
    """An announced call, opened yesterday, with the usual criteria (of the year after the last call's)."""
    now = timezone.now()
    if year is None:
        latest = ImplementerCall.objects.order_by("-year").values_list("year", flat=True).first()
        year = max(2027, (latest or 0) + 1)
    call = ImplementerCall.objects.create(
        year=year,
        title=f"Project Implementer {year}",
        summary="Financial support and technical assistance for a feasibility study and a pilot.",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + closes_in,
        **fields,
    )
    services.scorecard_for(call)
    return put_in(call, CALL.state_with(RECEIVING))


def closed(call):
    """The call, its closing moment just passed: its results may be released."""
    ImplementerCall.objects.filter(pk=call.pk).update(
        closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call.refresh_from_db()
    return call


def city_with_official(name=None, **fields):
    member = MemberFactory(**({"name": name} if name else {}), **fields)
    return member.organisation, official_of(member)


def ready_proposal(call, organisation=None, official=None):
    """A draft with every step complete: ready to send."""
    if organisation is None:
        organisation, official = city_with_official()
    proposal = services.start_proposal(call, organisation, official)
    Proposal.objects.filter(pk=proposal.pk).update(
        title="Smart water meters",
        problem="A third of the water is lost in leaks.",
        objectives="Find the leaks.",
        expected_outcomes="Losses halved.",
        study_scope="The old town's network.",
        pilot_scope="2,000 meters in one district.",
        budget_amount=250000,
        budget_currency="USD",
        duration_months=18,
        timeline="Study in 2027, pilot in 2028.",
        stakeholders="The water utility runs it; the university evaluates it.",
        steps_saved=[
            "project",
            "objectives",
            "scope",
            "budget",
            "timeline",
            "stakeholders",
            "questions",
            "letter",
        ],
    )
    proposal.refresh_from_db()
    proposal.areas.set(
        [Area.objects.get_or_create(slug="water-management", defaults={"name": "Water Management"})[0]]
    )
    proposal.letter_of_intent.save("letter.pdf", letter())
    return proposal


def proposal_in(state, call=None):
    call = call or open_call()
    proposal = ready_proposal(call)
    return put_in(
        proposal, state, submitted_at=None if DRAFT in PROPOSAL.state(state).flags else timezone.now()
    )


def selected_proposal(call=None):
    proposal = proposal_in("selected", call)
    return proposal


def consultant(name="Seoul Consulting"):
    """A consultant partner and one of its officials."""
    from tests.factories import PartnerFactory

    partner = PartnerFactory(name=name, type="consultant")
    return partner, official_of(partner)


def open_tender(proposal=None, *, deadline_in=datetime.timedelta(hours=2), invited=(), open_to_all=False):
    from programs.models import Tender
    from programs.services import tenders
    from programs.tender_workflow import BIDDING, TENDER

    tender = Tender.objects.create(
        proposal=proposal or selected_proposal(),
        scope="A feasibility study of smart water meters and a pilot in one district.",
        deadline=timezone.now() + deadline_in,
        open_to_all=open_to_all,
    )
    tender.invited.set(invited)
    tenders.scorecard_for(tender)
    return put_in(tender, TENDER.state_with(BIDDING))


BID_FIELDS = {
    "approach": "Survey the network, then meter one district.",
    "team": "Two engineers and a data analyst.",
    "timeline": "Twelve months.",
    "price": "120000",
    "currency": "USD",
}


def project_under_way(call=None):
    """A selected proposal whose tender chose a consultant: (proposal, city official, consultant official)."""
    proposal = selected_proposal(call)
    partner, consultant_official = consultant(f"Consultant of {proposal.organisation.name}")
    Proposal.objects.filter(pk=proposal.pk).update(consultant=partner)
    proposal.refresh_from_db()
    return proposal, official_of(proposal.organisation), consultant_official


def milestone_of(proposal, phase="feasibility-study", title="Inception report", due_on=None):
    from programs.models import Milestone

    return Milestone.objects.create(
        proposal=proposal, phase=phase, title=title, due_on=due_on or datetime.date(2028, 3, 31)
    )
