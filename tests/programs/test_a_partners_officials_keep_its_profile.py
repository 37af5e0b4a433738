"""A partner's officials keep its profile and its solutions up to date; nobody else can.

The matrices ask the standing people; the other tests have partners A and B, and C, a corporation
that is both a WeGO member and a partner: one organisation, with one set of officials.
"""

import pytest
from django.core.exceptions import PermissionDenied

from members.models import MemberType
from organisations.access import acts_for
from organisations.models import Affiliation
from organisations.services import request_affiliation
from programs.models import Partner, Solution
from programs.permissions import partners_of
from programs.services.partners import add_solution, set_solution_listed
from tests.factories import (
    AreaFactory,
    MemberFactory,
    OrganisationFactory,
    PartnerFactory,
    RegionFactory,
    SolutionFactory,
    UserFactory,
    official_of,
    official_of_partner,
    secretariat_user,
    verified,
)
from tests.people import PEOPLE, PUBLIC, SIGN_IN, STAFF_PAGE, as_person, cases, outcome
from wego.notifications.models import Notification
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db


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


# The standing partner P's pages and its solution, for each of the standing people.
@pytest.fixture
def catalogue(standing):
    water = AreaFactory(name="Water Management")
    standing.partner.areas.set([water])
    return SolutionFactory(name="Solution P", partner=standing.partner, areas=[water])


OWN = [SIGN_IN, 404, 404, 404, 200, 404, 404, 404, 404]
NOBODY = [SIGN_IN, 404, 404, 404, 404, 404, 404, 404, 404]
MATRIX = {
    "/driver/": PUBLIC,
    "/driver/areas/water-management/": PUBLIC,
    "/driver/partners/": PUBLIC,
    "/driver/partners/partner-p/": PUBLIC,
    "/driver/partners/partner-p/edit/": OWN,
    "/driver/partners/partner-p/solutions/new/": OWN,
    "/driver/partners/city-a/edit/": NOBODY,  # a member city, not a partner
    "/driver/solutions/": PUBLIC,
    "/driver/solutions/solution-p/": PUBLIC,
    "/driver/solutions/solution-p/edit/": OWN,
    "/driver/solutions/solution-p/listing/": [SIGN_IN, *[405] * 8],
    "/admin/programs/partner/": STAFF_PAGE,
    "/admin/programs/solution/": STAFF_PAGE,
    "/admin/programs/area/": STAFF_PAGE,
}


@pytest.mark.parametrize(("url", "person", "expected"), cases(MATRIX))
def test_get(client, standing, catalogue, url, person, expected):
    assert outcome(as_person(client, standing[person]).get(url)) == expected


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_partners_official_unlists_a_solution(client, standing, catalogue, person):
    response = as_person(client, standing[person]).post(
        "/driver/solutions/solution-p/listing/", {"listed": "no"}
    )
    mine = person == "partner official"
    assert outcome(response) == (
        "/driver/solutions/solution-p/" if mine else SIGN_IN if person == "anonymous" else 404
    )
    assert Solution.objects.get(slug="solution-p").is_listed is not mine


@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "partner official"])
def test_nobody_else_changes_a_profile_or_adds_or_edits_a_solution(client, standing, catalogue, person):
    client = as_person(client, standing[person])
    client.post("/driver/partners/partner-p/edit/", profile_data(standing.partner, profile="Defaced."))
    client.post("/driver/partners/partner-p/solutions/new/", solution_data(name="Intruder"))
    client.post("/driver/solutions/solution-p/edit/", solution_data(name="Renamed"))
    assert Partner.objects.get(organisation__slug="partner-p").profile != "Defaced."
    assert list(Solution.objects.values_list("name", flat=True)) == ["Solution P"]


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
    assert (
        Partner.objects.get(organisation__slug="partner-a").profile
        == "Builds open data platforms for cities."
    )


