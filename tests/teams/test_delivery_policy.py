"""The sender's rules: which answers are retried, how long to wait, and Teams' rate limits."""

from __future__ import annotations

import random
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.teams.delivery_policy import (
    PER_CONVERSATION,
    Backoff,
    Outcome,
    RateLimits,
    SlidingWindows,
    outcome_of,
    retry_after_seconds,
)

NOW = datetime(2026, 11, 28, 3, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("status", "outcome"), [
    (200, Outcome.DELIVERED), (201, Outcome.DELIVERED),
    (429, Outcome.TRANSIENT), (412, Outcome.TRANSIENT), (500, Outcome.TRANSIENT), (502, Outcome.TRANSIENT),
    (503, Outcome.TRANSIENT), (504, Outcome.TRANSIENT), (401, Outcome.TRANSIENT), (408, Outcome.TRANSIENT),
    (400, Outcome.GONE), (403, Outcome.GONE), (404, Outcome.GONE), (410, Outcome.GONE),
    (413, Outcome.REJECTED), (415, Outcome.REJECTED),
])
def test_what_each_answer_means(status, outcome):
    assert outcome_of(status) is outcome


@pytest.mark.parametrize(("header", "seconds"), [
    ("30", 30.0), (" 5 ", 5.0), ("Sat, 28 Nov 2026 03:00:20 GMT", 20.0), ("Sat, 28 Nov 2026 02:00:00 GMT", 0.0),
    (None, None), ("", None), ("soon", None), ("-3", None),
])
def test_retry_after_as_seconds_or_an_http_date(header, seconds):
    assert retry_after_seconds(header, NOW) == seconds


def test_retry_after_wins_over_the_backoff_but_is_capped():
    backoff = Backoff(base_seconds=1, cap_seconds=300)
    assert backoff.delay(1, retry_after=30) == 30
    assert backoff.delay(1, retry_after=100_000) == 300


@given(attempt=st.integers(min_value=1, max_value=60), seed=st.integers())
def test_backoff_grows_exponentially_with_jitter_and_stays_under_the_cap(attempt, seed):
    backoff = Backoff(base_seconds=1, cap_seconds=300)
    ceiling = min(300, 2 ** (attempt - 1))
    assert ceiling / 2 <= backoff.delay(attempt, rng=random.Random(seed)) <= ceiling


def test_seven_sends_a_second_per_chat_then_wait():
    lane = SlidingWindows(PER_CONVERSATION)
    for i in range(7):
        assert lane.wait(100.0 + i * 0.01) == 0
        lane.record(100.0 + i * 0.01)
    assert lane.wait(100.1) == pytest.approx(1.0 - 0.1)


def test_eight_in_two_seconds_and_sixty_in_thirty():
    lane = SlidingWindows(PER_CONVERSATION)
    for t in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.5):
        lane.record(t)
    assert lane.wait(1.6) == pytest.approx(0.4)  # 8 within 2 s: the oldest leaves the window at 2.0
    busy = SlidingWindows(PER_CONVERSATION)
    for i in range(60):
        busy.record(i * 0.45)  # 60 sends in 27 s, never 7 a second
    assert busy.wait(27.0) == pytest.approx(3.0)


def test_the_bot_stays_under_fifty_a_second_per_tenant_and_other_tenants_go_on():
    limits = RateLimits()
    for i in range(50):
        limits.record(f"chat-{i}", "tenant-a", 10.0)
    assert limits.wait("chat-new", "tenant-a", 10.5) == pytest.approx(0.5)
    assert limits.wait("chat-new", "tenant-b", 10.5) == 0


def test_chats_idle_for_an_hour_are_forgotten_and_active_ones_kept():
    limits = RateLimits()
    limits.record("chat-old", "tenant-a", 10.0)
    limits.record("chat-busy", "tenant-a", 10.0)
    limits.record("chat-busy", "tenant-a", 3000.0)  # sent again later: now the most recent
    limits.forget_idle(10.0 + 3601)
    assert list(limits.per_conversation) == ["chat-busy"]
