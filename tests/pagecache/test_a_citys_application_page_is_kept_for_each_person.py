"""A city's Solution Finder application page is mostly kept for each person (wego/pagecache/fragments.py):
the next request after any change shows it, each person sees their own view of it, and a kept part
that reads what it does not declare fails at once."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from tests.factories import MemberFactory, UserFactory, official_of, official_of_partner, secretariat_user
from tests.programs.sf_helpers import application_in, introduce
from wego.pagecache.fragments import kept_for_person
from wego.workflow.engine import perform
from wego.workflow.threads import post_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    city = MemberFactory(name="Cauayan")
    official = official_of(city)
    application = application_in("under_review", organisation=city.organisation, started_by=official)
    return application, official


def test_a_question_a_message_and_an_introduction_show_on_the_next_request(
    client, city, django_assert_max_num_queries
):
    application, official = city
    url = application.get_absolute_url()
    client.force_login(official)
    client.get(url)
    # The session, the person, the application and the person's two roles on it; the rest is kept.
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200

    staff = secretariat_user()
    perform(application, "request_clarification", actor=staff, note="Which districts are concerned?")
    page = client.get(url).text
    assert "Which districts are concerned?" in page
    assert "WeGO asked for clarifications" in page  # in the history, a kept part of its own

    post_message(application, staff, body="Please add the bus depots too.")
    assert "Please add the bus depots too." in client.get(url).text

    assert "Strategic partners WeGO proposed" not in client.get(url).text
    introduce(application)
    assert "Strategic partners WeGO proposed" in client.get(url).text


def test_each_person_gets_their_own_view_of_the_page(client, city):
    application, official = city
    partner_official = UserFactory()
    introduction = introduce(application)
    official_of_partner(introduction.partner, user=partner_official)
    url = application.get_absolute_url()

    client.force_login(official)
    assert "Messages between the city and WeGO" in client.get(url).text

    client.force_login(partner_official)
    partners_page = client.get(url).text
    assert "WeGO proposes to introduce this city and your organisation." in partners_page
    assert "Messages between the city and WeGO" not in partners_page
    assert application.contact_email not in partners_page

    client.force_login(official_of(MemberFactory(name="Kisumu")))
    assert client.get(url).status_code == 404


def test_a_kept_part_that_reads_what_it_does_not_declare_fails_at_once():
    request = RequestFactory().get("/my/")
    request.user = UserFactory()

    def render(csrf_token):
        return str(list(UserFactory._meta.model.objects.all()))

    with pytest.raises(ImproperlyConfigured, match="a-careless-part .* reads ..organisations_user"):
        kept_for_person(request, {"notifications"}, "a-careless-part", render)
