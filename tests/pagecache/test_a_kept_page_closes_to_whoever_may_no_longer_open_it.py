"""The application page is kept whole for each person with the decision to let them open it
(render_kept_for_person): on the next request after they lose the right to open it (their
affiliation ended, their partner declined the introduction, their staff role or their second
factor removed) they get a 404, not the page they were shown before."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from organisations.models import Affiliation
from programs.workflow import PROPOSING, SOLUTION_FINDER
from tests.factories import MemberFactory, official_of, official_of_partner, secretariat_user
from tests.programs.sf_helpers import application_in, introduce
from tests.states import put_in
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    city = MemberFactory(name="Cauayan")
    return application_in("under_review", organisation=city.organisation, started_by=official_of(city))


def opened_twice(client, person, url, django_assert_max_num_queries):
    """The person opens the page, and again from the cache: the session and the person, nothing else."""
    client.force_login(person)
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200


def test_an_official_whose_affiliation_ends_gets_a_404(client, application, django_assert_max_num_queries):
    official = application.started_by
    url = application.get_absolute_url()
    opened_twice(client, official, url, django_assert_max_num_queries)
    affiliation = Affiliation.objects.get(user=official, organisation=application.organisation)
    perform(affiliation, "withdraw", actor=official)
    assert client.get(url).status_code == 404


def test_a_partner_that_declines_its_introduction_gets_a_404(
    client, application, django_assert_max_num_queries
):
    put_in(application, sorted(SOLUTION_FINDER.states_with(PROPOSING))[0])  # introductions are answered
    introduction = introduce(application)
    partner_official = official_of_partner(introduction.partner)
    url = application.get_absolute_url()
    opened_twice(client, partner_official, url, django_assert_max_num_queries)
    perform(introduction, "partner_declines", actor=partner_official)
    assert client.get(url).status_code == 404


def test_staff_taken_out_of_the_secretariat_get_a_404(client, application, django_assert_max_num_queries):
    staff = secretariat_user()
    url = application.get_absolute_url()
    opened_twice(client, staff, url, django_assert_max_num_queries)
    staff.groups.remove(Group.objects.get(name="Secretariat"))
    assert client.get(url).status_code == 404


def test_staff_whose_second_factor_is_removed_no_longer_see_the_page(
    client, application, django_assert_max_num_queries
):
    staff = secretariat_user()
    url = application.get_absolute_url()
    opened_twice(client, staff, url, django_assert_max_num_queries)
    Authenticator.objects.filter(user=staff).delete()
    # Staff without a second factor hold no role: the portal sends them to enrol one first.
    response = client.get(url)
    assert response.status_code != 200
    assert "Messages between the city and WeGO" not in response.text
