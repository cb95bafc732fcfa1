"""Changes to who is on call: typed overrides, shifts offered and taken, shifts management assigns.

Each change is an override row (it wins over the schedule) plus a line in `on_call_changes`
with who did it and when; the people it concerns hear about it in their own chat.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.policy import ASSIGNED, OVERRIDE, SWAP, Segment
from bot.services.messages import Caller, Reply
from bot.services.notifier import Notifier
from bot.services.oncall.roster import Roster
from bot.services.replies import format_moment
from bot.services.replies import oncall as words
from bot.services.replies.desk import say_reply
from bot.services.staff_language import staff_language
from bot.texts import text
from storage import oncall as oncall_store
from storage.models import OnCallOverride, ShiftOffer
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)
Period = tuple[datetime, datetime]
LONGEST_SHIFT = timedelta(days=14)  # how far past the window a shift that starts inside it is read


class ScheduleChanges:
    def __init__(self, roster: Roster, sessions: Sessions, notifier: Notifier):
        self._roster, self._sessions, self._notifier = roster, sessions, notifier

    async def override(self, staff: Caller, member: str, until: datetime) -> Reply:
        """Typed: from now until `until`, `member` is on call; the schedule wins again afterwards."""
        period = (self._roster.now(), until)
        await self._put_on_call(staff, member, period, OVERRIDE, set_by=staff.object_id)
        until_words = format_moment(staff.language, until, self._roster.zone, period[0])
        return say_reply(staff.language, "desk_override_set", name=self._roster.name(member), until=until_words)

    async def shifts_of(self, object_id: str) -> list[Segment]:
        """This person's coming shifts (the one running now included) that start in the warning window,
        each whole: one that runs past the window's end is read on to its end, so offering it hands
        over all of it, not only the part inside the window."""
        now = self._roster.now()
        horizon = self._roster.window_end(now)
        timeline = await self._roster.timeline(now, horizon + LONGEST_SHIFT)
        return [s for s in timeline if s.staff_id == object_id and s.starts < horizon]

    async def offer(self, staff: Caller, period: Period) -> Reply:
        """Offer one's own shift (from now, if it runs already) to every colleague."""
        lang, now = staff.language, self._roster.now()
        starts, ends = max(period[0], now), period[1]
        if ends <= now:
            return say_reply(lang, "offer_in_past")
        if any(s.staff_id != staff.object_id for s in await self._roster.timeline(starts, ends)):
            return say_reply(lang, "offer_not_yours")
        async with self._sessions.begin() as session:
            offer = await oncall_store.open_offer(session, staff.object_id, starts, ends)
            repeated = offer is not None
            if offer is None:
                offer = ShiftOffer(offered_by_object_id=staff.object_id, starts_at=starts, ends_at=ends, created_at=now)
                session.add(offer)
                await session.flush()
                oncall_store.record_change(session, "offered", (starts, ends), by=staff.object_id, now=now, was=staff.object_id, offer_id=offer.id)
            offer_id = offer.id
        if not repeated:
            await self._announce_offer(staff, offer_id, starts, ends)
        return say_reply(lang, "offer_made", period=words.period_words(lang, starts, ends, self._roster.zone))

    async def take(self, staff: Caller, offer_id: int) -> Reply:
        """One button: the first colleague gets the shift, the one who offered it hears who."""
        lang, now = staff.language, self._roster.now()
        async with self._sessions.begin() as session:
            offer = await session.get(ShiftOffer, offer_id)
            if offer is None:
                return say_reply(lang, "offer_unknown", number=offer_id)
            if offer.offered_by_object_id == staff.object_id:
                return say_reply(lang, "offer_own")
            if offer.ends_at <= now:
                return say_reply(lang, "offer_in_past")
            if not await oncall_store.claim_offer(session, offer_id, staff.object_id, now):
                await session.refresh(offer)
                return say_reply(lang, "offer_already_taken", name=self._roster.name(offer.taken_by_object_id or ""))
            period, offered_by = (max(offer.starts_at, now), offer.ends_at), offer.offered_by_object_id
            self._add_override(session, staff.object_id, period, SWAP, set_by=offered_by, now=now)
            oncall_store.record_change(
                session, SWAP, period, by=staff.object_id, now=now, was=offered_by, becomes=staff.object_id, offer_id=offer_id,
            )  # fmt: skip
        await self._tell(offered_by, "offer_taken_notice", period, name=staff.name)
        return say_reply(lang, "offer_taken", period=words.period_words(lang, *period, self._roster.zone), name=self._roster.name(offered_by))

    async def assign(self, staff: Caller, period: Period, member: str) -> Reply:
        """Management puts `member` on call for the period (from now, if it runs already)."""
        lang, now = staff.language, self._roster.now()
        if self._roster.config.staff_member(member) is None:
            return say_reply(lang, "desk_unknown_staff", who=member)
        starts, ends = max(period[0], now), period[1]
        if ends <= now:
            return say_reply(lang, "offer_in_past")
        await self._put_on_call(staff, member, (starts, ends), ASSIGNED, set_by=staff.object_id)
        period_text = words.period_words(lang, starts, ends, self._roster.zone)
        return say_reply(lang, "assign_done", name=self._roster.name(member), period=period_text)

    async def _put_on_call(self, staff: Caller, member: str, period: Period, kind: str, *, set_by: str) -> None:
        """The override and its audit line in one transaction; then whoever it concerns is told."""
        before = {s.staff_id for s in await self._roster.timeline(*period) if s.staff_id}
        now = self._roster.now()
        async with self._sessions.begin() as session:
            self._add_override(session, member, period, kind, set_by=set_by, now=now)
            was = next(iter(sorted(before - {member})), None)
            oncall_store.record_change(session, kind, period, by=staff.object_id, now=now, was=was, becomes=member)
        if member != staff.object_id:
            await self._tell(member, "oncall_given_notice", period, by=staff.name)
        for previous in sorted(before - {member, staff.object_id}):
            await self._tell(previous, "oncall_taken_notice", period, by=staff.name, name=self._roster.name(member))

    @staticmethod
    def _add_override(session: AsyncSession, member: str, period: Period, kind: str, *, set_by: str, now: datetime) -> None:
        session.add(OnCallOverride(
            staff_object_id=member, starts_at=period[0], ends_at=period[1], created_by_object_id=set_by,
            created_at=now, kind=kind,
        ))  # fmt: skip

    async def _announce_offer(self, staff: Caller, offer_id: int, starts: datetime, ends: datetime) -> None:
        for member in self._roster.config.staff:
            if member.object_id == staff.object_id:
                continue
            lang = await staff_language(self._sessions, member.object_id)
            notice = words.offer_notice(lang, offer_id, staff.name, starts, ends, self._roster.zone)
            if not await self._notifier.to_person(member.object_id, [notice]):
                log.warning("shift offer %s could not reach %s", offer_id, member.object_id)

    async def _tell(self, object_id: str, key: str, period: Period, **values: str) -> None:
        lang = await staff_language(self._sessions, object_id)
        sentence = text(lang, key, period=words.period_words(lang, *period, self._roster.zone), **values)
        if not await self._notifier.to_person(object_id, [Reply(sentence)]):
            log.warning("on-call change could not be told to %s", object_id)

