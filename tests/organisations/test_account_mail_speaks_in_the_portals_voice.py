"""allauth's account mail is the portal's: its layout and sign-off, the person named, what happens
next and the link to it, a subject that reads as a sentence, and links on the portal's own address
(PORT=8812 make run gives mail links on port 8812)."""

import re
import subprocess
from pathlib import Path

import pytest

from organisations.services import request_affiliation
from tests.factories import MemberFactory, UserFactory, secretariat_user, verified
from wego.notifications.models import Notification
from wego.workflow.engine import perform

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long pass phrase for wego"
SIGN_OFF = "WeGO Portal · World Smart Sustainable Cities Organization"
LINK = re.compile(r"https?://[^\s\"'<>]+")


def sign_up(client, email, first_name="Maria", last_name="Santos"):
    return client.post(
        "/accounts/signup/",
        {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_the_sign_up_confirmation_names_the_person_says_what_follows_and_links_to_it(client, settings):
    settings.PORTAL_URL = "http://127.0.0.1:8812"
    assert sign_up(client, "maria@cauayan.example").status_code == 302

    [mail] = Notification.objects.filter(kind="account:email_confirmation_signup")
    assert mail.subject == "[WeGO] Confirm your address to finish signing up to the WeGO Portal"
    for body in (mail.body_text, mail.body_html):
        assert "Hello from" not in body and "Thank you for using" not in body
        assert "Dear Maria Santos," in body and SIGN_OFF in body
        assert "Once it is confirmed you are signed in" in body
    assert "Confirm your address: http://127.0.0.1:8812/accounts/confirm-email/" in mail.body_text
    assert 'href="http://127.0.0.1:8812/accounts/confirm-email/' in mail.body_html


@pytest.mark.parametrize(
    ("asked", "kind", "subject", "greeting", "next_step"),
    [
        (
            "reset",
            "account:password_reset_key",
            "Choose a new password for the WeGO Portal",
            "Dear Ana Reyes,",
            "Choose a new password: http://127.0.0.1:8812/accounts/password/reset/key/",
        ),
        (
            "reset of an unknown address",
            "account:unknown_account",
            "There is no WeGO Portal account for this address",
            "Hello,",
            "To open one, sign up: http://127.0.0.1:8812/accounts/signup/",
        ),
        (
            "signup of a known address",
            "account:account_already_exists",
            "You already have an account on the WeGO Portal",
            "Dear Ana Reyes,",
            "Sign in: http://127.0.0.1:8812/accounts/login/",
        ),
    ],
)
def test_every_account_mail_is_in_the_portals_voice(
    client, settings, asked, kind, subject, greeting, next_step
):
    settings.PORTAL_URL = "http://127.0.0.1:8812"
    verified(UserFactory(email="ana@city.example", first_name="Ana", last_name="Reyes"))
    if asked == "signup of a known address":
        sign_up(client, "ana@city.example", "Someone", "Else")
    else:
        address = "ana@city.example" if asked == "reset" else "nobody@city.example"
        client.post("/accounts/password/reset/", {"email": address})

    [mail] = Notification.objects.filter(kind=kind)
    assert mail.subject == f"[WeGO] {subject}"
    assert mail.body_text.startswith(greeting) and "Hello from" not in mail.body_text
    assert next_step in mail.body_text and SIGN_OFF in mail.body_text and SIGN_OFF in mail.body_html
    links = LINK.findall(mail.body_text) + LINK.findall(mail.body_html)
    assert links and all(link.startswith("http://127.0.0.1:8812/") for link in links), links


def test_a_person_without_a_name_is_greeted_without_the_site_s_address(client):
    UserFactory(email="no.name@city.example")
    client.post("/accounts/password/reset/", {"email": "no.name@city.example"})
    [mail] = Notification.objects.filter(kind="account:password_reset_key")
    assert mail.body_text.startswith("Hello,\n") and "127.0.0.1" not in mail.body_text.splitlines()[0]


def test_make_run_gives_mail_links_the_port_it_serves():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8812"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    [serve] = [line for line in dry_run.splitlines() if "runserver" in line]
    assert "PORTAL_URL=${PORTAL_URL:-http://127.0.0.1:8812}" in serve and "runserver 127.0.0.1:8812" in serve


def test_the_answer_to_a_request_to_act_for_an_organisation_has_a_sentence_for_a_subject(
    django_capture_on_commit_callbacks,
):
    person = verified(UserFactory(first_name="Maria", last_name="Santos"))
    city = MemberFactory(name="Cauayan")
    with django_capture_on_commit_callbacks(execute=True):
        affiliation = request_affiliation(person, city.organisation, title="CIO", justification="I run IT.")
        perform(affiliation, "approve", actor=secretariat_user())
    [told] = Notification.objects.filter(recipient=person)
    # Workflow mails carry no "[WeGO] " prefix: only allauth's account mails do.
    assert told.subject == "Your request to act for Cauayan is confirmed"
    assert "Dear" not in told.subject and SIGN_OFF in told.body_text


def test_a_declined_or_ended_affiliation_says_so_in_its_subject(django_capture_on_commit_callbacks):
    person = verified(UserFactory(first_name="Maria", last_name="Santos"))
    cauayan, ilagan = MemberFactory(name="Cauayan"), MemberFactory(name="Ilagan")
    with django_capture_on_commit_callbacks(execute=True):
        asked = request_affiliation(person, cauayan.organisation, title="CIO", justification="I run IT.")
        perform(asked, "decline", actor=secretariat_user(), note="We could not reach the city.")
        acting = request_affiliation(person, ilagan.organisation, title="CIO", justification="I run IT.")
        perform(acting, "approve", actor=secretariat_user())
        perform(acting, "revoke", actor=secretariat_user(), note="You left the city's service.")
    assert [n.subject for n in Notification.objects.filter(recipient=person).order_by("pk")] == [
        "Your request to act for Cauayan is declined",
        "Your request to act for Ilagan is confirmed",
        "You no longer act for Ilagan: the Secretariat ended your affiliation",
    ]


def test_a_step_without_a_declared_subject_keeps_the_sentence_of_its_state(
    django_capture_on_commit_callbacks,
):
    from organisations.public_profile import propose_profile_change
    from organisations.workflow import PROFILE_CHANGE

    person = verified(UserFactory(first_name="Maria", last_name="Santos"))
    city = MemberFactory(name="Cauayan")
    assert not PROFILE_CHANGE.transition("propose").subject
    with django_capture_on_commit_callbacks(execute=True):
        acting = request_affiliation(person, city.organisation, title="CIO", justification="I run IT.")
        perform(acting, "approve", actor=secretariat_user())
        propose_profile_change(
            city.organisation,
            {"description": "A city of rice.", "website": "", "contact_email": ""},
            by=person,
        )
    told = Notification.objects.filter(recipient=person).order_by("pk").last()
    assert told.subject == (
        "The change to the public profile of Cauayan is now “Waiting for the Secretariat's review”"
    )
