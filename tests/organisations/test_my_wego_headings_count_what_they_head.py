"""My WeGO never contradicts itself: every heading counts what it heads, and no sentence saying
there is nothing sits above what there is."""

import re

import pytest

from tests.factories import (
    MemberFactory,
    MembershipApplicationFactory,
    SolutionFinderApplicationFactory,
    official_of,
)
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

HEADING = re.compile(r"<h([23])[^>]*>(.*?)</h\1>", re.S)


def headings(page):
    """The page's own headings under its title (the footer's are not My WeGO's)."""
    main = page[page.index('<main id="main"') : page.index("</main>")]
    return [" ".join(re.sub(r"<[^>]+>", "", text).split()) for _, text in HEADING.findall(main)]


def test_headings_count_a_submitted_solution_finder_application_and_no_membership_application(client):
    city = MemberFactory(name="Cauayan")
    person = official_of(city)
    application = SolutionFinderApplicationFactory(organisation=city.organisation, started_by=person)
    perform(application, "submit", actor=person)
    client.force_login(person)
    page = client.get("/my/").text

    assert headings(page) == [
        "Organisations I act for or asked to (1)",
        "Membership applications (0)",
        "Smart City Driver (1)",
        "Solution Finder applications (1)",
        "Projects shared with the Exchange (0)",
        "Messages (0)",
    ]
    assert "No application yet." not in page
    assert page.index("No membership application yet.") < page.index("Smart City Driver (1)")


def test_headings_count_membership_applications(client):
    person = official_of(MemberFactory(name="Kisumu"))
    MembershipApplicationFactory(applicant=person, organisation_name="Kisumu Water")
    MembershipApplicationFactory(applicant=person, organisation_name="Kisumu Transit")
    client.force_login(person)
    page = client.get("/my/").text
    assert "Membership applications (2)" in headings(page)
    assert "No membership application yet." not in page
