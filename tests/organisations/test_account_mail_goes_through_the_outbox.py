"""allauth's mail (confirmation, password reset) is the portal's mail: written to the outbox with the
request's change, delivered by the worker after it commits, retried while the SMTP server is down,
and every link in it built from PORTAL_URL, whatever Host header the request came with."""

import re

import pytest
from allauth.account.models import EmailAddress

from tests.factories import UserFactory, verified
from tests.realparts import Inbox, free_port, smtp_mailer, start_smtp_server
from wego.notifications.models import Notification
from wego.notifications.tasks import deliver

pytestmark = pytest.mark.django_db

PASSWORD = "a long pass phrase for wego"
NAME = {"first_name": "Grace", "last_name": "Wanjiru"}
LINK = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def smtp_port(settings):
    """The portal sends through a real SMTP client to this loopback port, where nothing listens yet."""
    port = free_port()
    settings.MAILERS = smtp_mailer(port)
    return port


def sign_up(client, email):
    return client.post(
        "/accounts/signup/", {**NAME, "email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def test_with_the_mail_server_down_signing_up_works_and_the_confirmation_waits_in_the_outbox(
    client, smtp_port, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "official@nairobi.example")

    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    assert EmailAddress.objects.filter(email="official@nairobi.example", verified=False).exists()
    [waiting] = Notification.objects.all()
    assert waiting.kind == "account:email_confirmation_signup"
    assert waiting.status == Notification.Status.PENDING and waiting.attempts == 1
    assert "ConnectionRefusedError" in waiting.last_error
    assert waiting.recipient.email == "official@nairobi.example"

    inbox = Inbox()
    server = start_smtp_server(inbox, port=smtp_port)  # the mail server is back
    try:
        deliver(waiting.pk)  # as the periodic sweep hands it out
    finally:
        server.stop()
    waiting.refresh_from_db()
    assert waiting.status == Notification.Status.SENT
    assert [message["to"] for message in inbox.messages] == [["official@nairobi.example"]]


def test_with_the_mail_server_down_a_password_reset_is_asked_for_and_its_mail_waits(
    client, smtp_port, django_capture_on_commit_callbacks
):
    UserFactory(email="official@accra.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "official@accra.example"})

    assert response.status_code == 302
    [waiting] = Notification.objects.all()
    assert waiting.kind == "account:password_reset_key" and waiting.status == Notification.Status.PENDING


def test_account_mail_is_not_written_when_the_request_fails(client, smtp_port):
    sign_up(client, "not-an-address")
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("asked", "kind"),
    [
        ("signup", "account:email_confirmation_signup"),
        ("reset", "account:password_reset_key"),
        ("reset of an unknown address", "account:unknown_account"),
        ("signup of a known address", "account:account_already_exists"),
    ],
)
def test_every_link_in_account_mail_is_built_from_the_portals_address(client, settings, asked, kind):
    settings.PORTAL_URL = "https://portal.we-gov.org"
    UserFactory(email="known@city.example")
    foreign = {"HTTP_HOST": "127.0.0.1:6666"}
    if asked == "signup":
        sign_up_response = client.post(
            "/accounts/signup/",
            {**NAME, "email": "new@city.example", "password1": PASSWORD, "password2": PASSWORD},
            **foreign,
        )
        assert sign_up_response.status_code == 302
    elif asked == "signup of a known address":
        client.post(
            "/accounts/signup/",
            {**NAME, "email": "known@city.example", "password1": PASSWORD, "password2": PASSWORD},
            **foreign,
        )
    else:
        address = "known@city.example" if asked == "reset" else "nobody@city.example"
        client.post("/accounts/password/reset/", {"email": address}, **foreign)

    [message] = Notification.objects.filter(kind=kind)
    links = LINK.findall(message.body_text) + LINK.findall(message.body_html)
    assert links and all(link.startswith("https://portal.we-gov.org/") for link in links), links
    assert "6666" not in message.body_text + message.body_html


def test_staff_never_read_an_account_links_and_it_is_forgotten_once_delivered(
    client, smtp_port, django_capture_on_commit_callbacks
):
    from tests.factories import secretariat_user

    UserFactory(email="official@accra.example")
    with django_capture_on_commit_callbacks(execute=True):  # the mail server is down: the mail waits
        client.post("/accounts/password/reset/", {"email": "official@accra.example"})
    [waiting] = Notification.objects.all()
    assert "/accounts/password/reset/key/" in waiting.body_text and waiting.confidential

    staff = client.__class__()
    staff.force_login(secretariat_user())
    page = staff.get(f"/admin/notifications/notification/{waiting.pk}/change/").text
    assert "/accounts/password/reset/key/" not in page and "Not shown: account mail" in page

    inbox = Inbox()
    server = start_smtp_server(inbox, port=smtp_port)
    try:
        deliver(waiting.pk)
    finally:
        server.stop()
    waiting.refresh_from_db()
    assert waiting.status == Notification.Status.SENT and waiting.body_text == waiting.body_html == ""
    assert len(inbox.messages) == 1


def test_a_confirmation_of_a_new_address_is_not_filed_with_whoever_else_wrote_it(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="new@city.example")  # someone else who typed this address once, unconfirmed
    person = verified(UserFactory(email="old@city.example"))
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/email/", {"action_add": "", "email": "new@city.example"})
    [confirmation] = Notification.objects.filter(email="new@city.example")
    assert confirmation.recipient == person
