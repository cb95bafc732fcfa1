"""On call as paging tools do it: the schedule, gap warnings, swaps and overrides, calendar feeds."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config.source import ConfigHolder
from bot.services.clock import Clock
from bot.services.notifier import Notifier
from bot.services.oncall.changes import ScheduleChanges
from bot.services.oncall.desk import OnCallDesk
from bot.services.oncall.feeds import CalendarFeeds
from bot.services.oncall.gaps import GapWarnings
from bot.services.oncall.roster import Roster
from bot.services.timers import Timers
from storage.unit_of_work import UnitOfWorkSessions


@dataclass(frozen=True, slots=True)
class OnCall:
    roster: Roster
    desk: OnCallDesk
    feeds: CalendarFeeds
    gaps: GapWarnings


def build_on_call(
    sessions: UnitOfWorkSessions, config: ConfigHolder, clock: Clock, notifier: Notifier,
    timers: Timers, *, public_url: str,
) -> OnCall:
    """Composed once per app; the gap check binds its daily job here, before the scheduler starts."""
    roster = Roster(sessions, config, clock)
    feeds = CalendarFeeds(roster, sessions, public_url)
    desk = OnCallDesk(roster, ScheduleChanges(roster, sessions, notifier), feeds)
    return OnCall(roster, desk, feeds, GapWarnings(roster, sessions, notifier, timers))
