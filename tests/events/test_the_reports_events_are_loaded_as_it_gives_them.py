"""The 2020 report's events, plan for 2021 and regional networks, as the loader brings them: the facts
the issue names, dates no more precise than the report, and nothing invented."""

import datetime

import pytest
from django.utils import translation

from events.dates import Precision
from events.models import Event, Network, Role
from tests.conftest import load_report
from tests.listing import listed

pytestmark = pytest.mark.django_db


def test_the_loader_says_what_it_loaded_and_a_second_run_adds_nothing(report_data):
    assert "26 events in events_2020.toml" in report_data
    assert "26 events in plan_2021.toml" in report_data
    again = load_report()
    assert "26 events in events_2020.toml (0 new)" in again
    assert "4 regional networks (0 new)" in again


def test_excom_2020_has_its_host_theme_figures_sponsors_and_outcomes(client, report_data):
    excom = Event.objects.get(slug="excom-2020")
    assert excom.parts.get(role=Role.HOST).organisation.slug == "moscow"
    assert {part.organisation.name for part in excom.parts.filter(role=Role.SPONSOR)} >= {
        "beCloud (Belarusian Cloud Technologies)"
    }
    assert {(f.measure, f.value) for f in excom.figures.all()} >= {
        ("participants", 331),
        ("speakers", 24),
        ("viewers", 924),
    }
    page = client.get("/events/excom-2020/").text
    assert "Rethinking Smart Cities: Agile and Connected" in page
    assert "Approval of the new Africa Regional Office in Abuja" in page
    assert "November 2020" in page and "Moscow" in page


def test_the_days_the_report_gives_are_days_and_the_rest_months(report_data):
    days = {
        event.slug: (event.start_date, event.end_date)
        for event in Event.objects.filter(precision=Precision.DAYS, year=2020)
    }
    assert days["cjk-smart-cities-webinar-2020"] == (datetime.date(2020, 8, 5), None)
    assert days["neascn-online-pre-workshop-2020"] == (datetime.date(2020, 12, 9), None)
    assert days["nia-afdb-joint-online-course-2020"] == (
        datetime.date(2020, 11, 30),
        datetime.date(2020, 12, 18),
    )
    # The report's activities list says July, its Smart City Driver page 27 August: the list is shown,
    # and both are kept with their sources.
    workshop = Event.objects.get(slug="scd-workshop-introducing-scd-2020")
    assert (workshop.precision, workshop.month) == (Precision.MONTH, 7)
    assert "August 27" in workshop.source_note and "July" in workshop.source_note


def test_the_webinars_figures_and_the_cjk_sessions(client, report_data):
    participants = sorted(
        figure.value
        for event in Event.objects.filter(programme="smart-health-responder", kind="webinar")
        for figure in event.figures.filter(measure="participants")
    )
    assert participants == [120, 141, 145]
    cjk = Event.objects.get(slug="cjk-smart-cities-webinar-2020")
    assert cjk.sessions.count() == 3
    assert {(f.detail, f.value) for f in cjk.figures.all()} >= {("on Zoom", 254), ("on YouTube", 260)}
    page = client.get("/events/cjk-smart-cities-webinar-2020/").text
    assert "Session II" in page and "Tokyo Metropolitan Government" in page


def test_the_2021_plan_keeps_its_dates_imprecise(client, report_data):
    assembly = Event.objects.get(slug="general-assembly-2021")
    assert (assembly.precision, assembly.quarter, assembly.end_quarter) == (Precision.QUARTER, 3, 4)
    assert assembly.place_to_be_decided and assembly.start_date is None
    cjk_forum = Event.objects.get(slug="cjk-smart-city-forum-2021")
    assert (cjk_forum.month, cjk_forum.tentative) == (6, True)
    with translation.override("en"):
        page = client.get("/events/archive/2021/").text
    assert "Q3/Q4 2021" in page and "Year-round 2021" in page and "Quarter 2" in page
    assert Event.objects.filter(year=2021).count() == 26


def test_the_four_networks_with_their_partners_and_meetings(client, report_data):
    assert set(Network.objects.values_list("short_name", flat=True)) >= {"NEASCN", "ASCN", "LASCN"}
    neascn = Network.objects.get(slug="neascn")
    roles = {partner.role for partner in neascn.partners.all()}
    assert roles == {"network-partner", "financing-expert", "city-or-institution"}
    page = client.get(neascn.get_absolute_url()).text
    assert "Asian Development Bank" in page and "NEASCN Online Pre-Workshop" in page
    assert "Inaugural Meeting" in page  # planned for 2021
    assert len(neascn.goal_list) == 3


def test_a_member_page_lists_the_events_it_hosted(client, report_data):
    page = client.get("/members/moscow/").text
    assert "WeGO EXCOM 2020" in page and "Host" in page


def test_a_visitor_filters_the_past_events_to_2020s_webinars(client, report_data):
    response = client.get("/events/past/?kind=webinar&year=2020")
    titles = listed(response, "title")
    assert len(titles) == 12
    assert all(Event.objects.get(title=title).year == 2020 for title in titles)


def test_every_event_and_network_the_report_gives_has_a_page_that_opens(client, report_data):
    for event in Event.objects.all():
        response = client.get(event.get_absolute_url())
        assert response.status_code == 200, event.slug
    for network in Network.objects.all():
        assert client.get(network.get_absolute_url()).status_code == 200, network.slug
