"""The sections of an organisation's page (what it appears in elsewhere on the portal) are kept once
for every visitor and person, under the kinds of content each shows: a page made anew after a change
to something else reads only the sections that show it; a change to what a section shows is on the
next request; one organisation's sections never show on another's page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import EventOrganisation
from organisations.appearances import SECTIONS, rendered_sections
from organisations.models import Organisation
from programs.models import Project
from tests.factories import EventFactory, MemberFactory, PartnerFactory, ProjectFactory, official_of
from wego.pagecache import content

pytestmark = pytest.mark.django_db


def sections_for(organisation, user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return "".join(rendered_sections(request, organisation))


def sections_of(organisation, user=None):
    """The sections as a request gets them: of the organisation as read for that request."""
    return sections_for(Organisation.objects.get(pk=organisation.pk), user)


def tables_read_by(render):
    with CaptureQueriesContext(connection) as captured:
        html = render()
    return html, content.tables_read([query["sql"] for query in captured.captured_queries])


@pytest.fixture
def city():
    """A member city with an Exchange project and an event it hosted."""
    member = MemberFactory(name="Ulaanbaatar")
    ProjectFactory(title="Smart bus stops", city=member)
    EventOrganisation.objects.create(
        event=EventFactory(title="Ulaanbaatar Smart City Day"), organisation=member.organisation, role="host"
    )
    return member


def test_every_section_names_the_kinds_of_content_it_shows():
    for section in SECTIONS.parts:
        assert section.shows, f"The {section.name} section names no kind of content"
        assert section.shows <= content.kinds() - content.personal_kinds()


def test_a_visitor_and_a_signed_in_person_get_the_sections_kept_once_without_a_query(city):
    official = official_of(city)
    first = sections_of(city.organisation)
    assert "Smart bus stops" in first and "Ulaanbaatar Smart City Day" in first
    organisation = Organisation.objects.get(pk=city.organisation.pk)
    with CaptureQueriesContext(connection) as captured:
        again = sections_for(organisation)
    assert captured.captured_queries == []
    for_official = sections_of(city.organisation, official)
    assert again == first == for_official


def test_a_change_to_another_kind_of_content_reads_only_the_sections_that_show_it(city):
    sections_of(city.organisation)
    # An event somewhere else: every member page is made anew, but only the events are read again.
    EventFactory(title="Seoul Smart City Week")
    html, tables = tables_read_by(lambda: sections_of(city.organisation))
    assert "events_event" in tables
    assert "programs_project" not in tables and "programs_partner" not in tables
    assert "Smart bus stops" in html


def test_a_change_to_what_a_section_shows_is_on_the_next_request(city):
    sections_of(city.organisation)
    Project.objects.filter(title="Smart bus stops").update(title="Smart bus shelters")
    html = sections_of(city.organisation)
    assert "Smart bus shelters" in html and "Smart bus stops" not in html


def test_renaming_the_organisation_renews_the_sections_that_print_its_name(city):
    PartnerFactory(organisation=city.organisation)
    assert "The partner profile of Ulaanbaatar" in sections_of(city.organisation)
    organisation = city.organisation
    organisation.name = "Ulaanbaatar City"
    organisation.save()
    assert "The partner profile of Ulaanbaatar City" in sections_of(organisation)


def test_one_organisations_sections_never_show_on_anothers_page(city):
    other = MemberFactory(name="Darkhan")
    ProjectFactory(title="Darkhan heating", city=other)
    sections_of(city.organisation)
    html = sections_of(other.organisation)
    assert "Darkhan heating" in html
    assert "Smart bus stops" not in html and "Ulaanbaatar Smart City Day" not in html


def test_each_language_has_its_own_kept_sections(city):
    english = sections_of(city.organisation)
    with translation.override("ko"):
        korean = sections_of(city.organisation)
    assert korean != english
    assert "In the Exchange: 1 project" in english and "In the Exchange" not in korean
