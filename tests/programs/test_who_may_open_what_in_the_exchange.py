"""Every URL of the Exchange, for each of the standing people; A's organisation shared the projects."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from programs.models import ProjectDocument, ProjectDraft
from tests.factories import ProjectFactory
from tests.people import PEOPLE, PUBLIC, SIGN_IN, STAFF_PAGE, VERIFY, as_person, cases, outcome

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world(standing, private_storage):
    """A's projects in each state, shared by its official, each with a PDF document."""
    projects = {}
    for status in ["published", "submitted", "returned"]:
        projects[status] = ProjectFactory(
            title=f"A's {status} project",
            city=standing.a,
            organisation=standing.a,
            shared_by=standing["official of A"],
            status=status,
        )
        ProjectDocument.objects.create(
            project=projects[status], title="Report", file=SimpleUploadedFile("r.pdf", PDF)
        )
    draft = ProjectDraft.objects.create(
        organisation=standing.a.organisation, started_by=standing["official of A"]
    )
    return {"people": standing.people, "projects": projects, "draft": draft}


A_AND_SECRETARIAT = [404, 404, 200, 404, 404, 404, 404, 404, 200]
SHARED = [SIGN_IN, 404, 200, 404, 404, 404, 404, 404, 200]
# A project not shared yet is its organisation's alone: not even the Secretariat reads a draft.
DRAFT = [SIGN_IN, VERIFY, 200, 404, 404, 404, 404, 404, 404]
MATRIX = {
    "/driver/exchange/": PUBLIC,
    "/driver/exchange/?q=project&stage=implemented": PUBLIC,
    "/driver/exchange/export.csv": PUBLIC,
    "/driver/exchange/export.json": PUBLIC,
    "/driver/exchange/compare/?p={published.slug}&p={submitted.slug}": PUBLIC,
    "/driver/exchange/{published.slug}/": PUBLIC,
    "/driver/exchange/{published.slug}/documents/{published_document}/": PUBLIC,
    "/driver/exchange/{submitted.slug}/": A_AND_SECRETARIAT,
    "/driver/exchange/{submitted.slug}/documents/{submitted_document}/": A_AND_SECRETARIAT,
    "/driver/exchange/{returned.slug}/": A_AND_SECRETARIAT,
    "/driver/exchange/share/": [SIGN_IN, VERIFY, 200, 200, 200, 200, 200, 200, 200],
    "/driver/exchange/share/{draft}/": [
        *[SIGN_IN, VERIFY, "/driver/exchange/share/{draft}/project/"],
        *[404] * 6,
    ],
    "/driver/exchange/share/{draft}/project/": DRAFT,
    "/driver/exchange/share/{draft}/indicators/": DRAFT,
    "/driver/exchange/share/{draft}/review/": DRAFT,
    "/driver/exchange/share/{draft}/delete/": DRAFT,
    "/driver/exchange/share/{draft}/no-such-step/": [SIGN_IN, VERIFY, *[404] * 7],
    "/driver/exchange/shared/{published.pk}/": SHARED,
    "/driver/exchange/shared/{submitted.pk}/": SHARED,
    "/driver/exchange/shared/{returned.pk}/correct/": [
        *[SIGN_IN, 404, 200, 404, 404, 404, 404, 404],
        "/driver/exchange/shared/{returned.pk}/",
    ],
    "/driver/exchange/shared/{submitted.pk}/correct/": [
        *[SIGN_IN, 404, "/driver/exchange/shared/{submitted.pk}/", 404, 404, 404, 404, 404],
        "/driver/exchange/shared/{submitted.pk}/",
    ],
    "/driver/exchange/shared/{submitted.pk}/step/": [SIGN_IN, *[405] * 8],
    "/admin/programs/project/": STAFF_PAGE,
    "/admin/programs/project/{submitted.pk}/change/": STAFF_PAGE,
    "/admin/programs/project/add/": STAFF_PAGE,
}


def fill(url, world):
    projects = world["projects"]
    return url.format(
        **projects,
        draft=world["draft"].pk,
        published_document=projects["published"].documents.get().pk,
        submitted_document=projects["submitted"].documents.get().pk,
    )


@pytest.mark.parametrize(("url", "person", "expected"), cases(MATRIX))
def test_get(client, world, url, person, expected):
    expected = fill(expected, world) if isinstance(expected, str) and expected.startswith("/") else expected
    assert outcome(as_person(client, world["people"][person]).get(fill(url, world))) == expected


@pytest.mark.parametrize(
    ("person", "expected", "status_after"),
    [
        ("anonymous", SIGN_IN, "returned"),
        ("unverified", 404, "returned"),
        ("official of B", 404, "returned"),
        ("partner official", 404, "returned"),
        ("reviewer", 404, "returned"),
        ("judge", 404, "returned"),
        ("staff without MFA", 404, "returned"),
        ("Secretariat", "/driver/exchange/shared/{returned.pk}/", "returned"),  # not their step
        ("official of A", "/driver/exchange/shared/{returned.pk}/", "submitted"),
    ],
)
def test_resubmitting(client, world, person, expected, status_after):
    project = world["projects"]["returned"]
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    response = client.post(f"/driver/exchange/shared/{project.pk}/step/", {"transition": "resubmit"})
    assert outcome(response) == (
        fill(expected, world) if isinstance(expected, str) and "/" in expected else expected
    )
    project.refresh_from_db()
    assert project.status == status_after


@pytest.mark.parametrize("person", PEOPLE)
def test_nobody_publishes_from_the_site_but_staff(client, world, person):
    project = world["projects"]["submitted"]
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    client.post(f"/driver/exchange/shared/{project.pk}/step/", {"transition": "publish"})
    project.refresh_from_db()
    assert project.status == ("published" if person == "Secretariat" else "submitted")


@pytest.mark.parametrize("person", [person for person in PEOPLE if person != "official of A"])
@pytest.mark.parametrize("page", ["project/", "review/", "delete/"])
def test_nobody_but_the_organisations_officials_changes_or_deletes_a_draft(client, world, person, page):
    draft = world["draft"]
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    response = client.post(f"/driver/exchange/share/{draft.pk}/{page}", {"title": "Taken over"})
    assert outcome(response) in {SIGN_IN, VERIFY, 404}
    draft.refresh_from_db()
    assert draft.drafts == {}
