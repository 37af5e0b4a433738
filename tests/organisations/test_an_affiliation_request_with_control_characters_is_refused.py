"""Control characters typed (or pasted) into an affiliation request are refused with a clear message:
they would be stored, and shown raw in the admin and in the Secretariat's mail."""

import pytest

from organisations.models import Affiliation, Organisation
from tests.factories import MemberFactory, UserFactory, secretariat_user, verified
from wego.notifications.models import Notification

pytestmark = pytest.mark.django_db

ASK = "/my/affiliations/new/"
MESSAGE = "Remove the invisible control characters from this text."


@pytest.fixture
def person(client):
    person = verified(UserFactory())
    client.force_login(person)
    secretariat_user()  # someone who would be mailed, were anything stored
    return person


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\x7f", "\x00"])
@pytest.mark.parametrize("field", ["title", "justification"])
def test_a_request_for_a_listed_organisation_is_refused_next_to_the_field(client, person, field, character):
    data = {"organisation": MemberFactory().organisation.pk, "title": "CIO", "justification": "I run IT."}
    data[field] = f"Chief{character} Digital Officer"
    response = client.post(ASK, data)
    assert response.status_code == 200
    assert MESSAGE in response.text
    assert not Affiliation.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize("field", ["new_name", "new_city"])
def test_a_described_organisation_is_refused_with_nothing_created(client, person, field):
    data = {
        "new_name": "Cauayan Water District",
        "new_kind": "institution",
        "new_country": "PH",
        "new_city": "Cauayan",
        "title": "General Manager",
        "justification": "I run the district.",
    }
    data[field] = f"Cauayan\x1b[31m{data[field]}"
    response = client.post(ASK, data)
    assert response.status_code == 200
    assert MESSAGE in response.text
    assert not Organisation.objects.exists()
    assert not Affiliation.objects.exists() and not Notification.objects.exists()
