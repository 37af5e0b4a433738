"""A request that changes something is one transaction (wego.middleware.changes_in_one_transaction):
a form sent that ends in an error or a refusal changes nothing; a page read pays for no transaction."""

import pytest

from organisations.models import Region

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.wego.one_transaction_views")]


@pytest.mark.parametrize("status", [200, 302])
def test_a_form_sent_that_succeeds_keeps_what_it_wrote(client, status):
    assert client.post(f"/writes/{status}/").status_code == status
    assert Region.objects.filter(slug="written").exists()


@pytest.mark.parametrize("status", [400, 403, 404, 409])
def test_a_form_sent_that_is_refused_changes_nothing(client, status):
    assert client.post(f"/writes/{status}/").status_code == status
    assert not Region.objects.filter(slug="written").exists()


def test_a_form_sent_that_fails_changes_nothing(client):
    client.raise_request_exception = False
    assert client.post("/fails/").status_code == 500
    assert not Region.objects.filter(slug="written").exists()


def test_a_page_read_runs_outside_any_transaction(client):
    assert client.get("/in-a-transaction/").text == "False"
