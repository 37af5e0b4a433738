import datetime

import pytest
from django.db.models import Count

from members.models import Member, MembershipTotal, MouPartner, RegionalOffice, ReportFigure
from organisations.models import Region
from tests.conftest import load_report

pytestmark = pytest.mark.django_db


def counts_by(field, **filters):
    return dict(
        Member.objects.filter(**filters)
        .values_list(f"organisation__{field}")
        .annotate(n=Count("pk"))
        .order_by()
    )


def test_local_governments_per_region_match_the_member_overview(report_data):
    assert counts_by("region__slug", organisation__kind="local-government") == {
        "africa": 47,
        "americas": 9,
        "asia-pacific": 73,
        "europe": 17,
        "middle-east": 8,
    }


def test_members_per_type(report_data):
    assert counts_by("kind") == {"local-government": 154, "corporation": 7, "institution": 5}


@pytest.mark.parametrize(
    ("name", "country", "region", "joined_on"),
    [
        ("Seoul", "KR", "asia-pacific", None),
        ("Kankai", "NP", "asia-pacific", datetime.date(2020, 3, 5)),  # the new-members table says India
        ("Altai", "MN", "asia-pacific", datetime.date(2020, 1, 25)),  # the new-members table says Russia
        ("Abuja", "NG", "africa", datetime.date(2019, 12, 3)),
        ("Wellington", "NZ", "asia-pacific", datetime.date(2020, 5, 20)),
        ("Beyoğlu", "TR", "europe", None),
        ("São Paulo", "BR", "americas", None),
        ("Sennar State", "SD", "africa", None),  # printed "Senna r State"
        ("Qadarif City", "SD", "africa", None),  # run together with "Elkhawi Locality"
        ("Kathmandu", "NP", "asia-pacific", None),  # run together with "Itahari"
        ("Patharishanishchare", "NP", "asia-pacific", None),  # hyphenated across lines
        ("Solar Impulse Foundation", "CH", "europe", datetime.date(2020, 3, 3)),
        ("UCWARE", "KR", "asia-pacific", datetime.date(2019, 10, 28)),
    ],
)
def test_named_members_have_the_reports_country_region_and_join_date(
    report_data, name, country, region, joined_on
):
    member = Member.objects.get(organisation__name=name)
    assert (member.country.code, member.region.slug, member.joined_on) == (country, region, joined_on)


def test_pdf_damage_is_repaired_not_copied(report_data):
    names = set(Member.objects.values_list("organisation__name", flat=True))
    assert {"Itahari", "Kathmandu", "Elkhawi Locality", "Qadarif City", "Pupule Yorro"} <= names
    assert not names & {"Itahari Kathmadu", "Senna r State", "Elkhawi Locality Qadarif City", "Patharisha-"}


def test_an_ambiguous_country_is_left_for_staff(report_data):
    becloud = Member.objects.get(organisation__slug="becloud-belarusian-cloud-technologies")
    assert becloud.country == ""
    assert becloud.region.slug == "europe"  # Russia and Belarus are both in the report's Europe group
    assert "staff" in becloud.note


def test_the_members_approved_at_excom_2020(report_data):
    assert counts_by("kind", approved_at_excom=2020) == {
        "local-government": 14,
        "corporation": 7,
        "institution": 5,
    }


def test_every_report_string_shown_to_visitors_can_be_translated(report_data):
    from members.report_strings import REPORT_STRINGS

    shown = {region.name for region in Region.objects.all()}
    shown |= {label for label in ReportFigure.objects.values_list("label", flat=True)}
    for office in RegionalOffice.objects.all():
        shown |= {office.name, office.city, office.area, office.note} - {""}
    assert shown - set(REPORT_STRINGS) == set()


def test_seoul_is_the_president_city(report_data):
    assert list(
        Member.objects.filter(is_president_city=True).values_list("organisation__name", flat=True)
    ) == ["Seoul"]


def test_secretariat_and_regional_offices(report_data):
    offices = {office.city: office for office in RegionalOffice.objects.select_related("host_member")}
    assert {city: office.opened_year for city, office in offices.items()} == {
        "Seoul": 2014,
        "Chengdu": 2014,
        "Ulyanovsk Region": 2014,
        "Beyoğlu": 2017,
        "Mexico City": 2018,
        "Abuja": None,
    }
    assert offices["Seoul"].kind == RegionalOffice.Kind.SECRETARIAT
    assert offices["Seoul"].email == "secretariat@we-gov.org"
    assert offices["Abuja"].host_member.name == "Abuja"


def test_stated_totals_and_partners(report_data):
    assert dict(MembershipTotal.objects.values_list("year", "members")) == {2018: 150, 2019: 183, 2020: 209}
    assert ReportFigure.objects.get(slug="local-governments-americas-2020").value == 10
    assert set(MouPartner.objects.values_list("organisation__name", "organisation__country")) == {
        ("All India Institute of Local Self Government", "IN"),
        ("Smart City Institute Japan", "JP"),
    }


def test_the_loader_prints_the_difference_between_stated_and_listed(report_data):
    assert "Local government members in the Americas: stated 10, listed 9 (-1)" in report_data
    assert "New corporation members: stated 7, listed 7 (ok)" in report_data
    assert "Members as of December 2020: stated 209, listed 166 (-43)" in report_data
    assert "Local government members in Africa: stated 47, listed 47 (ok)" in report_data


def test_loading_twice_changes_nothing_and_keeps_staff_edits(report_data):
    becloud = Member.objects.get(organisation__slug="becloud-belarusian-cloud-technologies")
    becloud.organisation.country = "BY"
    becloud.organisation.save()
    before = (Member.objects.count(), RegionalOffice.objects.count(), ReportFigure.objects.count())

    output = load_report()

    assert (Member.objects.count(), RegionalOffice.objects.count(), ReportFigure.objects.count()) == before
    assert "0 created" in output
    assert Member.objects.get(pk=becloud.pk).country == "BY"
