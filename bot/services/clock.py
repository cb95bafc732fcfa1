"""Time comes in through a clock object so tests can be Friday 16:59 or a DST night."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime."""
        ...


class SystemClock:
    """The real time, in UTC; the policy converts to the business time zone itself."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)
