import re

import pytest
from django.core import mail

from tests.factories import UserFactory, with_mfa

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase for wego"


def confirmation_link(message):
    return re.search(r"https?://[^/]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_a_person_signs_up_by_email_and_must_confirm_it_before_signing_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox delivers once the request commits
        response = client.post(
            "/accounts/signup/",
            {
                "first_name": "Grace",
                "last_name": "Wanjiru",
                "email": "Official@Nairobi.example",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    [message] = mail.outbox
    assert message.to == ["official@nairobi.example"] and message.subject.startswith("[WeGO] ")

    client.logout()
    refused = client.post("/accounts/login/", {"login": "official@nairobi.example", "password": PASSWORD})
    assert refused["Location"] == "/accounts/confirm-email/"  # not signed in until confirmed

    confirm = confirmation_link(mail.outbox[-1])
    client.post(confirm)
    page = client.get("/")
    assert page.context["user"].is_authenticated
    assert page.context["user"].email == "official@nairobi.example"


def test_account_pages_are_in_the_portals_layout(client):
    page = client.get("/accounts/login/").text
    assert 'href="#main"' in page and 'hreflang="ko" lang="ko"' in page
    assert '<div class="allauth-fields">' in page


def test_repeated_failed_sign_ins_get_a_clear_message_not_an_error(client):
    UserFactory(email="official@kigali.example")
    for _ in range(6):
        response = client.post("/accounts/login/", {"login": "official@kigali.example", "password": "wrong"})
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.text


def test_password_reset_sends_a_link(client, django_capture_on_commit_callbacks):
    UserFactory(email="official@accra.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "official@accra.example"})
    assert mail.outbox[-1].to == ["official@accra.example"]
    assert "/accounts/password/reset/key/" in mail.outbox[-1].body


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"
    # allauth first asks for the password again, then offers the authenticator set-up.
    assert "set up an authenticator app" in client.get(response["Location"], follow=True).text


def test_staff_with_a_second_factor_open_the_admin(client):
    client.force_login(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    assert client.get("/admin/").status_code == 200


def test_the_admin_sign_in_is_allauths(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_person_changes_their_email_and_must_confirm_the_new_one(
    client, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress

    person = UserFactory(email="old@city.example")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    client.force_login(person)
    assert client.get("/accounts/email/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/email/", {"action_add": "", "email": "new@city.example"})
    added = EmailAddress.objects.get(email="new@city.example")
    assert not added.verified
    assert mail.outbox[-1].to == ["new@city.example"]


def test_two_factor_settings_offer_an_authenticator_app_and_recovery_codes(client):
    client.force_login(with_mfa(UserFactory()))
    page = client.get("/accounts/2fa/").text
    assert "Authenticator App" in page and "Recovery Codes" in page
