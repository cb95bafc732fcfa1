"""The whole on-call schedule: overrides, then dated shifts, then layers (the later one wins).

`assignment_at` answers who is on call at one moment and why; `timeline` cuts a period into
segments of one assignment each (or nobody), which the gap warnings, `wie heeft dienst`, the
calendar feeds and the schedule printout all read.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.policy.calendar import BusinessCalendar
from bot.policy.layers import Layer
from bot.policy.model import require_aware
from bot.policy.shifts import Override, RotaEntry


class Reason(StrEnum):
    """What put someone on call."""

    ROTATION = "rotation"  # a layer's rotation
    SHIFT = "shift"  # a dated shift of the configured rota
    OVERRIDE = "override"  # typed in the chat
    SWAP = "swap"  # a colleague took an offered shift
    ASSIGNED = "assigned"  # management assigned it from a card


@dataclass(frozen=True, slots=True)
class Because:
    """Why this person: the layer and rotation, or the override and who set it."""

    reason: Reason
    layer: str | None = None
    rotation: str | None = None
    set_by: str | None = None


@dataclass(frozen=True, slots=True)
class Assignment:
    staff_id: str
    because: Because


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch [starts, ends) with one assignment; None: nobody is on call."""

    starts: datetime
    ends: datetime
    assignment: Assignment | None

    @property
    def staff_id(self) -> str | None:
        return self.assignment.staff_id if self.assignment else None


@dataclass(frozen=True, slots=True)
class OnCallSchedule:
    """Everything configured; overrides come from the database and are passed per question."""

    layers: tuple[Layer, ...] = ()
    shifts: tuple[RotaEntry, ...] = ()
    calendar: BusinessCalendar = field(default_factory=BusinessCalendar)
    directory: frozenset[str] | None = None  # staff ids; None: everyone named counts

    def assignment_at(self, now: datetime, overrides: Iterable[Override] = ()) -> Assignment | None:
        """Override (newest created wins), else dated shift (latest started wins), else the top layer."""
        require_aware(now)
        active = [(o.created_at or o.starts, i, o) for i, o in enumerate(overrides) if o.covers(now)]
        if active:
            chosen = max(active, key=lambda item: item[:2])[2]
            return Assignment(chosen.staff_id, Because(Reason(chosen.kind), set_by=chosen.set_by))
        shifts = [(r.starts, i, r) for i, r in enumerate(self.shifts) if r.covers(now) and self._known(r.staff_id)]
        if shifts:
            return Assignment(max(shifts, key=lambda item: item[:2])[2].staff_id, Because(Reason.SHIFT))
        return self._from_layers(now)

    def timeline(self, start: datetime, end: datetime, overrides: Sequence[Override] = ()) -> list[Segment]:
        """[start, end) in segments; neighbours with the same assignment are merged."""
        moments = sorted({start, *self._changes(start, end, overrides)})
        segments: list[Segment] = []
        for index, moment in enumerate(moments):
            until = moments[index + 1] if index + 1 < len(moments) else end
            assignment = self.assignment_at(moment, overrides)
            if segments and segments[-1].assignment == assignment:
                segments[-1] = Segment(segments[-1].starts, until, assignment)
            else:
                segments.append(Segment(moment, until, assignment))
        return segments

    def _from_layers(self, now: datetime) -> Assignment | None:
        for layer in reversed(self.layers):
            if not layer.in_force(now, self.calendar):
                continue
            turn = layer.rotation.turn_at(now, self.directory)
            if turn is not None and turn.staff_id is not None:
                return Assignment(turn.staff_id, Because(Reason.ROTATION, layer.name, layer.rotation.name))
        return None

    def _changes(self, start: datetime, end: datetime, overrides: Sequence[Override]) -> set[datetime]:
        periods = [(o.starts, o.ends) for o in overrides] + [(r.starts, r.ends) for r in self.shifts]
        moments = {moment for period in periods for moment in period if start < moment < end}
        for layer in self.layers:
            moments.update(m for m in layer.changes_between(start, end, self.calendar) if m > start)
        return moments

    def _known(self, staff_id: str) -> bool:
        return self.directory is None or staff_id in self.directory
