"""My WeGO lists the Smart City Driver's work of the person's organisations and partners, nobody else's."""

import pytest
from django.urls import reverse

from programs.models import ProjectDraft
from tests.factories import MemberFactory, ProjectFactory, official_of
from tests.states import put_in

from .sf_helpers import application_in, introduce, official_of_partner

pytestmark = pytest.mark.django_db


def test_an_official_sees_their_organisations_applications_and_shared_projects(client):
    application = application_in("submitted")
    shared = ProjectFactory(organisation=application.organisation, status="submitted", title="River gauges")
    someone_elses = application_in("submitted")
    client.force_login(official_of(application.organisation))
    page = client.get(reverse("dashboard")).content.decode()
    assert str(application) in page and "Submitted to WeGO" in page
    assert reverse("programs:exchange-shared", args=[shared.pk]) in page
    assert str(someone_elses) not in page


def test_an_official_finds_the_projects_not_shared_yet_and_continues_them(client):
    application = application_in("submitted")
    draft = ProjectDraft.objects.create(
        organisation=application.organisation, drafts={"project": {"title": ["River gauges"]}}
    )
    ProjectDraft.objects.create(organisation=MemberFactory(name="Elsewhere").organisation)
    client.force_login(official_of(application.organisation))
    page = client.get(reverse("dashboard")).content.decode()
    assert "Projects not shared yet (1)" in page and "River gauges" in page
    assert reverse("programs:exchange-share-continue", args=[draft.pk]) in page
    # The panel's heading counts the draft with the application.
    assert "Smart City Driver (2)" in page


def test_a_partner_official_sees_the_cities_they_were_introduced_to(client):
    introduction = introduce(application_in("feedback_given"))
    withdrawn_city = application_in("feedback_given", organisation=MemberFactory(name="Withdrawn City"))
    put_in(introduce(withdrawn_city, introduction.partner), "withdrawn")
    client.force_login(official_of_partner(introduction.partner))
    page = client.get(reverse("dashboard")).content.decode()
    assert introduction.application.organisation.name in page
    assert "Withdrawn City" not in page


def test_the_dashboard_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    application = application_in("submitted")
    person = official_of(application.organisation)
    for _ in range(5):
        application_in("submitted", organisation=application.organisation)
    client.force_login(person)
    with django_assert_max_num_queries(40):
        assert client.get(reverse("dashboard")).status_code == 200
