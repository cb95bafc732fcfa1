"""The staff commands about on call: the schedule, overrides, swaps, assignments and calendar links."""

from __future__ import annotations

from bot.policy.staff_rights import StaffAction, may
from bot.services.messages import Caller, Reply
from bot.services.oncall.changes import ScheduleChanges
from bot.services.oncall.feeds import PERSONAL, TEAM, CalendarFeeds
from bot.services.oncall.roster import Roster
from bot.services.replies import oncall as words
from bot.services.replies.desk import say_reply
from bot.services.staff_commands import StaffCommand

A = StaffAction
ACTIONS = frozenset({A.ON_CALL, A.OVERRIDE, A.CALENDAR, A.TEAM_CALENDAR, A.OFFER_SHIFT, A.TAKE_SHIFT, A.ASSIGN_SHIFT})
_DENIED = {A.OVERRIDE: "desk_denied_override"}  # the others are management's
SELF_WORDS = frozenset({"me", "myself", "ik", "mij", "mezelf", "mijzelf"})


class OnCallDesk:
    def __init__(self, roster: Roster, changes: ScheduleChanges, feeds: CalendarFeeds):
        self._roster, self._changes, self._feeds = roster, changes, feeds

    async def run(self, staff: Caller, command: StaffCommand) -> Reply:
        """One of `ACTIONS`, after the rights table said yes."""
        if not may(staff.role or "", command.action, staff.object_id).allowed:
            return say_reply(staff.language, _DENIED.get(command.action, "desk_denied_management"))
        match command.action:
            case A.ON_CALL:
                return await self.overview(staff.language)
            case A.OVERRIDE:
                return await self._override(staff, command)
            case A.CALENDAR | A.TEAM_CALENDAR:
                scope = PERSONAL if command.action is A.CALENDAR else TEAM
                if command.text == "revoke":
                    return await self._feeds.revoke(staff, scope)
                return await self._feeds.link(staff, scope, renew=command.text == "new")
            case A.OFFER_SHIFT:
                if command.period is None:
                    shifts = await self._changes.shifts_of(staff.object_id)
                    return words.offer_pick(staff.language, shifts, self._roster.days, self._roster.zone, self._roster.name)
                return await self._changes.offer(staff, command.period)
            case A.TAKE_SHIFT:
                return await self._changes.take(staff, command.offer or 0)
            case A.ASSIGN_SHIFT:
                return await self._assign(staff, command)
        raise AssertionError(f"not an on-call action: {command.action}")

    async def overview(self, lang: str) -> Reply:
        """Now (and why), next, every shift of the coming days, and the gaps among them."""
        now = self._roster.now()
        timeline = await self._roster.timeline(now, self._roster.window_end(now))
        current = timeline[0]
        following = next((s for s in timeline[1:] if s.assignment and s.assignment != current.assignment), None)
        view = words.Overview(
            current, following, [s for s in timeline if s.assignment], self._roster.gaps(timeline),
            self._roster.name(self._roster.config.on_call.backup), self._roster.days,
        )  # fmt: skip
        return words.overview(lang, view, self._roster.zone, self._roster.name)

    async def _override(self, staff: Caller, command: StaffCommand) -> Reply:
        member = self._staff_named(staff, command.who or "")
        if member is None:
            return say_reply(staff.language, "desk_unknown_staff", who=command.who or "")
        if command.until is None:
            return say_reply(staff.language, "override_usage")
        return await self._changes.override(staff, member, command.until)

    async def _assign(self, staff: Caller, command: StaffCommand) -> Reply:
        """No shift yet: pick one (gaps first); a shift: pick a colleague; both: assign."""
        lang, roster = staff.language, self._roster
        if command.period is None:
            now = roster.now()
            timeline = await roster.timeline(now, roster.window_end(now))
            shifts = [s for s in timeline if s.assignment]
            return words.assign_pick_shift(lang, roster.gaps(timeline), shifts, roster.days, roster.zone, roster.name)
        if command.who is None:
            on_call = {s.staff_id for s in await roster.timeline(*command.period)}
            people = [(m.object_id, m.name) for m in roster.config.staff if m.object_id not in on_call]
            return words.assign_pick_person(lang, *command.period, people, roster.zone)
        return await self._changes.assign(staff, command.period, command.who)

    def _staff_named(self, staff: Caller, who: str) -> str | None:
        """"me", a full name or a first name from the directory; ambiguous first names match nobody."""
        wanted = " ".join(who.lower().split())
        if wanted in SELF_WORDS:
            return staff.object_id
        members = self._roster.config.staff
        full = [m.object_id for m in members if m.name.lower() == wanted]
        first = [m.object_id for m in members if m.name.lower().split()[:1] == [wanted]]
        for matches in (full, first):
            if len(matches) == 1:
                return matches[0]
        return None
