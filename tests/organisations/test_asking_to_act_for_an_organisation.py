import pytest
from allauth.account.models import EmailAddress

from organisations.models import Affiliation
from tests.factories import MemberFactory, UserFactory, secretariat_user
from wego.notifications.models import Notification

pytestmark = pytest.mark.django_db


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in ["/my/", "/my/affiliations/new/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_an_unverified_person_must_confirm_the_email_before_asking(client):
    client.force_login(UserFactory())
    response = client.post(
        "/my/affiliations/new/", {"organisation": MemberFactory().pk, "title": "CIO", "justification": "x"}
    )
    assert "account/verified_email_required.html" in [template.name for template in response.templates]
    assert Affiliation.objects.count() == 0


def test_a_person_asks_to_act_for_an_organisation_and_sees_it_waiting(
    client, django_capture_on_commit_callbacks
):
    person, city = verified(UserFactory()), MemberFactory(name="Nairobi")
    staff = secretariat_user()
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/my/affiliations/new/",
            {
                "organisation": city.pk,
                "title": "Chief Digital Officer",
                "justification": "I lead the city's smart city unit.",
            },
        )
    assert response.status_code == 302 and response["Location"] == "/my/"
    affiliation = Affiliation.objects.get()
    assert (affiliation.user, affiliation.organisation, affiliation.status) == (
        person,
        city.organisation,
        "requested",
    )
    assert Notification.objects.get(recipient=staff).kind == "workflow:status"
    page = client.get("/my/").text
    assert "Nairobi" in page and "Waiting for the Secretariat to confirm" in page


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"organisation": "999999", "title": "CIO", "justification": "x"},
        {"organisation": "abc", "title": "CIO", "justification": "x"},
        {"title": "x" * 500, "justification": "y" * 5000},
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_changes_nothing(client, data):
    MemberFactory()
    client.force_login(verified(UserFactory()))
    response = client.post("/my/affiliations/new/", data)
    assert response.status_code == 200
    assert 'class="text-danger small"' in response.text
    assert Affiliation.objects.count() == 0


def test_asking_twice_is_refused_with_a_clear_message(client):
    person, city = verified(UserFactory()), MemberFactory()
    client.force_login(person)
    data = {"organisation": city.pk, "title": "CIO", "justification": "I run the city's IT."}
    client.post("/my/affiliations/new/", data)
    response = client.post("/my/affiliations/new/", data)
    assert "You have already asked to act for this organisation" in response.text
    assert Affiliation.objects.count() == 1


def test_markup_in_the_request_is_shown_as_text(client):
    person, city = verified(UserFactory()), MemberFactory()
    client.force_login(person)
    client.post(
        "/my/affiliations/new/",
        {"organisation": city.pk, "title": "<script>alert(1)</script>", "justification": "x"},
    )
    assert "<script>alert(1)" not in client.get("/my/").text
