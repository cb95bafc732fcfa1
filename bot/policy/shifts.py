"""Dated on-call shifts and overrides: explicit periods [starts, ends) for one staff member."""

from dataclasses import dataclass
from datetime import datetime

from bot.policy.model import require_aware

OVERRIDE, SWAP, ASSIGNED = "override", "swap", "assigned"  # how an override came about


@dataclass(frozen=True, slots=True)
class RotaEntry:
    """One dated shift of the configured rota."""

    staff_id: str
    starts: datetime
    ends: datetime

    def __post_init__(self) -> None:
        check_period(self.starts, self.ends)

    def covers(self, now: datetime) -> bool:
        """`starts` inclusive, `ends` exclusive, so consecutive shifts never overlap."""
        return self.starts <= now < self.ends


@dataclass(frozen=True, slots=True)
class Override:
    """A temporary replacement of the schedule, set by staff in the chat (typed, a swap, or assigned)."""

    staff_id: str
    starts: datetime
    ends: datetime
    created_at: datetime | None = None
    kind: str = OVERRIDE
    set_by: str | None = None  # object id of whoever made it

    def __post_init__(self) -> None:
        check_period(self.starts, self.ends)
        if self.created_at is not None:
            require_aware(self.created_at, "created_at")

    def covers(self, now: datetime) -> bool:
        """`starts` inclusive, `ends` exclusive, like the rota."""
        return self.starts <= now < self.ends


def check_period(starts: datetime, ends: datetime) -> None:
    require_aware(starts, "starts")
    require_aware(ends, "ends")
    if not starts < ends:
        raise ValueError(f"starts ({starts}) must be before ends ({ends})")
