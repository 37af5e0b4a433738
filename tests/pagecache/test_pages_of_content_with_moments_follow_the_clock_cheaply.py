"""Content whose pages change when a moment passes (an event ends, a call closes) is kept under a
token that names the last moment passed. What is kept of its moments is the last passed and those to
come, so a calendar of thousands of past events costs a kept page nothing per request, and reading
the moments again later names the same state as before."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from wego.pagecache import content, local, versions

pytestmark = pytest.mark.django_db

KIND = "test-clocked"
START = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
PAST = [START - datetime.timedelta(hours=hours) for hours in range(1, 3001)]
COMING = [START + datetime.timedelta(hours=1), START + datetime.timedelta(hours=2)]


@pytest.fixture
def clocked(monkeypatch):
    monkeypatch.setitem(content._moments, KIND, lambda: [*PAST, *COMING])
    monkeypatch.setitem(content._declared, KIND, {"events.Event"})
    with time_machine.travel(START, tick=False):
        yield


def forget_what_is_kept():
    cache.clear()
    local.copies.clear()


def test_of_three_thousand_past_moments_only_the_last_is_kept_with_those_to_come(clocked):
    written = versions.raw_tokens([KIND])[KIND]
    last, coming = versions.moments_of(KIND, written)
    assert last == PAST[0] and coming == COMING


def test_the_token_changes_when_a_moment_passes_and_not_before(clocked):
    before = versions.tokens_for([KIND])[KIND]
    with time_machine.travel(COMING[0] - datetime.timedelta(seconds=1), tick=False):
        assert versions.tokens_for([KIND])[KIND] == before
    with time_machine.travel(COMING[0], tick=False):
        assert versions.tokens_for([KIND])[KIND] != before


def test_moments_read_again_after_they_are_forgotten_name_the_same_state(clocked):
    with time_machine.travel(COMING[0] + datetime.timedelta(minutes=5), tick=False):
        token = versions.tokens_for([KIND])[KIND]
        seconds = versions.seconds_to_next_moment([KIND])
    written = token.split("@")[0]
    forget_what_is_kept()
    cache.set(f"{versions.PREFIX}{KIND}", written, timeout=None)
    with time_machine.travel(COMING[0] + datetime.timedelta(minutes=10), tick=False):
        assert versions.tokens_for([KIND])[KIND] == token
        assert versions.seconds_to_next_moment([KIND]) == seconds - 300
    with time_machine.travel(COMING[1] + datetime.timedelta(days=1), tick=False):
        assert versions.seconds_to_next_moment([KIND]) is None
    assert timezone.now() == START
