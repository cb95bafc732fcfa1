"""Who is on call at a moment, and the order in which people are paged for an emergency.

Rota entries and overrides cover [starts, ends): `starts` inclusive, `ends` exclusive.
An active override beats the schedule. Among overlapping overrides the one created last wins
(the latest instruction; `created_at`, else `starts`), ties going to the later-listed one.
Among overlapping rota entries the one that started last wins (a hand-over overlap), ties
again to the later-listed one. Dated shifts beat the rotation layers (`schedule`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.policy.schedule import Assignment, Because, OnCallSchedule
from bot.policy.shifts import Override, RotaEntry

__all__ = ["Override", "RotaEntry"]  # they lived here first; importers keep working


class Role(StrEnum):
    """Staff roles of the staff directory."""

    SUPPORT = "support"
    SENIOR = "senior"
    MANAGEMENT = "management"


class PagePosition(StrEnum):
    """Why someone is in the page chain."""

    ON_CALL = "on_call"
    BACKUP = "backup"
    MANAGEMENT = "management"


@dataclass(frozen=True, slots=True)
class Staff:
    """A staff member of the directory, known by Azure AD object id."""

    object_id: str
    name: str
    role: Role

    def __post_init__(self) -> None:
        Role(self.role)  # a role outside the directory's three is a configuration error


@dataclass(frozen=True, slots=True)
class PageTarget:
    """One entry of the page chain: whom to page, in which round, and why."""

    staff_id: str
    round: int
    position: PagePosition
    because: Because | None = field(default=None, compare=False)  # on call: which layer, rotation or override


Schedule = Iterable[RotaEntry] | OnCallSchedule  # dated shifts alone, or the whole schedule


def as_schedule(rota: Schedule) -> OnCallSchedule:
    """Dated shifts alone are a schedule without layers."""
    return rota if isinstance(rota, OnCallSchedule) else OnCallSchedule(shifts=tuple(rota))


def on_call_at(now: datetime, rota: Schedule, overrides: Iterable[Override] = ()) -> str | None:
    """The staff id on call at `now`: the winning override, else the schedule (see `schedule`)."""
    assignment = as_schedule(rota).assignment_at(now, overrides)
    return assignment.staff_id if assignment else None


def page_chain(
    now: datetime,
    rota: Schedule,
    overrides: Iterable[Override],
    backup_id: str | None,
    staff: Iterable[Staff],
    rounds: int,
) -> list[PageTarget]:
    """On-call, backup, then every manager (directory order), once per round.

    Someone who holds two positions is paged once per round, at the first one. With nobody
    on call the chain starts with the backup. The on-call entries say why that person is on call.
    """
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    assignment = as_schedule(rota).assignment_at(now, overrides)
    one_round = _one_round(assignment, backup_id, staff)
    return [
        PageTarget(staff_id, number, position, because)
        for number in range(1, rounds + 1)
        for staff_id, position, because in one_round
    ]


def _one_round(
    on_call: Assignment | None, backup_id: str | None, staff: Iterable[Staff]
) -> list[tuple[str, PagePosition, Because | None]]:
    candidates: list[tuple[str | None, PagePosition, Because | None]] = [
        (on_call.staff_id if on_call else None, PagePosition.ON_CALL, on_call.because if on_call else None),
        (backup_id, PagePosition.BACKUP, None),
    ]
    candidates += [
        (s.object_id, PagePosition.MANAGEMENT, None) for s in staff if s.role == Role.MANAGEMENT
    ]
    seen: set[str] = set()
    chain = []
    for staff_id, position, because in candidates:
        if staff_id and staff_id not in seen:
            seen.add(staff_id)
            chain.append((staff_id, position, because))
    return chain
