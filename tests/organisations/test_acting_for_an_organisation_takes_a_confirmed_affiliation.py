import itertools

import pytest
from django.db import IntegrityError

from organisations.access import acts_for, organisations_of
from organisations.models import Affiliation
from organisations.services import request_affiliation
from organisations.workflow import AFFILIATION
from tests.factories import MemberFactory, MembershipApplicationFactory, UserFactory, secretariat_user
from tests.states import check_move, declared_moves, put_in
from wego.notifications.models import Notification
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

ALLOWED = {
    "requested": {
        "approve": ("approved", "secretariat"),
        "decline": ("declined", "secretariat"),
        "withdraw": ("withdrawn", "requester"),
        "revoke": ("revoked", "secretariat"),
    },
    "approved": {"withdraw": ("withdrawn", "requester"), "revoke": ("revoked", "secretariat")},
    "declined": {},
    "withdrawn": {},
    "revoked": {},
}


def affiliation_in(state, **kwargs):
    affiliation = Affiliation.objects.create(
        user=kwargs.get("user") or UserFactory(),
        organisation=(kwargs.get("member") or MemberFactory()).organisation,
        title="Director of Smart City Division",
        justification="I lead the city's digital office.",
    )
    put_in(affiliation, state)
    return affiliation


def test_the_affiliation_table_declares_exactly_the_issues_process():
    assert declared_moves(AFFILIATION) == ALLOWED


@pytest.mark.parametrize(
    ("state", "transition", "role"),
    list(
        itertools.product(
            ALLOWED,
            ["approve", "decline", "withdraw", "revoke"],
            ["requester", "secretariat", "another user"],
        )
    ),
)
def test_every_affiliation_move_is_allowed_or_refused_as_declared(state, transition, role):
    affiliation = affiliation_in(state)
    person = {
        "requester": affiliation.user,
        "secretariat": secretariat_user(),
        "another user": UserFactory(),
    }[role]
    check_move(ALLOWED, affiliation, transition, person, role, note="Checked.")


def test_only_a_confirmed_affiliation_lets_a_person_act_for_the_organisation():
    affiliation = affiliation_in("requested")
    person, city = affiliation.user, affiliation.organisation
    assert not acts_for(person, city)
    perform(affiliation, "approve", actor=secretariat_user())
    assert acts_for(person, city) and list(organisations_of(person)) == [city]
    assert not acts_for(UserFactory(), city)
    perform(affiliation, "withdraw", actor=person)
    assert not acts_for(person, city)


def test_one_person_may_act_for_several_organisations_and_an_organisation_has_many_officials():
    staff = secretariat_user()
    person, city, colleague = UserFactory(), MemberFactory(), UserFactory()
    for user, member in [(person, city), (person, MemberFactory()), (colleague, city)]:
        perform(affiliation_in("requested", user=user, member=member), "approve", actor=staff)
    assert organisations_of(person).count() == 2
    assert acts_for(colleague, city)


def test_asking_twice_for_the_same_organisation_is_refused_while_the_first_is_open():
    first = affiliation_in("requested")
    with pytest.raises(IntegrityError):
        affiliation_in("requested", user=first.user, member=first.organisation.member)


def test_a_request_tells_the_secretariat_and_the_answer_tells_the_person(django_capture_on_commit_callbacks):
    staff = secretariat_user()
    person, city = UserFactory(), MemberFactory(name="Kisumu")
    with django_capture_on_commit_callbacks(execute=True):
        affiliation = request_affiliation(
            person, city.organisation, title="CIO", justification="I run the city's IT."
        )
        perform(affiliation, "decline", actor=staff, note="Please ask the mayor's office to confirm.")
    to_staff, to_person = Notification.objects.order_by("pk")
    assert to_staff.recipient == staff
    assert to_staff.subject == f"{person.email}'s request to act for Kisumu is now “Requested”"
    assert "Someone asks to act for this organisation" in to_staff.body_text
    assert to_person.recipient == person and "Please ask the mayor's office" in to_person.body_text


def test_the_states_are_declared_once():
    assert [state.name for state in AFFILIATION.states] == list(ALLOWED)


def test_approving_a_membership_makes_the_applicant_its_first_official(report_data):
    application = MembershipApplicationFactory(country="KE")
    put_in(application, "recommended")
    approved = perform(application, "approve", actor=secretariat_user())
    assert acts_for(application.applicant, approved.member)
