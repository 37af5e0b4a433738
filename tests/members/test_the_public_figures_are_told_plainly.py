"""Visitors read the stated totals and the number listed, and once that the directory is being
completed; the figure-by-figure reconciliation is the Secretariat's."""

import pytest

from tests.factories import UserFactory, secretariat_user, verified

pytestmark = pytest.mark.django_db

NOTE = "The directory lists the members the 2020 annual report names, and the Secretariat is completing it."


@pytest.mark.parametrize("url", ["/", "/members/stats/"])
def test_a_visitor_reads_once_that_the_secretariat_is_completing_the_directory(client, report_data, url):
    assert client.get(url).text.count(NOTE) == 1


def test_the_stats_page_gives_the_stated_total_and_the_number_listed(client, report_data):
    text = client.get("/members/stats/").text
    assert "209 members in 2020, as the annual report states; 166 listed in the directory." in text


def test_a_visitor_sees_no_difference_column_on_the_stats_page(client, report_data):
    text = client.get("/members/stats/").text
    assert "Difference" not in text
    assert "/members/stats/reconciliation/" not in text


def test_the_reconciliation_is_for_the_secretariat_only(client, report_data):
    assert client.get("/members/stats/reconciliation/").status_code == 302  # to sign in
    client.force_login(verified(UserFactory()))
    assert client.get("/members/stats/reconciliation/").status_code == 404

    client.force_login(secretariat_user())
    assert 'href="/members/stats/reconciliation/"' in client.get("/members/stats/").text
    response = client.get("/members/stats/reconciliation/")
    assert "Difference" in response.text
    rows = {row["figure"].slug: row for row in response.context["reconciliation"]}
    assert rows["local-governments-americas-2020"]["listed"] == 9
    assert rows["local-governments-americas-2020"]["difference"] == -1
    assert rows["new-corporations-2020"]["listed"] == 7


def test_the_home_page_links_each_programme_and_the_driver_leads_to_the_solution_finder(client, report_data):
    text = client.get("/").text
    assert 'href="/driver/"' in text
    assert 'href="/driver/#activator-heading"' in text and 'href="/driver/#implementer-heading"' in text
    assert (
        '<a class="btn btn-primary" href="/driver/solution-finder/">Apply to the Solution Finder</a>' in text
    )
