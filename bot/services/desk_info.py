"""The staff commands that look things up: the queue and one ticket's history (on call: `oncall.desk`)."""

from __future__ import annotations

from datetime import timedelta


from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.services.clock import Clock
from bot.services.messages import AttachmentRef, Reply
from bot.services.replies import desk
from bot.services.ticket_views import view_of
from bot.services.wordless import describe_attachments
from storage import outbox as outbox_store
from storage import paging as page_store
from storage import tickets as ticket_store
from storage import transcript_edits
from storage.models import Person
from storage.records import TicketRecord
from storage.unit_of_work import Sessions


UNDELIVERED_SHOWN_FOR = timedelta(days=7)


class DeskInfo:
    def __init__(self, sessions: Sessions, config: ConfigHolder, clock: Clock):
        self._sessions, self._holder, self._clock = sessions, config, clock
        self._zone = config.current.business_hours.time_zone

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    async def queue(self, lang: str) -> Reply:
        """Every organisation's open tickets: emergencies first, then by age; and what the bot could
        not deliver in the last week."""
        since = self._clock.now() - UNDELIVERED_SHOWN_FOR
        async with self._sessions() as session:
            tickets = await ticket_store.all_open_tickets(session)
            failed, failed_count = await outbox_store.undeliverable(session, since)
        entries = [desk.QueueEntry(view_of(t), t.organisation, t.acknowledged_at is not None) for t in tickets]
        undelivered = [desk.Undelivered(f.recipient, f.at, f.text) for f in failed]
        return desk.queue(lang, entries, undelivered, undelivered_count=failed_count, time_zone=self._zone)

    async def details(self, lang: str, ticket: TicketRecord) -> Reply:
        """The ticket and its history; an unreachable on-call engineer shows up here."""
        async with self._sessions() as session:
            pages = await page_store.pages_of(session, ticket.id)
            escalations = await ticket_store.escalations_of(session, ticket.id)
            attached = await transcript_edits.attachments_of(session, ticket)
            notes = await ticket_store.notes_of(session, ticket.id)
            actors = {e.actor_person_id for e in escalations if e.actor_person_id}
            names = {p.id: p.name for p in [await session.get(Person, i) for i in actors] if p}
        page_lines = [desk.PageLine(p.sent_at, self._name(p.staff_object_id), p.position, p.status) for p in pages]
        escalation_lines = [
            desk.EscalationLine(e.created_at, e.from_step, e.to_step, e.trigger, names.get(e.actor_person_id or 0, "-"), e.reason)
            for e in escalations
        ]
        note_lines = [desk.NoteLine(n.created_at, n.author_name, n.text) for n in notes]
        return desk.ticket_details(
            lang, view_of(ticket), ticket.organisation, ticket.reporter.name, ticket.description, self._zone,
            (page_lines, escalation_lines, note_lines), attachments=describe_attachments(lang, _references(attached)),
        )

    def _name(self, object_id: str) -> str:
        member = self._config.staff_member(object_id)
        return member.name if member else object_id


def _references(payloads: list[dict[str, object]]) -> list[AttachmentRef]:
    return [
        AttachmentRef(str(a.get("kind") or "other"), str(a.get("name") or ""), str(a.get("content_type") or ""),
                      str(a.get("url") or ""))
        for a in payloads
    ]  # fmt: skip
