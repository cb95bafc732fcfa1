"""On-call shifts as an iCalendar (RFC 5545) document, built with the `icalendar` library."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from icalendar import Calendar, Event

PRODUCT_ID = "-//o365-supportbot//on call//NL"


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One shift (or gap) in a feed; `key` makes its UID, stable while the shift is unchanged."""

    key: str
    starts: datetime
    ends: datetime
    summary: str
    description: str = ""


def calendar_document(name: str, events: Sequence[FeedEvent], stamped: datetime) -> bytes:
    """A VCALENDAR with one VEVENT per shift; times in UTC, so every client agrees on the instant."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for item in events:
        calendar.add_component(_event(item, stamped))
    return bytes(calendar.to_ical())


def _event(item: FeedEvent, stamped: datetime) -> Event:
    event = Event()
    uid = hashlib.sha256(f"{item.key}|{item.starts.timestamp()}|{item.ends.timestamp()}".encode()).hexdigest()[:32]
    event.add("uid", f"{uid}@o365-supportbot")
    event.add("dtstamp", stamped.astimezone(timezone.utc))
    event.add("dtstart", item.starts.astimezone(timezone.utc))
    event.add("dtend", item.ends.astimezone(timezone.utc))
    event.add("summary", item.summary)
    if item.description:
        event.add("description", item.description)
    event.add("transp", "OPAQUE")
    return event
