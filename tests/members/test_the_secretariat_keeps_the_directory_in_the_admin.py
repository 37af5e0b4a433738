import csv
import io

import pytest

from members.models import Member
from tests.factories import UserFactory, with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    return client


def test_anonymous_visitors_are_sent_to_log_in(client, report_data):
    response = client.get("/admin/members/member/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_signed_in_non_staff_user_cannot_open_the_admin(client, report_data):
    client.force_login(UserFactory())
    assert client.get("/admin/members/member/").status_code == 302


def test_member_list_filters_by_region_country_type_and_year(staff_client, report_data):
    response = staff_client.get(
        "/admin/members/member/",
        {
            "organisation__region__id__exact": Member.objects.get(organisation__name="Kathmandu").region_id,
            "country": "NP",
            "organisation__kind__exact": "local-government",
            "joined_year": "2020",
        },
    )
    assert response.status_code == 200
    listed = [member.name for member in response.context["cl"].result_list]
    assert listed == ["Bhadrapur", "Kankai", "Shivasatakshi", "Sunawarshi"]


def test_member_list_offers_only_countries_that_have_members(staff_client, report_data):
    response = staff_client.get("/admin/members/member/")
    assert "?country=NP" in response.text
    assert "?country=AQ" not in response.text  # Antarctica has no member


def test_member_search(staff_client, report_data):
    response = staff_client.get("/admin/members/member/", {"q": "gezira"})
    assert [m.name for m in response.context["cl"].result_list] == ["Gezira State", "South Gezira Locality"]


def test_member_autocomplete_for_an_office_host(staff_client, report_data):
    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": "abu",
            "app_label": "members",
            "model_name": "regionaloffice",
            "field_name": "host_member",
        },
    )
    assert response.status_code == 200
    assert {row["text"] for row in response.json()["results"]} == {"Abuja", "Abu Dhabi", "Kabul"}


def test_csv_export_of_the_selection(staff_client, report_data):
    selected = Member.objects.filter(organisation__name__in=["Seoul", "Abuja"])
    response = staff_client.post(
        "/admin/members/member/",
        {
            "action": "export_as_csv",
            "_selected_action": [str(pk) for pk in selected.values_list("pk", flat=True)],
        },
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row["name"] for row in rows) == ["Abuja", "Seoul"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/members/member/add/",
        "/admin/members/regionaloffice/",
        "/admin/organisations/region/",
        "/admin/organisations/organisation/",
        "/admin/members/reportfigure/",
        "/admin/members/membershiptotal/",
        "/admin/members/moupartner/",
        "/admin/organisations/user/",
    ],
)
def test_admin_pages_open(staff_client, report_data, url):
    assert staff_client.get(url).status_code == 200


def test_office_change_page_opens(staff_client, report_data):
    office_id = Member.objects.get(organisation__name="Seoul").hosted_offices.get().pk
    assert staff_client.get(f"/admin/members/regionaloffice/{office_id}/change/").status_code == 200


@pytest.mark.parametrize("year", ["²", "20x0", "99999", "0000"])
def test_a_bad_year_in_the_admin_filter_is_ignored(staff_client, report_data, year):
    response = staff_client.get("/admin/members/member/", {"joined_year": year})
    assert response.status_code == 200
