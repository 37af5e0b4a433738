import pytest
from allauth.account.models import EmailAddress

from organisations.models import Affiliation
from organisations.workflow import AFFILIATION, REASON
from tests.factories import AffiliationFactory, MemberFactory, UserFactory, secretariat_user
from tests.states import put_in
from wego.notifications.models import Notification
from wego.workflow.definitions import AWAITING, FINAL
from wego.workflow.engine import perform

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


def test_a_person_withdraws_their_request_from_my_wego_after_ticking_the_confirmation(client):
    person, city = verified(UserFactory()), MemberFactory(name="Nairobi")
    client.force_login(person)
    client.post("/my/affiliations/new/", {"organisation": city.pk, "title": "CIO", "justification": "x"})
    affiliation = Affiliation.objects.get()
    page = client.get("/my/").text
    assert f'action="/my/affiliations/{affiliation.pk}/step/"' in page and 'name="confirmed"' in page
    client.post(
        f"/my/affiliations/{affiliation.pk}/step/", {"transition": "withdraw", "seen_state": "requested"}
    )
    affiliation.refresh_from_db()
    assert AFFILIATION.has(affiliation, AWAITING)  # not without the tick
    client.post(
        f"/my/affiliations/{affiliation.pk}/step/",
        {"transition": "withdraw", "seen_state": "requested", "confirmed": "yes"},
    )
    affiliation.refresh_from_db()
    # Withdrawn: the one final state without a reason from the Secretariat.
    assert AFFILIATION.has(affiliation, FINAL) and not AFFILIATION.has(affiliation, REASON)


def test_nobody_withdraws_someone_elses_request(client):
    affiliation = put_in(AffiliationFactory(), "requested")
    client.force_login(verified(UserFactory()))
    response = client.post(
        f"/my/affiliations/{affiliation.pk}/step/", {"transition": "withdraw", "confirmed": "yes"}
    )
    assert response.status_code == 404
    affiliation.refresh_from_db()
    assert AFFILIATION.has(affiliation, AWAITING)


def test_the_person_reads_why_the_secretariat_declined_or_ended_it(
    client, django_capture_on_commit_callbacks
):
    staff = secretariat_user()
    declined = put_in(AffiliationFactory(), "requested")
    ended = AffiliationFactory(user=declined.user)
    perform(declined, "decline", actor=staff, note="Please ask your mayor's office to write to us.")
    with django_capture_on_commit_callbacks(execute=True):
        perform(ended, "revoke", actor=staff, note="You left the city's service in June.")
    client.force_login(declined.user)
    page = client.get("/my/").text
    assert "Please ask your mayor&#x27;s office to write to us." in page
    assert "You left the city&#x27;s service in June." in page and "Ended by the Secretariat" in page
    assert (
        "You left the city's service in June."
        in Notification.objects.filter(recipient=declined.user).first().body_text
    )
