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


def test_json_export_ignores_pagination(client, report_data):
    assert len(client.get("/members/export.json", {"page": "2"}).json()) == 166


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


def test_the_json_export_runs_one_query_whatever_the_number_of_members(client, db, django_assert_num_queries):
    MemberFactory.create_batch(300)
    with django_assert_num_queries(1):
        assert len(client.get("/members/export.json").json()) == 300
