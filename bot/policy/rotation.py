"""Rotations: participants take turns, in order, in shifts of a fixed length from a hand-off moment.

Hand-offs are counted in the rotation's local wall time: a weekly hand-off on Monday 09:00 stays
at 09:00 local across DST changes (that week is an hour shorter or longer), and so does a 12-hour
shift's 09:00 and 21:00. A wall time that does not exist (02:30 on the spring-forward night) is
read as zoneinfo reads it, with the offset from before the change. Before its first hand-off a
rotation puts nobody on call. A participant no longer in the staff directory is passed over:
their turns go to the next participant in order, so nobody else's shifts move.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.policy.model import require_aware

DAILY_HOURS, WEEKLY_HOURS = 24, 7 * 24


@dataclass(frozen=True, slots=True)
class Turn:
    """One shift of a rotation: whose turn it is, from when until when (UTC)."""

    index: int
    staff_id: str | None  # None: no participant is left in the directory
    starts: datetime
    ends: datetime


@dataclass(frozen=True, slots=True)
class Rotation:
    """Participants in order; the first one's first shift starts at `hand_off` (local wall time)."""

    name: str
    participants: tuple[str, ...]
    shift_hours: int
    hand_off: datetime  # naive: wall time in `time_zone`
    time_zone: str = "Europe/Amsterdam"

    def __post_init__(self) -> None:
        if not self.participants:
            raise ValueError(f"rotation {self.name!r} needs at least one participant")
        if self.shift_hours < 1:
            raise ValueError(f"rotation {self.name!r}: a shift lasts at least one hour")
        if self.hand_off.tzinfo is not None:
            raise ValueError(f"rotation {self.name!r}: hand_off is a local wall time, without an offset")
        ZoneInfo(self.time_zone)

    def hand_off_at(self, index: int) -> datetime:
        """The instant (UTC) of hand-off `index`; 0 is the first shift's start."""
        wall = self.hand_off + timedelta(hours=index * self.shift_hours)
        return wall.replace(tzinfo=ZoneInfo(self.time_zone)).astimezone(timezone.utc)

    def index_at(self, now: datetime) -> int:
        """The number of the shift running at `now` (negative before the rotation starts)."""
        local = require_aware(now).astimezone(ZoneInfo(self.time_zone)).replace(tzinfo=None)
        index = math.floor((local - self.hand_off) / timedelta(hours=self.shift_hours))
        while self.hand_off_at(index + 1) <= now:
            index += 1
        while self.hand_off_at(index) > now:
            index -= 1
        return index

    def turn_at(self, now: datetime, directory: frozenset[str] | None = None) -> Turn | None:
        """The shift running at `now`, or None before the first hand-off."""
        index = self.index_at(now)
        if index < 0:
            return None
        return Turn(index, self.whose_turn(index, directory), self.hand_off_at(index), self.hand_off_at(index + 1))

    def whose_turn(self, index: int, directory: frozenset[str] | None = None) -> str | None:
        """Participant `index` in order; someone left out of the directory passes to the next."""
        count = len(self.participants)
        for step in range(count):
            candidate = self.participants[(index + step) % count]
            if directory is None or candidate in directory:
                return candidate
        return None

    def hand_offs_between(self, start: datetime, end: datetime) -> Iterator[datetime]:
        """Every hand-off instant in [start, end)."""
        index = max(self.index_at(start), 0)
        while (moment := self.hand_off_at(index)) < end:
            if moment >= start:
                yield moment
            index += 1