def test_a_member_s_official_acts_for_the_partner_that_member_is(client, world):
    client.force_login(world["people"]["official of member C"])
    response = client.post(
        "/driver/partners/member-corp/edit/", profile_data(world["c"], profile="Member too.")
    )
    assert response.status_code == 302
    assert Partner.objects.get(organisation__slug="member-corp").profile == "Member too."
    assert "Edit the profile" in client.get("/driver/partners/member-corp/").text
    assert "Edit the profile" not in client.get("/driver/partners/partner-a/").text


def test_an_official_adds_a_solution_that_appears_in_the_catalogue(client, world):
    seoul = MemberFactory(name="Seoul")
    client.force_login(world["people"]["official of A"])
    response = client.post("/driver/partners/partner-a/solutions/new/", solution_data(deployed_in=[seoul.pk]))
    assert response.status_code == 302 and response["Location"] == "/driver/solutions/flow-meter/"
    solution = Solution.objects.get(slug="flow-meter")
    assert solution.partner == world["a"] and list(solution.deployed_in.all()) == [seoul.organisation]
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
                "organisation": world["b"].pk,
                "title": "Head of partnerships",
                "justification": "I run our city work.",
            },
        )
    assert response.status_code == 302 and response["Location"] == "/my/"
    affiliation = Affiliation.objects.get(user=person)
    assert (affiliation.organisation, affiliation.status) == (world["b"].organisation, "requested")
    assert "request to act for Partner B" in Notification.objects.get(recipient=staff).subject
    assert client.get("/driver/partners/partner-b/edit/").status_code == 404
    perform(affiliation, "approve", actor=staff)
    assert client.get("/driver/partners/partner-b/edit/").status_code == 200


@pytest.mark.parametrize(
    ("choose", "message"),
    [
        (lambda world: {}, "Choose the organisation you act for, or describe it below."),
        (
            lambda world: {"organisation": world["b"].pk, "new_name": "Also This Co"},
            "Choose an organisation from the list, or describe one that is not listed: not both.",
        ),
        (lambda world: {"organisation": "999999"}, "Choose an organisation from the list."),
        (lambda world: {"organisation": "abc"}, "Choose an organisation from the list."),
        (
            # Proposed by someone else and not confirmed: nobody else may choose it, or learn of it.
            lambda world: {"organisation": OrganisationFactory(confirmed=False).pk},
            "Choose an organisation from the list.",
        ),
    ],
)
def test_asking_for_none_both_or_an_unknown_organisation_is_refused_in_plain_words(
    client, world, choose, message
):
    client.force_login(verified(UserFactory()))
    response = client.post("/my/affiliations/new/", {**choose(world), "title": "CIO", "justification": "x"})
    assert response.status_code == 200
    assert message in response.text
    assert not Affiliation.objects.filter(status="requested").exists()


def test_asking_twice_for_the_same_partner_is_refused(client, world):
    person = world["people"]["official of A"]
    client.force_login(person)
    response = client.post(
        "/my/affiliations/new/", {"organisation": world["a"].pk, "title": "CIO", "justification": "x"}
    )
    assert "You have already asked to act for this organisation, or you already do." in response.text
    assert Affiliation.objects.filter(user=person).count() == 1


def test_one_request_covers_every_role_of_the_organisation(world):
    """C is a member and a partner: one affiliation makes its official act for both."""
    person = UserFactory()
    corporation = world["c"].organisation
    affiliation = request_affiliation(person, corporation, title="CTO", justification="x")
    perform(affiliation, "approve", actor=secretariat_user())
    assert acts_for(person, corporation.member.pk) and acts_for(person, world["c"].pk)
    assert list(partners_of(person)) == [world["c"]]


def test_the_secretariat_confirms_a_partner_affiliation_in_the_admin(client, world):
    person = UserFactory()
    affiliation = request_affiliation(person, world["b"].organisation, title="CTO", justification="x")
    staff = secretariat_user()
    client.force_login(staff)
    listing = client.get("/admin/organisations/affiliation/")
    assert listing.status_code == 200 and "Partner B" in listing.text
    assert client.get(f"/admin/organisations/affiliation/{affiliation.pk}/change/").status_code == 200
