"""The customer's side of a conversation: intake, tickets, status, escalation, endings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.config.operator import Msp, OperatorConfig
from bot.services.messages import Choice, Reply
from bot.services.replies.choices import (
    EVERYONE, JUST_NOW, LONGER, ONE, OTHER, SEVERAL, TODAY,
    choice, product_choice, products_for, rating_choices,
)  # fmt: skip
from bot.services.replies.conversation import NamedTicket, with_lead
from bot.services.replies.words import (
    TicketView, format_moment, holder_words, intent_label, priority_words, status_words, step_words,
)  # fmt: skip
from bot.texts import text

_LOW_RATING = 2


def clarify(lang: str, candidates: tuple[str, ...]) -> Reply:
    """Unsure: the candidate categories, best first, and "something else"."""
    options = tuple(Choice(intent_label(lang, intent), intent) for intent in candidates)
    return Reply(text(lang, "clarify"), (*options, choice(lang, "choice_other", OTHER)))


def clarify_other(lang: str) -> Reply:
    """None of the candidates: ask for other words."""
    return Reply(text(lang, "clarify_other"))


def ask_product(lang: str, intent: str) -> Reply:
    """Which product, offering those that fit the category."""
    return Reply(text(lang, "ask_product"), tuple(product_choice(lang, p) for p in products_for(intent)))


def ask_affected(lang: str) -> Reply:
    """How many people are affected: one, several, everyone."""
    return Reply(text(lang, "ask_affected"), (
        choice(lang, "choice_affected_one", ONE),
        choice(lang, "choice_affected_several", SEVERAL),
        choice(lang, "choice_affected_everyone", EVERYONE),
    ))  # fmt: skip


def ask_since(lang: str) -> Reply:
    """Since when; free text is welcome, the buttons are shortcuts."""
    return Reply(text(lang, "ask_since"), (
        choice(lang, "choice_since_just_now", JUST_NOW),
        choice(lang, "choice_since_today", TODAY),
        choice(lang, "choice_since_longer", LONGER),
    ))  # fmt: skip


def ticket_created(lang: str, number: str, intent: str, priority: str) -> Reply:
    """The ticket number, its category and priority, and what happens next."""
    return Reply(text(
        lang, "ticket_created", number=number,
        category=intent_label(lang, intent), priority=priority_words(lang, priority),
    ))  # fmt: skip


def emergency_paged(lang: str, number: str) -> Reply:
    """Outside hours: P1 ticket, the on-call engineer is being alerted."""
    return Reply(text(lang, "emergency_paged", number=number))


def emergency_unanswered(lang: str, number: str, msp: Msp) -> Reply:
    """Every page round went unanswered: the emergency phone number when the MSP has one."""
    if msp.emergency_phone:
        return Reply(text(
            lang, "emergency_unanswered_phone", number=number, phone=msp.emergency_phone, contact=msp.contact_email,
        ))
    return Reply(text(lang, "emergency_unanswered", number=number, contact=msp.contact_email))


def emergency_in_hours(lang: str, number: str) -> Reply:
    """Inside hours: P1 ticket, the support engineers are alerted."""
    return Reply(text(lang, "emergency_in_hours", number=number))


def emergency_joined(lang: str, number: str, staff_name: str) -> Reply:
    """A new report of an emergency someone already acknowledged: no second page."""
    return Reply(text(lang, "emergency_joined", number=number, name=staff_name))


def acknowledged(lang: str, staff_name: str, number: str) -> Reply:
    """Someone acknowledged the page."""
    return Reply(text(lang, "acknowledged", name=staff_name, number=number))


def status(lang: str, tickets: Sequence[TicketView], colleagues: Sequence[NamedTicket] = ()) -> Reply:
    """The customer's own open tickets, one fact line each; colleagues' by number and subject only."""
    if not tickets and not colleagues:
        return Reply(text(lang, "status_none"))
    own = tuple((t.number, _status_line(lang, t)) for t in tickets)
    shared = tuple((t.number, text(lang, "status_colleague_line", subject=t.subject)) for t in colleagues)
    return Reply(text(lang, "status_intro" if tickets else "status_intro_colleagues"), facts=own + shared)


def _status_line(lang: str, ticket: TicketView) -> str:
    return text(
        lang, "status_line", subject=ticket.subject, status=status_words(lang, ticket.status),
        step=step_words(lang, ticket.escalation_step), holder=holder_words(lang, ticket.holder_name),
    )  # fmt: skip


def ask_which_ticket(lang: str) -> Reply:
    """An escalation request without an open ticket."""
    return Reply(text(lang, "ask_which_ticket"))


def escalated(lang: str, number: str, to_step: int) -> Reply:
    """Moved up: step 2 (seniors and management), step 3 (mediation)."""
    if to_step == 2:
        return Reply(text(lang, "escalated_step_2", number=number))
    if to_step >= 3:
        return Reply(text(lang, "mediation_info", number=number))
    return Reply(text(lang, "escalated", number=number, step=step_words(lang, to_step)))


def already_escalated(lang: str, number: str, step: int, since: datetime, time_zone: str) -> Reply:
    """Asked again soon after it moved up: to whom and when, and that they will be in touch."""
    moment = format_moment(lang, since, time_zone, since)
    return Reply(text(lang, "already_escalated", number=number, step=step_words(lang, step), moment=moment))


def already_in_mediation(lang: str, number: str) -> Reply:
    """Already at the last step; nothing moves."""
    return Reply(text(lang, "already_in_mediation", number=number))


def out_of_scope(lang: str, config: OperatorConfig) -> Reply:
    """Not Office 365: the MSP's general contact address."""
    return Reply(text(lang, "out_of_scope", msp=config.msp.name, contact=config.msp.contact_email))


