"""The staff commands that look things up: the queue, one ticket's history, who is on call; and overrides."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config.operator import OperatorConfig
from bot.policy import on_call_at
from bot.services.clock import Clock
from bot.services.messages import AttachmentRef, Caller, Reply
from bot.services.policy_setup import overrides as policy_overrides
from bot.services.policy_setup import rota
from bot.services.replies import desk, format_moment
from bot.services.replies.desk import say_reply
from bot.services.ticket_views import view_of
from bot.services.wordless import describe_attachments
from storage import paging as page_store
from storage import tickets as ticket_store
from storage import transcript_edits
from storage.models import OnCallOverride, Person, Ticket

SELF_WORDS = frozenset({"me", "myself", "ik", "mij", "mezelf", "mijzelf"})


class DeskInfo:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], config: OperatorConfig, clock: Clock):
        self._sessions, self._config, self._clock = sessions, config, clock
        self._zone = config.business_hours.time_zone

    async def queue(self, lang: str) -> Reply:
        """Every organisation's open tickets: emergencies first, then by age."""
        async with self._sessions() as session:
            tickets = await ticket_store.all_open_tickets(session)
            for ticket in tickets:
                await session.refresh(ticket, ["holder", "organisation"])
        entries = [desk.QueueEntry(view_of(t), t.organisation.name, t.acknowledged_at is not None) for t in tickets]
        return desk.queue(lang, entries)

    async def details(self, lang: str, ticket: Ticket) -> Reply:
        """The ticket and its history; an unreachable on-call engineer shows up here."""
        async with self._sessions() as session:
            pages = await page_store.pages_of(session, ticket.id)
            escalations = await ticket_store.escalations_of(session, ticket.id)
            notes = await ticket_store.notes_of(session, ticket.id)
            attached = await transcript_edits.attachments_of(session, ticket)
            actors = {e.actor_person_id for e in escalations if e.actor_person_id}
            names = {p.id: p.name for p in [await session.get(Person, i) for i in actors] if p}
        page_lines = [desk.PageLine(p.sent_at, self._name(p.staff_object_id), p.position, p.status) for p in pages]
        escalation_lines = [
            desk.EscalationLine(e.created_at, e.from_step, e.to_step, e.trigger, names.get(e.actor_person_id or 0, "-"), e.reason)
            for e in escalations
        ]
        note_lines = [desk.NoteLine(n.created_at, n.author_name, n.text) for n in notes]
        return desk.ticket_details(
            lang, view_of(ticket), ticket.organisation.name, ticket.reporter.name, ticket.description, self._zone,
            (page_lines, escalation_lines, note_lines), attachments=describe_attachments(lang, _references(attached)),
        )

    async def on_call(self, lang: str) -> Reply:
        """Who is on call now (an override wins over the rota), the backup, and the overrides in force."""
        now = self._clock.now()
        async with self._sessions() as session:
            stored = await page_store.overrides_active_around(session, now)
        who = on_call_at(now, rota(self._config), policy_overrides(stored))
        listed = [(self._name(o.staff_object_id), self._moment(lang, o.ends_at)) for o in stored]
        return desk.on_call(lang, self._name(who) if who else None, self._name(self._config.on_call.backup), listed)

    async def set_override(self, staff: Caller, who: str, until: datetime | None) -> Reply:
        """From now until `until`, `who` is on call; the rota is unchanged and wins again afterwards."""
        member = self._staff_named(staff, who)
        if member is None:
            return say_reply(staff.language, "desk_unknown_staff", who=who)
        if until is None:
            return say_reply(staff.language, "override_usage")
        now = self._clock.now()
        async with self._sessions.begin() as session:
            session.add(OnCallOverride(
                staff_object_id=member, starts_at=now, ends_at=until, created_by_object_id=staff.object_id,
                created_at=now,
            ))  # fmt: skip
        return say_reply(staff.language, "desk_override_set", name=self._name(member), until=self._moment(staff.language, until))

    def _staff_named(self, staff: Caller, who: str) -> str | None:
        """"me", a full name or a first name from the directory; ambiguous first names match nobody."""
        wanted = " ".join(who.lower().split())
        if wanted in SELF_WORDS:
            return staff.object_id
        full = [m.object_id for m in self._config.staff if m.name.lower() == wanted]
        first = [m.object_id for m in self._config.staff if m.name.lower().split()[:1] == [wanted]]
        for matches in (full, first):
            if len(matches) == 1:
                return matches[0]
        return None

    def _name(self, object_id: str) -> str:
        member = self._config.staff_member(object_id)
        return member.name if member else object_id

    def _moment(self, lang: str, moment: datetime) -> str:
        return format_moment(lang, moment, self._zone, self._clock.now())


def _references(payloads: list[dict]) -> list[AttachmentRef]:
    return [
        AttachmentRef(str(a.get("kind") or "other"), str(a.get("name") or ""), str(a.get("content_type") or ""),
                      str(a.get("url") or ""))
        for a in payloads
    ]  # fmt: skip
