"""Adding in the admin is a submission like any form of the site's (wego/admin.py AddsOnce): a double
click on Save, two real connections at once, adds one thing; the second answer says so."""

import re
import threading

import pytest
from django.test import Client

from organisations.models import Region
from tests.factories import UserFactory, with_mfa
from wego.submissions.once import FIELD

pytestmark = pytest.mark.django_db(transaction=True)

ADD = "/admin/organisations/region/add/"


def test_a_double_click_on_save_when_adding_adds_once():
    staff = with_mfa(UserFactory(is_staff=True, is_superuser=True))
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(staff)
    page = clients[0].get(ADD).text
    (token,) = re.findall(rf'name="{FIELD}" value="([^"]+)"', page)
    data = {"name": "Oceania", "slug": "oceania", "position": 9, FIELD: token, "_save": "Save"}
    both_ready = threading.Barrier(2)
    answers = []

    def save(client):
        both_ready.wait()
        answers.append(client.post(ADD, data, follow=True))

    threads = [threading.Thread(target=save, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Region.objects.filter(slug="oceania").count() == 1
    assert all(answer.status_code == 200 for answer in answers)
    assert sum("This was already sent; here it is." in answer.text for answer in answers) == 1
