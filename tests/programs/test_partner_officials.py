"""A partner's officials keep its profile and its solutions up to date; nobody else can.

Who: anonymous, an official of partner A, an official of partner B, an official of a member city,
the official of a member that is itself partner C, and Secretariat staff with a second factor.
"""

import pytest
from django.core.exceptions import PermissionDenied

from members.models import MemberType
from organisations.models import Affiliation
from organisations.services import request_affiliation
from programs.models import Partner, Solution
from programs.services.partners import add_solution, set_solution_listed
from tests.factories import (
    AreaFactory,
    MemberFactory,
    PartnerFactory,
    RegionFactory,
    SolutionFactory,
    UserFactory,
    official_of,
    official_of_partner,
    secretariat_user,
    verified,
)
from wego.notifications.models import Notification
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

SIGN_IN = "sign in"


@pytest.fixture
def world():
    water = AreaFactory(name="Water Management")
    a = PartnerFactory(name="Partner A", areas=[water])
    b = PartnerFactory(name="Partner B", areas=[water])
    corporation = MemberFactory(name="Member Corp", type=MemberType.CORPORATION)
    c = PartnerFactory(name="Partner C", member=corporation, areas=[water])
    return {
        "a": a,
        "b": b,
        "c": c,
        "solution of a": SolutionFactory(name="Solution A", partner=a, areas=[water]),
        "people": {
            "anonymous": None,
            "official of A": official_of_partner(a),
            "official of B": official_of_partner(b),
            "official of a city": official_of(MemberFactory()),
            "official of member C": official_of(corporation),
            "staff with MFA": verified(secretariat_user()),
        },
    }


PEOPLE = [
    "anonymous",
    "official of A",
    "official of B",
    "official of a city",
    "official of member C",
    "staff with MFA",
]
MATRIX = {
    "/driver/": [200, 200, 200, 200, 200, 200],
    "/driver/areas/water-management/": [200, 200, 200, 200, 200, 200],
    "/driver/partners/": [200, 200, 200, 200, 200, 200],
    "/driver/partners/partner-a/": [200, 200, 200, 200, 200, 200],
    "/driver/partners/partner-a/edit/": [SIGN_IN, 200, 404, 404, 404, 404],
    "/driver/partners/partner-a/solutions/new/": [SIGN_IN, 200, 404, 404, 404, 404],
    "/driver/partners/partner-c/edit/": [SIGN_IN, 404, 404, 404, 200, 404],
    "/driver/solutions/": [200, 200, 200, 200, 200, 200],
    "/driver/solutions/solution-a/": [200, 200, 200, 200, 200, 200],
    "/driver/solutions/solution-a/edit/": [SIGN_IN, 200, 404, 404, 404, 404],
    "/driver/solutions/solution-a/listing/": [SIGN_IN, 405, 405, 405, 405, 405],
    "/admin/programs/partner/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, 200],
    "/admin/programs/solution/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, 200],
    "/admin/programs/area/": [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, 200],
}
CASES = [
    (url, person, expected)
    for url, row in MATRIX.items()
    for person, expected in zip(PEOPLE, row, strict=True)
]


