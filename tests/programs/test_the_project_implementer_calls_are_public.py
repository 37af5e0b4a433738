"""The Project Implementer's public pages: the programme with its four steps, the open call with its
criteria and deadline, past calls with their beneficiaries; the report's 2020 call on them and on
Cauayan's page; and pages kept for visitors that follow the call's opening and closing moments."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from programs.implementer_workflow import CALL, RESULTS
from programs.models import Beneficiary, ImplementerCall
from programs.report_strings import REPORT_STRINGS
from tests.conftest import load_report
from tests.programs.implementer_helpers import open_call

pytestmark = pytest.mark.django_db


def test_the_reports_2020_call_is_loaded_decided_with_cauayan_and_nothing_invented(report_data):
    call = ImplementerCall.objects.get(year=2020)
    assert CALL.has(call, RESULTS)
    assert (call.opens_at, call.closes_at, call.support_amount, call.scorecard) == (None, None, None, None)
    assert not call.proposals.exists() and not call.questions.exists()
    [beneficiary] = Beneficiary.objects.filter(call=call)
    assert beneficiary.organisation.slug == "cauayan" and beneficiary.selected_in == datetime.date(2020, 2, 1)
    assert beneficiary.project.slug == "cauayan-project-implementer-2020"
    assert "postponed to 2021" in call.outcome and "July to December 2020" in call.outcome
    assert {call.title, call.summary, call.outcome} <= set(REPORT_STRINGS)


def test_loading_the_report_again_changes_nothing(report_data):
    ImplementerCall.objects.filter(year=2020).update(title="Edited by staff")
    load_report()
    assert ImplementerCall.objects.get(year=2020).title == "Edited by staff"
    assert Beneficiary.objects.count() == 1


def test_the_programme_page_shows_the_four_steps_and_the_past_call_with_its_beneficiary(client, report_data):
    page = client.get(reverse("programs:implementer")).content.decode()
    assert "Cities submit project proposals through Activator Discover." in page
    assert "WeGO selects the consulting company which will implement the project." in page
    assert "Cauayan" in page and "selected in February 2020" in page
    assert "postponed to 2021" in page


def test_cauayans_member_page_tells_of_its_selection(client, report_data):
    page = client.get(reverse("members:detail", args=["cauayan"])).content.decode()
    assert "Beneficiary of Project Implementer 2020, selected in February 2020." in page
    assert reverse("programs:implementer-call", args=[2020]) in page


def test_an_open_calls_page_shows_its_criteria_deadline_in_seoul_time_and_who_may_propose(client):
    call = open_call(support_amount=50000, support_currency="USD")
    call.closes_at = datetime.datetime(2027, 3, 31, 9, 0, tzinfo=datetime.UTC)
    call.save()
    with time_machine.travel(datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC)):
        page = client.get(call.get_absolute_url()).content.decode()
    assert "Open for proposals" in page
    assert "March 31, 2027, 6 p.m. (Seoul time)" in page  # 09:00 UTC is 18:00 in Seoul
    assert 'datetime="2027-03-31T09:00:00+00:00"' in page
    assert "Commitment of the city" in page and "Willingness to partner" in page
    assert "Local governments that are WeGO members" in page
    assert "50,000 USD" in page


def test_a_call_being_prepared_is_not_public(client):
    call = ImplementerCall.objects.create(year=2030, title="Not yet", summary="…")
    assert client.get(call.get_absolute_url()).status_code == 404
    assert "Not yet" not in client.get(reverse("programs:implementer")).content.decode()


def test_a_kept_call_page_says_closed_once_the_closing_moment_passes(client):
    call = open_call(closes_in=datetime.timedelta(hours=2))
    url = call.get_absolute_url()
    assert "Open for proposals" in client.get(url).content.decode()
    assert "Open for proposals" in client.get(url).content.decode()  # served as kept
    with time_machine.travel(call.closes_at + datetime.timedelta(seconds=1)):
        page = client.get(url).content.decode()
    assert "Closed: the proposals are being reviewed" in page


@pytest.mark.parametrize("calls", [1, 6])
def test_the_programme_page_costs_the_same_queries_with_more_calls(
    client, django_assert_max_num_queries, calls, settings
):
    settings.PAGE_CACHE_BYPASS_HEADER = "X-Bench"
    for number in range(calls):
        call = open_call(2030 + number)
        Beneficiary.objects.create(call=call, organisation=_city(number), selected_in="2030-02-01")
    with django_assert_max_num_queries(3):
        assert client.get(reverse("programs:implementer"), headers={"X-Bench": "1"}).status_code == 200


def _city(number):
    from tests.factories import MemberFactory

    return MemberFactory(name=f"Beneficiary {number}").organisation


@pytest.mark.parametrize("questions", [1, 8])
def test_a_calls_page_costs_the_same_queries_with_more_questions_and_beneficiaries(
    client, django_assert_max_num_queries, questions, settings
):
    settings.PAGE_CACHE_BYPASS_HEADER = "X-Bench"
    call = open_call()
    for number in range(questions):
        call.questions.create(key=f"q{number}", label=f"Question {number}?")
        Beneficiary.objects.create(
            call=call, organisation=_city(f"City {questions}-{number}"), selected_in="2030-02-01"
        )
    with django_assert_max_num_queries(6):
        assert client.get(call.get_absolute_url(), headers={"X-Bench": "1"}).status_code == 200
