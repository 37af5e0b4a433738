"""Asked once, reused everywhere, changed by the person: the name given at sign-up names the person to
staff and in mail; the title given when asking to act for an organisation and the person's address
are offered again where a contact is asked."""

import pytest

from members.forms import MembershipApplicationForm
from organisations.models import User
from programs.services.solution_finder import start_application
from tests.factories import AffiliationFactory, MemberFactory, UserFactory, official_of, verified

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase for wego"


def sign_up(client, **fields):
    return client.post(
        "/accounts/signup/",
        {"email": "maria@cauayan.example", "password1": PASSWORD, "password2": PASSWORD, **fields},
    )


def test_sign_up_asks_for_a_name(client):
    page = client.get("/accounts/signup/").text
    assert 'name="first_name"' in page and 'name="last_name"' in page
    refused = sign_up(client)
    assert refused.status_code == 200 and not User.objects.exists()


def test_the_name_given_at_sign_up_is_how_the_person_is_named(client):
    assert sign_up(client, first_name="Maria", last_name="Santos").status_code == 302
    person = User.objects.get(email="maria@cauayan.example")
    assert (person.first_name, person.last_name, str(person)) == ("Maria", "Santos", "Maria Santos")


def test_a_person_without_a_name_is_named_by_their_address():
    assert str(UserFactory(email="no.name@city.example")) == "no.name@city.example"


def test_the_person_changes_their_name_on_their_profile(client):
    person = verified(UserFactory(first_name="Maria", last_name="Santos"))
    client.force_login(person)
    assert "Maria Santos" in client.get("/my/").text
    page = client.get("/my/profile/").text
    assert 'value="Maria"' in page and 'value="Santos"' in page
    response = client.post("/my/profile/", {"first_name": "María", "last_name": "Santos Cruz"})
    assert response.status_code == 302 and response["Location"] == "/my/"
    person.refresh_from_db()
    assert str(person) == "María Santos Cruz"
    assert client.post("/my/profile/", {"first_name": "", "last_name": "X"}).status_code == 200


def test_the_title_given_before_is_offered_when_asking_to_act_for_another_organisation(client):
    person = official_of(MemberFactory(name="Cauayan"), title="City Information Officer")
    client.force_login(person)
    page = client.get("/my/affiliations/new/").text
    assert 'name="title" value="City Information Officer"' in page


def test_the_membership_application_offers_the_person_as_its_contact(client):
    person = verified(UserFactory(first_name="Amina", last_name="Otieno", email="amina@mombasa.example"))
    client.force_login(person)
    form = client.get("/members/join/").context["form"]
    assert isinstance(form, MembershipApplicationForm)
    assert (form["contact_name"].value(), form["contact_email"].value()) == (
        "Amina Otieno",
        "amina@mombasa.example",
    )


def test_a_solution_finder_application_starts_with_the_official_as_its_contact():
    city = MemberFactory(name="Cauayan")
    person = UserFactory(first_name="Maria", last_name="Santos", email="maria@cauayan.example")
    AffiliationFactory(user=person, member=city, title="City Information Officer")
    application = start_application(city.organisation, person)
    assert (application.contact_name, application.contact_title, application.contact_email) == (
        "Maria Santos",
        "City Information Officer",
        "maria@cauayan.example",
    )
