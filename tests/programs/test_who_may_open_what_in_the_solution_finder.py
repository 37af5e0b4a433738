"""Who may open what in the Solution Finder: officials see only their organisation's applications,
partners only those they were introduced to and only once introduced, staff all submitted ones."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from programs.models import ApplicationAttachment
from tests.factories import MemberFactory, PartnerFactory, UserFactory, official_of
from tests.people import PUBLIC, SIGN_IN, VERIFY, as_person, cases, outcome
from tests.states import put_in
from wego.workflow.models import ThreadMessage

from .sf_helpers import application_in, introduce, official_of_partner, package_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(standing):
    """A's draft, and A's application connected with the standing partner P (introduced, in a package);
    another of A's applications, to which P was never introduced."""
    city = standing.a.organisation
    draft = application_in("draft", organisation=city)
    connected = application_in("partners_connected", organisation=city)
    not_introduced = application_in("feedback_given", organisation=city)
    introduce(connected, standing.partner, connected=True)
    package = package_for(connected)
    package.partners.add(standing.partner)
    attachment = ApplicationAttachment.objects.create(
        application=connected,
        title="Map",
        uploaded_by=UserFactory(),
        file=ContentFile(b"%PDF-1.4", name="map.pdf"),
    )
    message = ThreadMessage.objects.create(
        subject=connected,
        author=UserFactory(),
        from_staff=False,
        body="See the map.",
        attachment=ContentFile(b"%PDF-1.4", name="note.pdf"),
    )
    return {
        "draft": draft,
        "connected": connected,
        "not introduced": not_introduced,
        "package": package,
        "attachment": attachment,
        "message": message,
        "people": standing.people,
    }


def url(world, name):
    draft, connected, package = world["draft"], world["connected"], world["package"]
    return {
        "landing": reverse("programs:solution-finder"),
        "draft page": reverse("programs:application", args=[draft.pk]),
        "draft step": reverse("programs:application-step", args=[draft.pk, "goals"]),
        "draft review": reverse("programs:application-review", args=[draft.pk]),
        "application page": reverse("programs:application", args=[connected.pk]),
        "page of one P was not introduced to": reverse(
            "programs:application", args=[world["not introduced"].pk]
        ),
        "attachment": reverse("programs:application-attachment", args=[connected.pk, world["attachment"].pk]),
        "message attachment": reverse(
            "programs:message-attachment", args=[connected.pk, world["message"].pk]
        ),
        "package": reverse("programs:package", args=[connected.pk, package.pk]),
        "new package": reverse("programs:package-new", args=[connected.pk]),
        "edit package": reverse("programs:package-edit", args=[connected.pk, package.pk]),
    }[name]


# The city's own pages (the Secretariat sees the submitted ones), the partner's, and nobody else's.
DRAFT = [SIGN_IN, 404, 200, 404, 404, 404, 404, 404, 404]
CITY = [SIGN_IN, 404, 200, 404, 404, 404, 404, 404, 200]
CITY_AND_PARTNER = [SIGN_IN, 404, 200, 404, 200, 404, 404, 404, 200]
MATRIX = {
    "landing": PUBLIC,
    "draft page": DRAFT,
    "draft step": [SIGN_IN, VERIFY, 200, 404, 404, 404, 404, 404, 404],
    "draft review": [SIGN_IN, VERIFY, 200, 404, 404, 404, 404, 404, 404],
    "application page": CITY_AND_PARTNER,
    "page of one P was not introduced to": CITY,
    "attachment": CITY,
    "message attachment": CITY,
    "package": CITY_AND_PARTNER,
    "new package": [SIGN_IN, VERIFY, 200, 404, 404, 404, 404, 404, 200],
    "edit package": [SIGN_IN, VERIFY, 200, 404, 404, 404, 404, 404, 200],
}


@pytest.mark.parametrize(("page", "person", "expected"), cases(MATRIX))
def test_who_may_open_what(client, world, page, person, expected):
    assert outcome(as_person(client, world["people"][person]).get(url(world, page))) == expected


POSTS = {
    "transition": lambda w: (
        reverse("programs:application-transition", args=[w["connected"].pk]),
        {"transition": "withdraw", "seen_state": "partners_connected"},
    ),
    "message": lambda w: (
        reverse("programs:application-message", args=[w["connected"].pk]),
        {"body": "Hello"},
    ),
    "reading": lambda w: (
        reverse(
            "programs:package-reading",
            args=[
                w["connected"].pk,
                w["package"].pk,
                w["package"].indicators.create(name="x", baseline=0, target=1).pk,
            ],
        ),
        {"value": "1", "measured_on": "2026-01-01"},
    ),
    "start on the draft's organisation": lambda w: (
        reverse("programs:solution-finder-start"),
        {"organisation": w["draft"].organisation_id},
    ),
}


@pytest.mark.parametrize("action", POSTS)
@pytest.mark.parametrize(
    "person", ["official of B", "partner official", "reviewer", "judge", "staff without MFA"]
)
def test_nobody_acts_on_another_organisations_application(client, world, action, person):
    from programs.models import IndicatorReading, SolutionFinderApplication

    client.force_login(world["people"][person])
    before = (
        ThreadMessage.objects.count(),
        IndicatorReading.objects.count(),
        SolutionFinderApplication.objects.count(),
        world["connected"].status,
    )
    address, data = POSTS[action](world)
    response = client.post(address, data)
    # Starting is refused as a choice not offered; everything else is not found.
    assert response.status_code == (302 if action.startswith("start") else 404)
    world["connected"].refresh_from_db()
    after = (
        ThreadMessage.objects.count(),
        IndicatorReading.objects.count(),
        SolutionFinderApplication.objects.count(),
        world["connected"].status,
    )
    assert after == before


def test_a_partner_is_not_shown_an_application_before_it_is_introduced(client):
    application = application_in("feedback_given")
    partner = PartnerFactory()
    person = official_of_partner(partner)
    client.force_login(person)
    assert client.get(application.get_absolute_url()).status_code == 404
    introduction = introduce(application, partner)
    assert client.get(application.get_absolute_url()).status_code == 200

    put_in(introduction, "withdrawn")
    assert client.get(application.get_absolute_url()).status_code == 404


def test_officials_of_a_member_act_for_the_partner_the_member_is(client):
    member = MemberFactory(type="corporation")
    partner = PartnerFactory(member=member)
    application = application_in("feedback_given")
    introduce(application, partner)
    client.force_login(official_of(member))
    assert client.get(application.get_absolute_url()).status_code == 200


def test_a_forged_post_without_csrf_is_refused(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world["people"]["official of A"])
    response = client.post(
        reverse("programs:application-message", args=[world["connected"].pk]), {"body": "Forged"}
    )
    assert response.status_code == 403
    assert not ThreadMessage.objects.filter(body="Forged").exists()


def test_the_application_page_runs_as_many_queries_with_six_introductions_as_with_one(
    client, world, django_assert_max_num_queries
):
    application = world["connected"]
    client.force_login(world["people"]["official of A"])
    with django_assert_max_num_queries(20) as one:
        assert client.get(application.get_absolute_url()).status_code == 200
    for _ in range(5):
        introduce(application)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(application.get_absolute_url()).status_code == 200
