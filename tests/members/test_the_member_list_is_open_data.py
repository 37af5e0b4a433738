import csv
import io

import pytest

from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_json_export_lists_the_filtered_members_with_the_documented_fields(client, report_data):
    response = client.get(
        "/members/export.json", {"region": "europe", "type": "local-government", "q": "berlin"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == [
        {
            "name": "Berlin",
            "slug": "berlin",
            "type": "local-government",
            "country": "DE",
            "country_name": "Germany",
            "region": "europe",
            "joined_on": None,
            "url": "http://testserver/members/berlin/",
        }
    ]


def test_json_export_gives_join_dates_as_iso_dates(client, report_data):
    rows = client.get("/members/export.json", {"q": "Wellington"}).json()
    assert rows[0]["joined_on"] == "2020-05-20"


def test_json_export_gives_every_member_on_one_page_at_the_reports_size(client, report_data):
    response = client.get("/members/export.json")
    assert len(response.json()) == 166
    assert response["Link"] == '<http://testserver/members/export.json?page=1>; rel="first"'


def link(response, rel):
    found = [part for part in response["Link"].split(", ") if part.endswith(f'rel="{rel}"')]
    return found[0][1 : found[0].index(">")] if found else None


def test_json_export_comes_a_page_at_a_time_with_links_to_the_others(client, report_data, settings):
    settings.OPEN_DATA_PAGE_SIZE = 50
    whole = [
        row["slug"]
        for row in csv.DictReader(io.StringIO(client.get("/members/export.csv").content.decode("utf-8-sig")))
    ]
    pages, address = [], "http://testserver/members/export.json"
    while address:
        response = client.get(address)
        assert response.status_code == 200
        pages.append(response)
        address = link(response, "next")
    assert [len(page.json()) for page in pages] == [50, 50, 50, 16]
    assert [row["slug"] for page in pages for row in page.json()] == whole
    assert link(pages[0], "prev") is None
    assert link(pages[3], "prev") == "http://testserver/members/export.json?page=3"
    assert link(pages[3], "first") == "http://testserver/members/export.json?page=1"


def test_the_links_between_pages_keep_the_filters(client, report_data, settings):
    settings.OPEN_DATA_PAGE_SIZE = 5
    response = client.get("/members/export.json", {"region": "asia-pacific", "type": "local-government"})
    assert len(response.json()) == 5
    following = client.get(link(response, "next"))
    assert following.status_code == 200
    assert all(
        row["region"] == "asia-pacific" and row["type"] == "local-government" for row in following.json()
    )
    assert not {row["slug"] for row in following.json()} & {row["slug"] for row in response.json()}


def test_a_page_after_the_last_is_an_empty_list(client, report_data):
    response = client.get("/members/export.json", {"page": "9"})
    assert response.status_code == 200
    assert response.json() == []
    assert link(response, "next") is None


def test_an_empty_page_is_the_first(client, report_data):
    assert len(client.get("/members/export.json", {"page": ""}).json()) == 166


@pytest.mark.parametrize("page", ["0", "-1", "two", "1.5", "²", "1" + "0" * 30])
def test_a_page_that_is_not_a_whole_number_from_1_is_refused_with_a_message(client, report_data, page):
    response = client.get("/members/export.json", {"page": page})
    assert response.status_code == 400
    assert "The page must be a whole number from 1 to 999999999" in response.json()["error"]


def test_csv_export_is_the_same_filtered_list(client, report_data):
    response = client.get("/members/export.csv", {"country": "KR", "type": "local-government"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())  # so spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["name"] for row in rows] == [
        "Anyang",
        "Gimpo",
        "Goyang",
        "Jeju",
        "Sejong",
        "Seongnam",
        "Seoul",
    ]
    assert rows[0]["joined_on"] == "2020-08-24" and rows[1]["joined_on"] == ""
    assert set(rows[0]) == {"name", "slug", "type", "country", "country_name", "region", "joined_on", "url"}


def test_csv_export_keeps_unicode_names(client, report_data):
    response = client.get("/members/export.csv", {"q": "Beyoğlu"})
    assert "Beyoğlu" in response.content.decode("utf-8-sig")


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, db):
    MemberFactory(name='=HYPERLINK("http://evil")', slug="formula")
    rows = list(csv.DictReader(io.StringIO(client.get("/members/export.csv").content.decode("utf-8-sig"))))
    assert rows[0]["name"].startswith("'=")


def test_export_with_a_bad_filter_still_answers(client, report_data):
    response = client.get("/members/export.json", {"region": "<script>", "type": "corporation"})
    assert response.status_code == 200
    assert len(response.json()) == 7


def test_a_bad_filter_on_an_export_leaves_no_message_for_a_later_page(client, report_data):
    response = client.get("/members/export.json", {"region": "bogus"})
    assert "Set-Cookie" not in response.headers
    assert "This filter was ignored." not in client.get("/members/seoul/").text


def test_the_json_export_runs_one_query_whatever_the_number_of_members(
    client, db, django_assert_num_queries, settings
):
    settings.OPEN_DATA_PAGE_SIZE = 500
    MemberFactory.create_batch(300)
    with django_assert_num_queries(1):
        assert len(client.get("/members/export.json").json()) == 300