def outcome(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(("/accounts/login/", "/admin/login/")):
            return SIGN_IN
        return location
    return response.status_code


@pytest.mark.parametrize(("url", "person", "expected"), CASES)
def test_get(client, world, url, person, expected):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    assert outcome(client.get(url)) == expected


@pytest.mark.parametrize(
    ("person", "expected", "listed_after"),
    [
        ("anonymous", SIGN_IN, True),
        ("official of B", 404, True),
        ("official of a city", 404, True),
        ("staff with MFA", 404, True),
        ("official of A", "/driver/solutions/solution-a/", False),
    ],
)
def test_unlisting_a_solution(client, world, person, expected, listed_after):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    assert outcome(client.post("/driver/solutions/solution-a/listing/", {"listed": "no"})) == expected
    assert Solution.objects.get(slug="solution-a").is_listed is listed_after


@pytest.mark.parametrize("person", ["anonymous", "official of B", "official of a city", "staff with MFA"])
def test_nobody_else_changes_a_profile_or_adds_or_edits_a_solution(client, world, person):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    client.post("/driver/partners/partner-a/edit/", profile_data(world["a"], profile="Defaced."))
    client.post("/driver/partners/partner-a/solutions/new/", solution_data(name="Intruder"))
    client.post("/driver/solutions/solution-a/edit/", solution_data(name="Renamed"))
    assert Partner.objects.get(slug="partner-a").profile != "Defaced."
    assert list(Solution.objects.values_list("name", flat=True)) == ["Solution A"]


def profile_data(partner, **changes):
    data = {
        "profile": "We build water sensors.",
        "areas": [area.pk for area in partner.areas.all()],
        "regions": [],
        "languages": ["en", "es"],
        "contact_name": "Ana Ruiz",
        "contact_email": "ana@partner.example",
        "contact_phone": "+34 91 000 0000",
        "website": "https://partner.example",
    }
    return {**data, **changes}


def solution_data(**changes):
    data = {
        "name": "Flow Meter",
        "summary": "Measures the flow in the mains.",
        "areas": [AreaFactory(name="Water Management").pk],
        "maturity": "pilot",
        "price_model": "subscription",
        "deployed_in": [],
        "deployed_elsewhere": "Lyon",
        "references": "",
    }
    return {**data, **changes}


def test_an_official_edits_the_profile_but_not_what_the_secretariat_manages(client, world):
    partner = world["a"]
    africa = RegionFactory(name="Africa")
    client.force_login(world["people"]["official of A"])
    response = client.post(
        "/driver/partners/partner-a/edit/",
        profile_data(
            partner, regions=[africa.pk], name="Renamed", slug="renamed", type="consultant", is_listed=""
        ),
    )
    assert response.status_code == 302 and response["Location"] == "/driver/partners/partner-a/"
    partner.refresh_from_db()
    assert partner.profile == "We build water sensors." and partner.languages == ["en", "es"]
    assert list(partner.regions.all()) == [africa]
    assert (partner.name, partner.slug, partner.type, partner.is_listed) == (
        "Partner A",
        "partner-a",
        "tech-company",
        True,
    )
    assert "The profile was saved." in client.get("/driver/partners/partner-a/").text


@pytest.mark.parametrize(
    "changes",
    [
        {"profile": ""},
        {"areas": []},
        {"contact_email": "not an address"},
        {"languages": ["xx"]},
        {"website": "javascript:alert(1)"},
        {"contact_name": "Ana\x00"},
    ],
)
def test_bad_profile_input_is_refused_next_to_the_field_and_changes_nothing(client, world, changes):
    client.force_login(world["people"]["official of A"])
    response = client.post("/driver/partners/partner-a/edit/", profile_data(world["a"], **changes))
    assert response.status_code == 200
    assert 'class="text-danger small"' in response.text
    assert Partner.objects.get(slug="partner-a").profile == "Builds open data platforms for cities."


def test_a_member_s_official_acts_for_the_partner_that_member_is(client, world):
    client.force_login(world["people"]["official of member C"])
    response = client.post(
        "/driver/partners/partner-c/edit/", profile_data(world["c"], profile="Member too.")
    )
    assert response.status_code == 302
    assert Partner.objects.get(slug="partner-c").profile == "Member too."
    assert "Edit the profile" in client.get("/driver/partners/partner-c/").text
    assert "Edit the profile" not in client.get("/driver/partners/partner-a/").text


def test_an_official_adds_a_solution_that_appears_in_the_catalogue(client, world):
    seoul = MemberFactory(name="Seoul")
    client.force_login(world["people"]["official of A"])
    response = client.post("/driver/partners/partner-a/solutions/new/", solution_data(deployed_in=[seoul.pk]))
    assert response.status_code == 302 and response["Location"] == "/driver/solutions/flow-meter/"
    solution = Solution.objects.get(slug="flow-meter")
    assert solution.partner == world["a"] and list(solution.deployed_in.all()) == [seoul]
    client.logout()
    assert "Flow Meter" in client.get("/driver/solutions/", {"q": "flow"}).text


def test_a_second_solution_with_the_same_name_gets_its_own_address(client, world):
    client.force_login(world["people"]["official of A"])
    client.post("/driver/partners/partner-a/solutions/new/", solution_data(name="Solution A"))
    assert sorted(Solution.objects.values_list("slug", flat=True)) == ["solution-a", "solution-a-2"]


def test_only_member_cities_can_be_chosen_as_deployed_in(client, world):
    corporation = MemberFactory(type=MemberType.CORPORATION)
    client.force_login(world["people"]["official of A"])
    response = client.post(
        "/driver/partners/partner-a/solutions/new/", solution_data(deployed_in=[corporation.pk])
    )
    assert response.status_code == 200 and 'class="text-danger small"' in response.text
    assert Solution.objects.count() == 1


def test_an_official_edits_and_relists_their_solution(client, world):
    client.force_login(world["people"]["official of A"])
    response = client.post("/driver/solutions/solution-a/edit/", solution_data(name="Solution A Plus"))
    assert response.status_code == 302
    solution = Solution.objects.get(slug="solution-a")  # the address stays
    assert solution.name == "Solution A Plus" and solution.maturity == "pilot"
    client.post("/driver/solutions/solution-a/listing/", {"listed": "no"})
    assert client.get("/driver/solutions/solution-a/").status_code == 200  # still theirs to see
    client.post("/driver/solutions/solution-a/listing/", {"listed": "yes"})
    assert Solution.objects.get(slug="solution-a").is_listed


def test_a_bad_listing_value_changes_nothing_and_says_so(client, world):
    client.force_login(world["people"]["official of A"])
    response = client.post("/driver/solutions/solution-a/listing/", {"listed": "maybe"}, follow=True)
    assert "Nothing was changed" in response.text
    assert Solution.objects.get(slug="solution-a").is_listed


def test_the_services_refuse_anyone_who_does_not_act_for_the_partner(world):
    outsider = world["people"]["official of B"]
    with pytest.raises(PermissionDenied):
        set_solution_listed(world["solution of a"], False, by=outsider)
    with pytest.raises(PermissionDenied):
        add_solution(world["a"], None, by=outsider)


# Asking to act for a partner ------------------------------------------------------------------------


def test_a_person_asks_to_act_for_a_partner_and_once_confirmed_edits_it(
    client, world, django_capture_on_commit_callbacks
):
    staff = secretariat_user()
    person = verified(UserFactory())
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/my/affiliations/new/",
            {
                "partner": world["b"].pk,
                "title": "Head of partnerships",
                "justification": "I run our city work.",
            },
        )
    assert response.status_code == 302 and response["Location"] == "/my/"
    affiliation = Affiliation.objects.get(user=person)
    assert (affiliation.partner, affiliation.member, affiliation.status) == (world["b"], None, "requested")
    assert "asks to act for Partner B" in Notification.objects.get(recipient=staff).subject
    assert client.get("/driver/partners/partner-b/edit/").status_code == 404
    perform(affiliation, "approve", actor=staff)
    assert client.get("/driver/partners/partner-b/edit/").status_code == 200


