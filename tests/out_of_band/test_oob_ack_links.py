"""Acknowledge tokens: only ours verify, and only for a day."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from bot.services.ack_links import AckLinks, BadToken, ExpiredToken
from fakes.clock import FakeClock, amsterdam
from fakes.out_of_band import ACK_SECRET

NIGHT = amsterdam(2026, 11, 28, 3, 20)


def links(clock: FakeClock, secret: str = ACK_SECRET) -> AckLinks:
    return AckLinks(secret, "https://bot.example.nl/", clock)


def test_a_token_names_the_ticket_and_the_staff_member_it_was_issued_for():
    clock = FakeClock(NIGHT)
    url = links(clock).url_for("T-2026-0042", "aaaaaaaa-0000-4000-8000-000000000001")
    assert url.startswith("https://bot.example.nl/ack/")
    claim = links(clock).verify(url.removeprefix("https://bot.example.nl/ack/"))
    assert (claim.ticket_number, claim.staff_object_id, claim.issued_at) == (
        "T-2026-0042", "aaaaaaaa-0000-4000-8000-000000000001", NIGHT,
    )


def test_a_changed_ticket_number_or_another_secret_is_refused():
    clock = FakeClock(NIGHT)
    token = links(clock).issue("T-2026-0042", "anna")
    payload, mac = token.split(".")
    other = base64.urlsafe_b64encode(b'["T-2026-0043","anna",1795832400]').rstrip(b"=").decode()
    with pytest.raises(BadToken):
        links(clock).verify(f"{other}.{mac}")
    with pytest.raises(BadToken):
        links(clock, "b" * 40).verify(token)


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "!!!.???", "x" * 1000, "é.é", "e30.AAAA"])
def test_garbage_is_refused(garbage):
    with pytest.raises(BadToken):
        links(FakeClock(NIGHT)).verify(garbage)


def test_a_link_expires_after_a_day_and_one_from_the_future_is_refused():
    clock = FakeClock(NIGHT)
    token = links(clock).issue("T-2026-0042", "anna")
    clock.advance(timedelta(hours=23, minutes=59))
    assert links(clock).verify(token).ticket_number == "T-2026-0042"
    clock.advance(timedelta(minutes=2))
    with pytest.raises(ExpiredToken):
        links(clock).verify(token)
    clock.set(NIGHT - timedelta(minutes=10))
    with pytest.raises(ExpiredToken):
        links(clock).verify(token)
