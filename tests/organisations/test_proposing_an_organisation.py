"""A person whose organisation is not on the portal describes it when asking to act for it; the
Secretariat confirms the request and the organisation in one step. Until then nobody else sees it."""

import pytest

from organisations.models import Affiliation, Organisation
from organisations.workflow import ACTING, AFFILIATION
from tests.factories import MemberFactory, OrganisationFactory, UserFactory, secretariat_user, verified
from wego.notifications.models import Notification
from wego.workflow.definitions import AWAITING
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

ASK = "/my/affiliations/new/"


NOT_PROPOSING = {"new_name": "", "new_kind": "", "new_country": "", "new_city": "", "new_website": ""}


def proposal(**changes):
    data = {
        "organisation": "",
        "new_name": "Cauayan Water District",
        "new_kind": "institution",
        "new_country": "PH",
        "new_city": "Cauayan",
        "new_website": "https://water.cauayan.example",
        "title": "General Manager",
        "justification": "I run the district; the board can confirm it.",
    }
    data.update(changes)
    return data


@pytest.fixture
def person(client):
    person = verified(UserFactory())
    client.force_login(person)
    return person


def test_a_person_proposes_their_organisation_and_staff_confirm_both_in_one_step(
    client, person, django_capture_on_commit_callbacks
):
    MemberFactory(name="Cauayan", country="PH")  # places the Philippines in a region
    staff = secretariat_user()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, proposal())
    assert response.status_code == 302 and response["Location"] == "/my/"
    organisation = Organisation.objects.get(name="Cauayan Water District")
    assert (organisation.kind, organisation.country, organisation.city) == ("institution", "PH", "Cauayan")
    assert organisation.region.slug == "asia-pacific" and not organisation.confirmed
    assert organisation.proposed_by == person
    affiliation = Affiliation.objects.get(user=person)
    assert (affiliation.organisation, affiliation.status) == (organisation, "requested")
    assert Notification.objects.filter(recipient=staff).exists()
    assert "Cauayan Water District" in client.get("/my/").text  # the person sees what they asked

    client.force_login(staff)
    page = client.get(f"/admin/organisations/affiliation/{affiliation.pk}/change/").text
    assert "Proposed by the person, not yet on the portal" in page
    client.post(
        f"/admin/organisations/affiliation/{affiliation.pk}/transition/",
        {"transition": "approve", "seen_state": "requested"},
    )
    organisation.refresh_from_db()
    affiliation.refresh_from_db()
    assert organisation.confirmed and AFFILIATION.has(affiliation, ACTING)


def test_until_confirmed_nobody_else_sees_the_proposed_organisation(client, person):
    client.post(ASK, proposal())
    proposed = Organisation.objects.get(name="Cauayan Water District")
    assert list(Organisation.objects.visible_to(person)) == [proposed]
    someone_else = verified(UserFactory())
    assert list(Organisation.objects.visible_to(someone_else)) == []
    client.force_login(someone_else)
    assert "Cauayan Water District" not in client.get(ASK).text
    response = client.post(ASK, proposal(organisation=proposed.pk, **NOT_PROPOSING))
    assert "Choose an organisation from the list." in response.text


def test_a_second_proposal_of_the_same_unconfirmed_organisation_is_the_same_record(client, person):
    client.post(ASK, proposal())
    client.force_login(verified(UserFactory()))
    client.post(ASK, proposal(new_name="cauayan water  district".replace("  ", " ").upper()))
    assert Organisation.objects.filter(name_folded="cauayan water district").count() == 1
    assert Affiliation.objects.filter(organisation__name="Cauayan Water District").count() == 2


def test_an_organisation_already_on_the_portal_is_offered_instead_of_a_duplicate(client, person):
    listed = OrganisationFactory(name="Cauayan Water District", country="PH", kind="institution")
    response = client.post(ASK, proposal(new_name="CAUAYAN WATER DISTRICT"))
    assert response.status_code == 200
    assert "Cauayan Water District is already on the portal: it is chosen for you above." in response.text
    assert f'<option value="{listed.pk}" selected>' in response.text
    assert Organisation.objects.count() == 1 and not Affiliation.objects.exists()
    # Sending the form again, as it now stands, asks to act for the listed organisation.
    response = client.post(ASK, proposal(organisation=listed.pk, **NOT_PROPOSING))
    assert response.status_code == 302
    assert Affiliation.objects.get().organisation == listed


def test_the_same_name_in_another_country_is_another_organisation(client, person):
    OrganisationFactory(name="San Fernando", country="ES")
    assert client.post(ASK, proposal(new_name="San Fernando", new_country="PH")).status_code == 302
    assert Organisation.objects.filter(name="San Fernando").count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"new_name": "<script>alert(1)</script>"}, "Write this as plain text, without &lt; or &gt;."),
        ({"new_city": "<b>Cauayan</b>"}, "Write this as plain text, without &lt; or &gt;."),
        ({"new_name": "Cauayan\x07Water"}, "Remove the invisible control characters from this text."),
        ({"new_name": "x" * 10_000}, "Ensure this value has at most 200 characters"),
        ({"new_city": "y" * 10_000}, "Ensure this value has at most 120 characters"),
        ({"new_website": "javascript:alert(1)"}, "Enter a web address starting with http:// or https://."),
        (
            {"new_website": "ftp://water.cauayan.example"},
            "Enter a web address starting with http:// or https://.",
        ),
        ({"new_website": "file:///etc/passwd"}, "Enter a web address starting with http:// or https://."),
        ({"new_country": "ZZ"}, "Select a valid choice."),
        ({"new_kind": "empire"}, "Select a valid choice."),
        ({"new_name": ""}, "Give the organisation&#x27;s name."),
        ({"new_kind": ""}, "Choose the type of organisation."),
        ({"new_country": ""}, "Choose the country the organisation is in."),
    ],
)
def test_junk_in_a_proposal_gets_a_clear_message_and_creates_nothing(client, person, changes, message):
    response = client.post(ASK, proposal(**changes))
    assert response.status_code == 200
    assert message in response.text
    assert not Organisation.objects.exists() and not Affiliation.objects.exists()


def test_after_a_decline_the_proposer_may_ask_again_for_the_organisation_they_described(client, person):
    client.post(ASK, proposal())
    affiliation = Affiliation.objects.get()
    perform(affiliation, "decline", actor=secretariat_user(), note="Who at the district can confirm it?")
    proposed = Organisation.objects.get(name="Cauayan Water District")
    assert f'<option value="{proposed.pk}">' in client.get(ASK).text
    response = client.post(ASK, proposal(organisation=proposed.pk, **NOT_PROPOSING))
    assert response.status_code == 302
    assert Affiliation.objects.filter(AFFILIATION.q(AWAITING), organisation=proposed).count() == 1
