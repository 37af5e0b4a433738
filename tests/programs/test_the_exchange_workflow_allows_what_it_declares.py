"""PROJECT_SHARING's transition table: every state × transition × role, allowed or refused as declared."""

import itertools

import pytest

from programs.models import Project
from programs.workflow import PROJECT_SHARING
from tests.factories import MemberFactory, ProjectFactory, UserFactory, official_of, secretariat_user
from tests.states import check_move, declared_moves, put_in
from wego.notifications.models import Notification
from wego.workflow.engine import perform
from wego.workflow.errors import NoteRequired

pytestmark = pytest.mark.django_db

# state -> {transition: (target, role)}: submitted → published | returned → submitted;
# published → unpublished → published.
ALLOWED = {
    "submitted": {"publish": ("published", "secretariat"), "return": ("returned", "secretariat")},
    "returned": {"resubmit": ("submitted", "submitter")},
    "published": {"unpublish": ("unpublished", "secretariat")},
    "unpublished": {"publish": ("published", "secretariat")},
}
ROLES = ["submitter", "secretariat", "official of another city", "staff outside the Secretariat", "anonymous"]
# Who hears of each step.
TOLD = {"publish": "sharer", "return": "sharer", "unpublish": "sharer", "resubmit": "secretariat"}


def project_in(state):
    organisation = MemberFactory()
    sharer = official_of(organisation)
    project = ProjectFactory(organisation=organisation, shared_by=sharer)
    put_in(project, state)
    return project


def actor(role, project):
    from django.contrib.auth.models import AnonymousUser

    return {
        "submitter": lambda: project.shared_by,
        "secretariat": secretariat_user,
        "official of another city": lambda: official_of(MemberFactory()),
        "staff outside the Secretariat": lambda: UserFactory(is_staff=True),
        "anonymous": AnonymousUser,
    }[role]()


def test_the_table_declares_exactly_the_issues_process():
    declared = declared_moves(PROJECT_SHARING)
    assert declared == ALLOWED
    assert PROJECT_SHARING.initial == "submitted"


CASES = list(itertools.product(ALLOWED, [t.name for t in PROJECT_SHARING.transitions], ROLES))


@pytest.mark.parametrize(("state", "transition", "role"), CASES)
def test_every_move_is_allowed_or_refused_as_declared(state, transition, role):
    project = project_in(state)
    person = actor(role, project)
    reviewer = secretariat_user(email="reviewer@we-gov.org")
    Notification.objects.all().delete()
    record = check_move(ALLOWED, project, transition, person, role, note="Please name the funding sources.")
    recipients = {n.recipient for n in Notification.objects.all()}
    if not record:
        assert not recipients
    elif TOLD[transition] == "sharer":
        assert recipients == {project.shared_by}
    else:
        assert reviewer in recipients and all(u.is_staff for u in recipients)


@pytest.mark.parametrize("transition", ["return", "unpublish"])
def test_returning_and_unpublishing_need_a_comment(transition):
    project = project_in("submitted" if transition == "return" else "published")
    with pytest.raises(NoteRequired):
        perform(project, transition, actor=secretariat_user(), note="  ")


def test_publishing_records_the_first_publication_only():
    project = project_in("submitted")
    staff = secretariat_user()
    first = perform(project, "publish", actor=staff).published_at
    perform(project, "unpublish", actor=staff, note="Outdated figures.")
    again = perform(Project.objects.get(pk=project.pk), "publish", actor=staff)
    assert first is not None and again.published_at == first


def test_a_project_staff_added_has_no_sharer_to_tell():
    project = ProjectFactory(status="submitted")
    perform(project, "publish", actor=secretariat_user())
    assert not Notification.objects.exists()


def test_the_buttons_offered_are_exactly_the_allowed_moves():
    project = project_in("submitted")
    assert [t.name for t in PROJECT_SHARING.available(project, secretariat_user())] == ["publish", "return"]
    assert PROJECT_SHARING.available(project, project.shared_by) == []
    returned = project_in("returned")
    assert [t.name for t in PROJECT_SHARING.available(returned, returned.shared_by)] == ["resubmit"]
