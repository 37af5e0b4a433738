"""The application page decides who may open it from the person's roles (permissions.may_open), for
speed; the list of visible applications (permissions.visible_applications) decides it for every other
page. The two give the same answer for every kind of person and application."""

import pytest

from programs.permissions import may_open, visible_applications
from programs.workflow import SOLUTION_FINDER
from tests.factories import MemberFactory, UserFactory, official_of, official_of_partner, secretariat_user
from tests.programs.sf_helpers import application_in, introduce
from tests.states import put_in

pytestmark = pytest.mark.django_db


def test_may_open_agrees_with_visible_applications_for_everyone():
    city = MemberFactory(name="Cauayan")
    draft = application_in("draft", organisation=city.organisation)
    submitted = application_in("submitted", organisation=MemberFactory(name="Kisumu").organisation)
    live_on_draft = introduce(draft)
    live = introduce(submitted)
    ended = put_in(introduce(submitted), "declined")

    people = {
        "official of the city": official_of(city),
        "Secretariat": secretariat_user(),
        "Secretariat and official of the city": official_of(city, user=secretariat_user()),
        "partner with a live introduction": official_of_partner(live.partner),
        "partner introduced to a draft": official_of_partner(live_on_draft.partner),
        "Secretariat and partner introduced to a draft": official_of_partner(
            live_on_draft.partner, user=secretariat_user()
        ),
        "partner whose introduction ended": official_of_partner(ended.partner),
        "someone else": UserFactory(),
    }
    for who, person in people.items():
        for application in (draft, submitted):
            listed = visible_applications(person).filter(pk=application.pk).exists()
            roles = SOLUTION_FINDER.roles_of(person, application)
            assert may_open(person, application, roles) == listed, (who, application.status)


def test_someone_who_may_not_open_it_finds_no_page(client):
    application = application_in("submitted")
    client.force_login(official_of(MemberFactory(name="Kisumu")))
    assert client.get(application.get_absolute_url()).status_code == 404
    client.force_login(official_of(application.organisation))
    assert client.get(application.get_absolute_url()).status_code == 200
