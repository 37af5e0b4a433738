"""An event's date at the precision it is known: shown so, sorted and filtered so, never given a day."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from events.dates import Precision, When
from events.models import Event
from tests.factories import EventFactory
from tests.listing import listed

D = datetime.date


def label(**fields):
    with translation.override("en"):
        return When(**fields).label()


def test_each_precision_reads_as_the_report_gives_it():
    assert label(precision=Precision.QUARTER, year=2021, quarter=3, end_quarter=4) == "Q3/Q4 2021"
    assert label(precision=Precision.QUARTER, year=2021, quarter=2) == "Q2 2021"
    assert label(precision=Precision.MONTH, year=2021, month=6) == "June 2021"
    assert label(precision=Precision.MONTH, year=2020, month=7, end_month=12) == "July 2020 – December 2020"
    assert label(precision=Precision.YEAR_ROUND, year=2021) == "Year-round 2021"
    assert label(precision=Precision.TBD, year=2021) == "2021, date to be decided"
    assert label(precision=Precision.TBD) == "To be decided"
    assert label(precision=Precision.DAYS, start_date=D(2020, 8, 5)) == "Aug. 5, 2020"
    assert label(precision=Precision.DAYS, start_date=D(2020, 11, 30), end_date=D(2020, 12, 18)) == (
        "Nov. 30, 2020 – Dec. 18, 2020"
    )


def test_exact_times_are_shown_in_the_events_own_time_zone():
    starts = datetime.datetime(2021, 3, 10, 6, 0, tzinfo=datetime.UTC)  # 15:00 in Seoul
    when = When(
        precision=Precision.EXACT,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Asia/Seoul",
    )
    with translation.override("en"):
        assert when.label() == "March 10, 2021, 3 p.m.–5 p.m. (Seoul time)"
    # Late in the evening in UTC is already the next day in Seoul: the period counts Seoul's day.
    late = datetime.datetime(2021, 3, 10, 20, 0, tzinfo=datetime.UTC)
    assert When(precision=Precision.EXACT, starts_at=late, ends_at=late, time_zone="Asia/Seoul").period() == (
        D(2021, 3, 11),
        D(2021, 3, 11),
    )


def test_the_period_is_the_span_the_date_is_known_to_fall_within():
    assert When(precision=Precision.QUARTER, year=2021, quarter=3, end_quarter=4).period() == (
        D(2021, 7, 1),
        D(2021, 12, 31),
    )
    assert When(precision=Precision.MONTH, year=2020, month=2).period() == (D(2020, 2, 1), D(2020, 2, 29))
    assert When(precision=Precision.TBD).period() == (None, None)


def test_a_date_missing_what_its_precision_needs_is_refused_with_the_field_named():
    event = EventFactory.build(precision=Precision.QUARTER, year=2021, quarter=None)
    with pytest.raises(ValidationError) as refused:
        event.clean()
    assert "quarter" in refused.value.message_dict
    event = EventFactory.build(precision=Precision.QUARTER, year=2021, quarter=4, end_quarter=3)
    with pytest.raises(ValidationError) as refused:
        event.clean()
    assert "end_quarter" in refused.value.message_dict


@pytest.fixture
def the_year_2031(db):
    """Events of a year to come, at every precision (created in a shuffled order)."""
    made = {}
    for slug, fields in [
        ("q3-or-q4", {"precision": Precision.QUARTER, "year": 2031, "quarter": 3, "end_quarter": 4}),
        ("june", {"precision": Precision.MONTH, "year": 2031, "month": 6}),
        ("all-year", {"precision": Precision.YEAR_ROUND, "year": 2031}),
        ("someday", {"precision": Precision.TBD, "year": 2031}),
        ("q2", {"precision": Precision.QUARTER, "year": 2031, "quarter": 2}),
        ("june-10", {"precision": Precision.DAYS, "start_date": D(2031, 6, 10)}),
    ]:
        made[slug] = EventFactory(slug=slug, title=slug, registration_open=False, **fields)
    return made


def test_the_list_sorts_by_what_is_known_and_never_invents_a_day(client, the_year_2031):
    response = client.get("/events/?year=2031")
    # By the earliest day each may fall on: the year's events first, then Q2 (from April), June (from
    # June 1), June 10, Q3/Q4 (from July).
    assert listed(response, "slug") == ["all-year", "someday", "q2", "june", "june-10", "q3-or-q4"]
    assert "Q3/Q4 2031" in response.text and "July 1" not in response.text


@pytest.mark.parametrize(
    ("quarter", "expected"),
    [
        ("1", {"all-year"}),
        ("2", {"all-year", "q2", "june", "june-10"}),
        ("3", {"all-year", "q3-or-q4"}),
        ("4", {"all-year", "q3-or-q4"}),
    ],
)
def test_a_quarter_lists_what_falls_in_it_and_nothing_known_only_to_the_year(
    client, the_year_2031, quarter, expected
):
    response = client.get(f"/events/?year=2031&quarter={quarter}")
    assert set(listed(response, "slug")) == expected


def test_the_archive_lists_each_event_under_its_quarter_or_as_year_round_or_undecided(client, the_year_2031):
    response = client.get("/events/archive/2031/")
    sections = dict(response.context["sections"])
    assert [event.slug for event in sections[2]] == ["q2", "june", "june-10"]
    # Q3/Q4 may fall in either: listed under both, as the quarter filter finds it in both.
    assert [event.slug for event in sections[3]] == ["q3-or-q4"]
    assert [event.slug for event in sections[4]] == ["q3-or-q4"]
    assert [event.slug for event in sections["year-round"]] == ["all-year"]
    assert [event.slug for event in sections["tbd"]] == ["someday"]


def test_an_event_turns_past_the_day_after_its_last_day(client, db):
    EventFactory(slug="today", title="Today", start_date=timezone.localdate(), registration_open=False)
    assert listed(client.get("/events/"), "slug") == ["today"]
    assert Event.objects.past(timezone.localdate() + datetime.timedelta(days=1)).count() == 1
