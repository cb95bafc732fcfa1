"""Calendar feeds: a secret, revocable URL per person (their shifts) and per manager (the whole schedule).

Only the token's SHA-256 is stored, so the database cannot give a link away; the link is shown
once, and `agenda nieuw` replaces it (the old one stops working).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta


from bot.policy import Segment
from bot.services.messages import Caller, Reply
from bot.services.oncall.ical import FeedEvent, calendar_document
from bot.services.oncall.roster import Roster
from bot.services.replies import format_moment
from bot.services.replies.desk import say_reply
from bot.services.replies.oncall import because_words
from bot.services.staff_language import staff_language
from bot.texts import text
from storage import oncall as oncall_store
from storage.models import CalendarFeed
from bot.policy import Role
from storage.unit_of_work import Sessions

PERSONAL, TEAM = "personal", "team"
DAYS_BACK, DAYS_AHEAD = 14, 60  # what a subscribed calendar shows around today
FEED_PATH = "/calendar/{token}.ics"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeeds:
    def __init__(self, roster: Roster, sessions: Sessions, public_url: str):
        self._roster, self._sessions, self._public_url = roster, sessions, public_url.rstrip("/")

    async def link(self, staff: Caller, scope: str, *, renew: bool) -> Reply:
        """A new secret link, unless one is active and no new one was asked for."""
        lang, now = staff.language, self._roster.now()
        if not self._public_url:
            return say_reply(lang, "calendar_unavailable")
        async with self._sessions.begin() as session:
            active = await oncall_store.active_feed(session, staff.object_id, scope)
            if active is not None and not renew:
                since = format_moment(lang, active.created_at, self._roster.zone, now)
                return say_reply(lang, f"calendar_exists_{scope}", since=since)
            await oncall_store.revoke_feeds(session, staff.object_id, scope, now)
            token = secrets.token_urlsafe(32)
            session.add(CalendarFeed(object_id=staff.object_id, scope=scope, token_sha256=token_hash(token), created_at=now))
        url = self._public_url + FEED_PATH.format(token=token)
        return say_reply(lang, f"calendar_link_{scope}", url=url)

    async def revoke(self, staff: Caller, scope: str) -> Reply:
        async with self._sessions.begin() as session:
            revoked = await oncall_store.revoke_feeds(session, staff.object_id, scope, self._roster.now())
        return say_reply(staff.language, "calendar_revoked" if revoked else "calendar_none")

    async def document(self, token: str) -> bytes | None:
        """The iCalendar for a token; None when it is unknown, revoked, or its owner may no longer see it."""
        async with self._sessions() as session:
            feed = await oncall_store.feed_by_token_hash(session, token_hash(token))
        member = self._roster.config.staff_member(feed.object_id) if feed else None
        if feed is None or member is None or (feed.scope == TEAM and member.role is not Role.MANAGEMENT):
            return None
        lang, now = await staff_language(self._sessions, member.object_id), self._roster.now()
        timeline = await self._roster.timeline(now - timedelta(days=DAYS_BACK), now + timedelta(days=DAYS_AHEAD))
        msp = self._roster.config.msp.name
        if feed.scope == PERSONAL:
            events = [self._event(lang, s, mine=True) for s in timeline if s.staff_id == member.object_id]
            return calendar_document(text(lang, "calendar_name_personal", msp=msp), events, now)
        events = [self._event(lang, s, mine=False) for s in timeline if s.assignment is not None]
        events += [
            FeedEvent("gap", g.starts, g.ends, text(lang, "calendar_event_gap")) for g in self._roster.gaps(timeline)
        ]
        return calendar_document(text(lang, "calendar_name_team", msp=msp), sorted(events, key=lambda e: e.starts), now)

    def _event(self, lang: str, segment: Segment, *, mine: bool) -> FeedEvent:
        assert segment.assignment is not None
        because = because_words(lang, segment.assignment.because, self._roster.name)
        name = self._roster.name(segment.assignment.staff_id)
        summary = text(lang, "calendar_event_mine" if mine else "calendar_event_team", name=name)
        return FeedEvent(segment.assignment.staff_id, segment.starts, segment.ends, summary, because)
