"""No dead ends for new staff: signed in with their password, they enrol an authenticator without being
asked the password again, and the recovery codes page leads on to the administration."""

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

from tests.factories import UserFactory, verified

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase for wego"


@pytest.fixture
def new_staff(client):
    person = verified(UserFactory(email="new.staff@we-gov.example", is_staff=True, is_superuser=True))
    person.set_password(PASSWORD)
    person.save()
    return person


def sign_in(client):
    return client.post("/accounts/login/", {"login": "new.staff@we-gov.example", "password": PASSWORD})


def test_the_admin_sends_new_staff_to_enrol_without_asking_the_password_again(client, new_staff):
    sign_in(client)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/totp/activate/"
    assert "reauthenticate" not in response.redirect_chain[-1][0]
    assert 'name="code"' in response.text


def test_an_old_sign_in_is_still_checked_again_before_enrolling(client, new_staff, settings):
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    sign_in(client)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302 and "reauthenticate" in response["Location"]


def test_the_recovery_codes_page_leads_on_to_the_administration(client, new_staff):
    sign_in(client)
    page = client.get("/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post("/accounts/2fa/totp/activate/", {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/recovery-codes/"
    assert 'href="/admin/"' in response.text and "Continue to the administration" in response.text
    assert client.get("/admin/").status_code == 200
