"""Who is on call at a moment, and the order in which people are paged for an emergency.

Rota entries and overrides cover [starts, ends): `starts` inclusive, `ends` exclusive.
An active override beats the rota. Among overlapping overrides the one created last wins
(the latest instruction; `created_at`, else `starts`), ties going to the later-listed one.
Among overlapping rota entries the one that started last wins (a hand-over overlap), ties
again to the later-listed one.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.policy.model import require_aware


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
class RotaEntry:
    """One shift of the on-call rota."""

    staff_id: str
    starts: datetime
    ends: datetime

    def __post_init__(self) -> None:
        _check_period(self.starts, self.ends)

    def covers(self, now: datetime) -> bool:
        """`starts` inclusive, `ends` exclusive, so consecutive shifts never overlap."""
        return self.starts <= now < self.ends


@dataclass(frozen=True, slots=True)
class Override:
    """A temporary replacement of the rota, set by staff in the chat."""

    staff_id: str
    starts: datetime
    ends: datetime
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        _check_period(self.starts, self.ends)
        if self.created_at is not None:
            require_aware(self.created_at, "created_at")

    def covers(self, now: datetime) -> bool:
        """`starts` inclusive, `ends` exclusive, like the rota."""
        return self.starts <= now < self.ends


@dataclass(frozen=True, slots=True)
class PageTarget:
    """One entry of the page chain: whom to page, in which round, and why."""

    staff_id: str
    round: int
    position: PagePosition


def _check_period(starts: datetime, ends: datetime) -> None:
    require_aware(starts, "starts")
    require_aware(ends, "ends")
    if not starts < ends:
        raise ValueError(f"starts ({starts}) must be before ends ({ends})")


def on_call_at(
    now: datetime, rota: Iterable[RotaEntry], overrides: Iterable[Override] = ()
) -> str | None:
    """The staff id on call at `now`: the winning override, else the winning rota entry."""
    require_aware(now)
    active = [(o.created_at or o.starts, i, o) for i, o in enumerate(overrides) if o.covers(now)]
    if active:
        return max(active, key=lambda item: item[:2])[2].staff_id
    shifts = [(r.starts, i, r) for i, r in enumerate(rota) if r.covers(now)]
    return max(shifts, key=lambda item: item[:2])[2].staff_id if shifts else None


def page_chain(
    now: datetime,
    rota: Iterable[RotaEntry],
    overrides: Iterable[Override],
    backup_id: str | None,
    staff: Iterable[Staff],
    rounds: int,
) -> list[PageTarget]:
    """On-call, backup, then every manager (directory order), once per round.

    Someone who holds two positions is paged once per round, at the first one. With nobody
    on call the chain starts with the backup.
    """
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    one_round = _one_round(on_call_at(now, rota, overrides), backup_id, staff)
    return [
        PageTarget(staff_id, number, position)
        for number in range(1, rounds + 1)
        for staff_id, position in one_round
    ]


def _one_round(
    on_call: str | None, backup_id: str | None, staff: Iterable[Staff]
) -> list[tuple[str, PagePosition]]:
    candidates = [(on_call, PagePosition.ON_CALL), (backup_id, PagePosition.BACKUP)]
    candidates += [
        (s.object_id, PagePosition.MANAGEMENT) for s in staff if s.role == Role.MANAGEMENT
    ]
    seen: set[str] = set()
    chain = []
    for staff_id, position in candidates:
        if staff_id and staff_id not in seen:
            seen.add(staff_id)
            chain.append((staff_id, position))
    return chain


@dataclass(frozen=True, slots=True)
class PageChainState:
    """How far paging has gone: a small, storable value, so a restart resumes the chain.

    `position` is the index of the next chain entry to consider; `unreachable` holds staff
    that cannot be paged at all (no Teams conversation, unknown id) and are skipped in every
    later round. A timed-out target is only passed over: the next round pages them again.
    """

    chain: tuple[PageTarget, ...]
    position: int = 0
    unreachable: frozenset[str] = frozenset()

    @property
    def current(self) -> PageTarget | None:
        """The target to page now; None when the chain is exhausted."""
        index = self._current_index()
        return None if index is None else self.chain[index]

    @property
    def exhausted(self) -> bool:
        """Nobody is left to page: the outer layer must raise the alarm loudly."""
        return self.current is None

    def after_timeout(self) -> "PageChainState":
        """The current target did not acknowledge in time: move to the next one."""
        return self._advanced(self.unreachable)

    def after_unreachable(self) -> "PageChainState":
        """The current target cannot be paged at all: skip them from now on."""
        current = self.current
        skipped = self.unreachable | {current.staff_id} if current else self.unreachable
        return self._advanced(skipped)

    def _advanced(self, unreachable: frozenset[str]) -> "PageChainState":
        index = self._current_index()
        position = len(self.chain) if index is None else index + 1
        return PageChainState(self.chain, position, unreachable)

    def _current_index(self) -> int | None:
        for index in range(self.position, len(self.chain)):
            if self.chain[index].staff_id not in self.unreachable:
                return index
        return None


def start_paging(chain: Sequence[PageTarget], unreachable: Iterable[str] = ()) -> PageChainState:
    """The state before the first page, with anyone already known to be unreachable."""
    return PageChainState(tuple(chain), 0, frozenset(unreachable))
