"""Step 4: the city or its consultant delivers each milestone, the Secretariat accepts it or asks for
rework; reports are sent on their dates; the Plan is the Solution Finder's; completion puts the
project, with its indicators, in the Exchange."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from programs.implementation_workflow import ACCEPTED, MILESTONE
from programs.implementer_workflow import PROPOSAL
from programs.models import Beneficiary, IndicatorReading, Phase, PlanIndicator, ProgressReport
from programs.workflow import PROJECT_SHARING, PUBLIC
from tests.factories import MemberFactory, UserFactory, official_of, secretariat_user
from tests.programs.implementer_helpers import PDF, milestone_of, project_under_way
from tests.states import check_move, declared_moves, put_in
from wego.workflow.engine import perform
from wego.workflow.errors import NotReady

pytestmark = pytest.mark.django_db

ALLOWED = {
    "planned": {"deliver": ("delivered", "city|consultant")},
    "delivered": {
        "accept": ("accepted", "secretariat"),
        "request_rework": ("rework_requested", "secretariat"),
    },
    "rework_requested": {"deliver": ("delivered", "city|consultant")},
    "accepted": {},
}
ROLES = [
    "city",
    "consultant",
    "secretariat",
    "official of another city",
    "staff outside the Secretariat",
    "anonymous",
]


def test_the_milestone_table_declares_exactly_the_issues_process():
    assert declared_moves(MILESTONE) == ALLOWED


def actor(role, proposal, city, consultant):
    return {
        "city": lambda: city,
        "consultant": lambda: consultant,
        "secretariat": secretariat_user,
        "official of another city": lambda: official_of(MemberFactory()),
        "staff outside the Secretariat": lambda: UserFactory(is_staff=True),
        "anonymous": AnonymousUser,
    }[role]()


@pytest.mark.parametrize(
    ("state", "transition", "role"),
    list(itertools.product(ALLOWED, ["deliver", "accept", "request_rework"], ROLES)),
)
def test_every_milestone_move_is_allowed_or_refused_as_declared(state, transition, role):
    proposal, city, consultant = project_under_way()
    milestone = milestone_of(proposal)
    milestone.deliverable.save("inception.pdf", SimpleUploadedFile("inception.pdf", PDF))
    put_in(milestone, state)
    check_move(
        ALLOWED, milestone, transition, actor(role, proposal, city, consultant), role, note="Add the survey."
    )


def test_a_milestone_is_not_delivered_without_its_deliverable():
    proposal, city, _ = project_under_way()
    with pytest.raises(NotReady, match="Upload the deliverable first"):
        perform(milestone_of(proposal), "deliver", actor=city)


def test_the_consultant_uploads_and_delivers_and_the_secretariat_accepts(client):
    proposal, city, consultant = project_under_way()
    milestone = milestone_of(proposal)
    client.force_login(consultant)
    page = reverse("programs:implementer-project", args=[proposal.pk])
    assert "Inception report" in client.get(page).content.decode()
    client.post(
        reverse("programs:milestone-upload", args=[proposal.pk, milestone.pk]),
        {f"m{milestone.pk}-deliverable": SimpleUploadedFile("inception.pdf", PDF)},
    )
    client.post(
        reverse("programs:milestone-transition", args=[proposal.pk, milestone.pk]),
        {"transition": "deliver", "seen_state": "planned"},
    )
    milestone.refresh_from_db()
    assert milestone.status == MILESTONE.transition("deliver").target and milestone.delivered_by == consultant
    perform(milestone, "accept", actor=secretariat_user())
    milestone.refresh_from_db()
    assert MILESTONE.has(milestone, ACCEPTED)


def test_a_deliverable_on_an_accepted_milestone_is_refused_and_nothing_changes(client):
    proposal, city, _ = project_under_way()
    milestone = milestone_of(proposal)
    milestone.deliverable.save("inception.pdf", SimpleUploadedFile("inception.pdf", PDF))
    put_in(milestone, MILESTONE.state_with(ACCEPTED))
    before = milestone.deliverable.name
    client.force_login(city)
    response = client.post(
        reverse("programs:milestone-upload", args=[proposal.pk, milestone.pk]),
        {f"m{milestone.pk}-deliverable": SimpleUploadedFile("other.pdf", PDF)},
        follow=True,
    )
    assert "its deliverable can no longer change" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.deliverable.name == before


def test_a_file_that_is_not_what_it_claims_is_refused(client):
    proposal, city, _ = project_under_way()
    milestone = milestone_of(proposal)
    client.force_login(city)
    response = client.post(
        reverse("programs:milestone-upload", args=[proposal.pk, milestone.pk]),
        {f"m{milestone.pk}-deliverable": SimpleUploadedFile("inception.pdf", b"MZ\x90\x00 not a pdf")},
    )
    assert response.status_code == 400
    milestone.refresh_from_db()
    assert not milestone.deliverable


def test_a_report_is_sent_once(client):
    proposal, city, _ = project_under_way()
    report = ProgressReport.objects.create(proposal=proposal, due_on="2028-06-30")
    client.force_login(city)
    url = reverse("programs:report-send", args=[proposal.pk, report.pk])
    client.post(url, {f"r{report.pk}-summary": "The survey is done."})
    response = client.post(url, {f"r{report.pk}-summary": "Again."}, follow=True)
    report.refresh_from_db()
    assert report.summary == "The survey is done." and report.sent_by == city
    assert "sent already" in response.content.decode()


def test_nobody_but_the_city_its_consultant_and_the_secretariat_opens_the_project(client):
    proposal, city, consultant = project_under_way()
    milestone = milestone_of(proposal)
    url = reverse("programs:implementer-project", args=[proposal.pk])
    for person in (city, consultant, secretariat_user()):
        client.force_login(person)
        assert client.get(url).status_code == 200
    upload = reverse("programs:milestone-upload", args=[proposal.pk, milestone.pk])
    client.force_login(official_of(MemberFactory()))
    assert client.get(url).status_code == 404 and client.post(upload, {}).status_code == 404
    # Staff without a second factor are asked to enrol one first, and see nothing of the project.
    client.force_login(UserFactory(is_staff=True))
    assert "Inception report" not in client.get(url).content.decode()
    assert client.post(upload, {}).status_code != 302


def test_the_plan_is_kept_and_read_and_completion_puts_the_project_in_the_exchange(client):
    proposal, city, consultant = project_under_way()
    Beneficiary.objects.create(
        call=proposal.call, organisation=proposal.organisation, proposal=proposal, selected_in="2027-02-01"
    )
    client.force_login(city)
    client.post(
        reverse("programs:project-plan", args=[proposal.pk]),
        {
            "stakeholders-TOTAL_FORMS": "1",
            "stakeholders-INITIAL_FORMS": "0",
            "stakeholders-0-name": "Water utility",
            "stakeholders-0-organisation": "City of Baguio",
            "stakeholders-0-role": "execute",
            "indicators-TOTAL_FORMS": "1",
            "indicators-INITIAL_FORMS": "0",
            "indicators-0-name": "Water lost in leaks",
            "indicators-0-unit": "%",
            "indicators-0-baseline": "33",
            "indicators-0-target": "15",
        },
    )
    indicator = PlanIndicator.objects.get(proposal=proposal)
    client.post(
        reverse("programs:project-reading", args=[proposal.pk, indicator.pk]),
        {"value": "21", "measured_on": "2026-11-01"},
    )
    assert IndicatorReading.objects.get(indicator=indicator).value == 21
    for phase in Phase.values:
        put_in(milestone_of(proposal, phase=phase, title=phase), MILESTONE.state_with(ACCEPTED))
    perform(proposal, "complete", actor=secretariat_user())
    project = Beneficiary.objects.get(proposal=proposal).project
    assert PROJECT_SHARING.has(project, PUBLIC)
    assert project.partners.get() == proposal.consultant
    [shown] = project.indicators.all()
    assert (shown.name, shown.baseline, shown.target, shown.achieved) == ("Water lost in leaks", 33, 15, 21)
    exchange = client.get(reverse("programs:exchange"), {"q": "smart water meters"})
    assert project.title in exchange.content.decode()
    # Completed: the Plan no longer changes.
    proposal.refresh_from_db()
    assert not PROPOSAL.has(proposal, "selected")