def outside_office(lang: str, clause: str, config: OperatorConfig, reply: Reply) -> Reply:
    """A problem outside Office 365 told beside one inside it: a word on it in front of the answer."""
    return with_lead(text(lang, "outside_office", clause=clause, contact=config.msp.contact_email), reply)


def other_problem(lang: str, clause: str, reply: Reply) -> Reply:
    """A new problem told with an escalation request: its answer, named, after the escalation's."""
    return with_lead(text(lang, "other_problem", clause=clause), reply)


def person_asked(lang: str, *, closed: bool) -> Reply:
    """Asked for a person, with no open ticket: support takes on every ticket; what is it about?"""
    asked = text(lang, "person_asked")
    return Reply(f"{asked} {text(lang, 'describe_if_emergency')}" if closed else asked)


def goodbye(lang: str) -> Reply:
    """Thanks or goodbye."""
    return Reply(text(lang, "goodbye"))


def staff_joined(lang: str, staff_name: str, number: str) -> Reply:
    """A staff member took over the chat."""
    return Reply(text(lang, "staff_joined", name=staff_name, number=number))


def handed_back(lang: str, number: str) -> Reply:
    """The staff member handed the chat back; the ticket stays open."""
    return Reply(text(lang, "handed_back", number=number))


def resolved(lang: str, number: str, note: str) -> Reply:
    """The ticket is resolved, with the staff member's note when there is one."""
    body = text(lang, "resolved", number=number)
    if note.strip():
        body += "\n\n" + text(lang, "resolved_note", note=note.strip())
    return Reply(body)


def rating_request(lang: str, number: str) -> Reply:
    """Ask for a 1 to 5 rating."""
    return Reply(text(lang, "rating_request", number=number), rating_choices(lang))


def rating_thanks(lang: str, rating: int) -> Reply:
    """Thanks; a low rating also gets an apology."""
    key = "rating_thanks_low" if rating <= _LOW_RATING else "rating_thanks"
    return Reply(text(lang, key, rating=rating))


def rating_invalid(lang: str) -> Reply:
    """Not a number from 1 to 5: ask again with the same buttons."""
    return Reply(text(lang, "rating_invalid"), rating_choices(lang))
