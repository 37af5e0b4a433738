"""A signed-in person's messages on the portal: the header counts the unread ones, My WeGO lists
them, they are marked read together, and nobody sees another person's."""

import pytest

from tests.factories import UserFactory
from wego.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_header_counts_unread_messages_and_they_can_be_marked_read(client):
    person = UserFactory()
    Notification.objects.create(
        recipient=person, email=person.email, kind="k", language="en", subject="Hello", body_text="Hi"
    )
    client.force_login(person)
    assert '1<span class="visually-hidden"> unread messages</span>' in client.get("/").text
    client.post("/my/notifications/read/")
    assert "unread messages" not in client.get("/").text


def test_a_person_sees_only_their_own_messages(client):
    other = UserFactory()
    Notification.objects.create(
        recipient=other, email=other.email, kind="k", language="en", subject="Secret", body_text="x"
    )
    client.force_login(UserFactory())
    assert "Secret" not in client.get("/my/").text
