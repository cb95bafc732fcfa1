"""Moments in words, in the customer's language, in the configured zone, across DST."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.policy.errors import NaiveDatetimeError
from bot.services.replies import format_moment, priority_words, status_words, step_words

AMS = "Europe/Amsterdam"


def test_a_local_moment_in_dutch_and_english() -> None:
    moment = datetime(2026, 12, 28, 9, 0, tzinfo=ZoneInfo(AMS))
    assert format_moment("nl", moment, AMS) == "maandag 28 december om 09:00"
    assert format_moment("en", moment, AMS) == "Monday 28 December at 09:00"


@pytest.mark.parametrize(
    ("utc", "dutch"),
    [
        (datetime(2026, 12, 28, 8, 0, tzinfo=UTC), "maandag 28 december om 09:00"),  # CET, +1
        (datetime(2026, 7, 1, 7, 0, tzinfo=UTC), "woensdag 1 juli om 09:00"),  # CEST, +2
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "zondag 29 maart om 03:00"),  # the spring-forward instant
        (datetime(2026, 10, 25, 23, 30, tzinfo=UTC), "maandag 26 oktober om 00:30"),  # after fall-back
    ],
)
def test_a_utc_moment_is_converted_to_local_time(utc: datetime, dutch: str) -> None:
    assert format_moment("nl", utc, AMS) == dutch


def test_the_year_is_added_only_when_it_is_not_this_year() -> None:
    moment = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
    same_year = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
    last_year = datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    assert format_moment("nl", moment, AMS, now=same_year) == "maandag 4 januari om 09:00"
    assert format_moment("nl", moment, AMS, now=last_year) == "maandag 4 januari 2027 om 09:00"
    assert format_moment("en", moment, AMS, now=last_year) == "Monday 4 January 2027 at 09:00"


def test_the_year_compares_in_local_time() -> None:
    new_years_eve_utc = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # already 2027 in Amsterdam
    moment = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
    assert "2027" not in format_moment("nl", moment, AMS, now=new_years_eve_utc)


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError):
        format_moment("nl", datetime(2026, 12, 28, 9, 0), AMS)


def test_words_for_status_step_and_priority() -> None:
    assert status_words("nl", "resolved") == "opgelost"
    assert status_words("en", "taken_over") == "being handled by a staff member"
    assert step_words("nl", 3) == "stap 3 (mediation)"
    assert priority_words("en", "P1") == "highest (P1, emergency)"
    assert status_words("en", "strange") == "strange"  # unknown values are shown as they are
