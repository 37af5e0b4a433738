"""The Secretariat's admin for the Exchange: the queue, the steps, adding a project, no state writes."""

import pytest

from programs.admin.exchange import ProjectAdmin
from programs.models import Project
from tests.factories import (
    AreaFactory,
    MemberFactory,
    ProjectFactory,
    RegionFactory,
    official_of,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/programs/project/"


@pytest.fixture
def staff(client):
    user = secretariat_user(is_superuser=True)
    client.force_login(user)
    return user


def test_the_queue_lists_and_filters_projects(client, staff):
    ProjectFactory(
        title="Waiting",
        status="submitted",
        stage="pilot",
        city=MemberFactory(region=RegionFactory(name="Europe")),
    )
    ProjectFactory(title="Public", status="published")
    response = client.get(ADMIN, {"status__exact": "submitted"})
    assert response.status_code == 200
    assert "Waiting" in response.text and ">Public<" not in response.text
    for params in [{"stage__exact": "pilot"}, {"q": "wait"}, {"city__region__id__exact": "1"}]:
        assert client.get(ADMIN, params).status_code == 200


def test_the_change_page_shows_the_steps_and_publishes(client, staff):
    project = ProjectFactory(title="Waiting", status="submitted")
    page = client.get(f"{ADMIN}{project.pk}/change/")
    assert page.status_code == 200
    assert "Publish" in page.text and "Return with comments" in page.text
    response = client.post(
        f"{ADMIN}{project.pk}/transition/", {"transition": "publish", "seen_state": "submitted"}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "published"


def test_returning_without_a_comment_is_refused(client, staff):
    project = ProjectFactory(status="submitted")
    client.post(f"{ADMIN}{project.pk}/transition/", {"transition": "return", "note": ""})
    project.refresh_from_db()
    assert project.status == "submitted"


def test_the_change_form_cannot_save(client, staff):
    project = ProjectFactory(title="Original", status="submitted")
    response = client.post(f"{ADMIN}{project.pk}/change/", {"title": "Changed", "status": "published"})
    assert response.status_code == 403
    project.refresh_from_db()
    assert (project.title, project.status) == ("Original", "submitted")


def management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_staff_add_a_project_that_starts_submitted(client, staff):
    area = AreaFactory(name="Water Management")
    city = MemberFactory(name="Lima", country="PE")
    assert client.get(f"{ADMIN}add/").status_code == 200
    response = client.post(
        f"{ADMIN}add/",
        {
            "title": "Leak detection",
            "slug": "leak-detection",
            "summary": "Acoustic sensors find leaks.",
            "areas": [str(area.pk)],
            "stage": "implemented",
            "start_year": "2019",
            "city": str(city.pk),
            "country": "PE",
            "status": "published",  # not a field: ignored
            **management("indicators", 1),
            "indicators-0-name": "Water lost",
            "indicators-0-unit": "%",
            "indicators-0-baseline": "40",
            "indicators-0-position": "0",
            **management("links"),
            **management("documents"),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get()
    assert project.status == "submitted"
    assert project.indicators.get().name == "Water lost"
    assert "acoustic sensors" in project.search_document and "water management" in project.search_document


def test_save_model_never_writes_the_status(rf, staff):
    """Even if a save were reached with a stale object, the status on the row is left as it is."""
    project = ProjectFactory(title="Original", status="submitted")
    stale = Project.objects.get(pk=project.pk)
    Project.objects.filter(pk=project.pk).update(status="published")  # a step taken meanwhile
    stale.title = "Corrected"
    stale.status = "returned"
    request = rf.post("/")
    request.user = staff
    ProjectAdmin(Project, None).save_model(request, stale, form=None, change=True)
    project.refresh_from_db()
    assert (project.title, project.status) == ("Corrected", "published")


def test_adding_always_starts_in_the_initial_state(rf, staff):
    project = Project(
        title="X",
        slug="x",
        summary="Y",
        stage="concept",
        city=MemberFactory().organisation,
        status="published",
    )
    request = rf.post("/")
    request.user = staff
    ProjectAdmin(Project, None).save_model(request, project, form=None, change=False)
    assert Project.objects.get().status == "submitted"


def test_staff_without_a_second_factor_cannot_open_it(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(ADMIN).status_code == 302


def test_an_official_cannot_open_it(client, db):
    client.force_login(official_of(MemberFactory()))
    assert client.get(ADMIN).status_code == 302