@pytest.mark.parametrize(
    ("choose", "message"),
    [
        (lambda world: {}, "Choose the member organisation or the strategic partner you speak for."),
        (
            lambda world: {"member": MemberFactory().pk, "partner": world["b"].pk},
            "Choose either a member organisation or a strategic partner, not both",
        ),
        (lambda world: {"partner": "999999"}, "Choose a strategic partner from the list."),
        (lambda world: {"partner": "abc"}, "Choose a strategic partner from the list."),
        (
            lambda world: {"partner": PartnerFactory(is_listed=False).pk},
            "Choose a strategic partner from the list.",
        ),
    ],
)
def test_asking_for_none_both_or_an_unknown_partner_is_refused_in_plain_words(client, world, choose, message):
    client.force_login(verified(UserFactory()))
    response = client.post("/my/affiliations/new/", {**choose(world), "title": "CIO", "justification": "x"})
    assert response.status_code == 200
    assert message in response.text
    assert not Affiliation.objects.filter(status="requested").exists()


def test_asking_twice_for_the_same_partner_is_refused(client, world):
    person = world["people"]["official of A"]
    client.force_login(person)
    response = client.post(
        "/my/affiliations/new/", {"partner": world["a"].pk, "title": "CIO", "justification": "x"}
    )
    assert "You have already asked to act for this organisation, or you already do." in response.text
    assert Affiliation.objects.filter(user=person).count() == 1


def test_the_service_accepts_a_member_or_a_partner(world):
    person = UserFactory()
    to_partner = request_affiliation(person, world["b"], title="CTO", justification="x")
    to_member = request_affiliation(person, MemberFactory(name="Kisumu"), title="CTO", justification="x")
    assert (to_partner.partner, to_partner.member_id) == (world["b"], None)
    assert to_member.member.name == "Kisumu" and to_member.partner_id is None


def test_the_secretariat_confirms_a_partner_affiliation_in_the_admin(client, world):
    person = UserFactory()
    affiliation = request_affiliation(person, world["b"], title="CTO", justification="x")
    staff = secretariat_user()
    client.force_login(staff)
    listing = client.get("/admin/members/affiliation/")
    assert listing.status_code == 200 and "Partner B" in listing.text
    assert client.get(f"/admin/members/affiliation/{affiliation.pk}/change/").status_code == 200
