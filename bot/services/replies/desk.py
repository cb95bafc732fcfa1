"""What the staff chat answers: the queue, one ticket's history, on-call, and each command's outcome."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.services.messages import Choice, Reply
from bot.services.replies.choices import acknowledge, take_over
from bot.services.replies.staff import reported_facts, ticket_facts
from bot.services.replies.words import TicketView, format_moment, holder_words, priority_words, status_words, step_words
from bot.texts import text as say
from bot.policy.model import TicketStatus

QUEUE_LINES = 25  # one Teams message stays well under its size limit


@dataclass(frozen=True, slots=True)
class QueueEntry:
    view: TicketView
    organisation: str
    acknowledged: bool


@dataclass(frozen=True, slots=True)
class PageLine:
    moment: datetime
    name: str
    position: str
    status: str


@dataclass(frozen=True, slots=True)
class EscalationLine:
    moment: datetime
    from_step: int
    to_step: int
    trigger: str
    who: str
    reason: str


@dataclass(frozen=True, slots=True)
class NoteLine:
    moment: datetime
    name: str
    text: str


def say_reply(lang: str, key: str, /, **values: object) -> Reply:
    """Most outcomes are one catalogue sentence."""
    return Reply(say(lang, key, **values))


def desk_help(lang: str, role: str, actions: Sequence[str], holding: str | None) -> Reply:
    lines = [say(lang, "desk_help_intro", role=say(lang, f"role_{role}"))]
    lines += [f"- {say(lang, f'help_{action}')}" for action in actions]
    if holding:
        lines.append(say(lang, "desk_help_holding", number=holding))
    return Reply("\n\n".join(lines))


@dataclass(frozen=True, slots=True)
class Undelivered:
    """A message the bot gave up delivering: who it was for, when, and how it began."""

    recipient: str
    at: datetime
    text: str


def queue(lang: str, entries: Sequence[QueueEntry], undelivered: Sequence[Undelivered] = (), *,
          undelivered_count: int = 0, time_zone: str = "Europe/Amsterdam") -> Reply:
    """Every open ticket, emergencies first; buttons for the ones nobody has acknowledged. Messages
    the bot could not deliver are listed below, so staff can reach those people another way."""
    warning = _undelivered(lang, undelivered, undelivered_count, time_zone)
    if not entries:
        return say_reply(lang, "desk_queue_none") if not warning else Reply(say(lang, "desk_queue_none") + warning)
    shown = entries[:QUEUE_LINES]
    facts = tuple((e.view.number, _queue_line(lang, e)) for e in shown)
    buttons = [acknowledge(lang, e.view.number) for e in shown if not e.acknowledged][:6]  # Teams shows six
    body = say(lang, "desk_queue_intro", count=len(entries))
    if len(entries) > len(shown):
        body += "\n\n" + say(lang, "desk_queue_more", count=len(entries) - len(shown))
    return Reply(body + warning, tuple(buttons), facts)


def _undelivered(lang: str, undelivered: Sequence[Undelivered], count: int, time_zone: str) -> str:
    if not undelivered:
        return ""
    lines = [
        "- " + say(lang, "desk_undelivered_line", moment=format_moment(lang, u.at, time_zone), recipient=u.recipient,
                   text=u.text[:80])
        for u in undelivered
    ]
    return "\n\n" + say(lang, "desk_undelivered", count=count) + "\n" + "\n".join(lines)


def _queue_line(lang: str, entry: QueueEntry) -> str:
    view = entry.view
    return say(
        lang, "desk_queue_line", organisation=entry.organisation, subject=view.subject,
        priority=priority_words(lang, view.priority), status=status_words(lang, view.status),
        step=step_words(lang, view.escalation_step), holder=holder_words(lang, view.holder_name),
    )  # fmt: skip


def ticket_details(
    lang: str, view: TicketView, organisation: str, reporter: str, description: str, time_zone: str,
    history: tuple[Sequence[PageLine], Sequence[EscalationLine], Sequence[NoteLine]], attachments: str = "",
) -> Reply:
    """One ticket with everything that happened to it: pages (unreachable ones too), steps, notes."""
    pages, escalations, notes = history

    def when(moment: datetime) -> str:
        return format_moment(lang, moment, time_zone)

    def lines(items: Sequence[str]) -> str:
        return "\n".join(items) if items else say(lang, "nothing_yet")

    page_lines = [
        say(lang, "page_line", moment=when(p.moment), name=p.name, position=say(lang, f"position_{p.position}"),
            status=say(lang, f"page_status_{p.status}"))
        for p in pages
    ]  # fmt: skip
    escalation_lines = [
        say(lang, "escalation_line", moment=when(e.moment), from_step=e.from_step, to_step=e.to_step,
            trigger=say(lang, f"trigger_{e.trigger}"), who=e.who, reason=e.reason)
        for e in escalations
    ]  # fmt: skip
    note_lines = [say(lang, "note_line", moment=when(n.moment), name=n.name, text=n.text) for n in notes]
    facts = ticket_facts(lang, view, organisation) + reported_facts(lang, reporter, description) + (
        (say(lang, "fact_pages"), lines(page_lines)),
        (say(lang, "fact_escalations"), lines(escalation_lines)),
        (say(lang, "fact_notes"), lines(note_lines)),
    ) + (((say(lang, "fact_attachments"), attachments),) if attachments else ())
    buttons = _ticket_buttons(lang, view)
    return Reply(f"**{view.number}**: {view.subject}", buttons, facts)


def _ticket_buttons(lang: str, view: TicketView) -> tuple[Choice, ...]:
    """Acknowledge while nobody has; take over while nobody holds the chat; nothing once resolved."""
    if view.status == TicketStatus.RESOLVED:
        return ()
    buttons = [] if view.acknowledged else [acknowledge(lang, view.number)]
    if view.status != TicketStatus.TAKEN_OVER:
        buttons.append(take_over(lang, view.number))
    return tuple(buttons)
