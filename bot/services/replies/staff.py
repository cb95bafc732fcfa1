"""Notices for staff, in the staff member's language: new tickets, pages, quotes, escalations."""

from __future__ import annotations

from bot.services.emergency_reason import emergency_reason_for
from bot.services.messages import Reply
from bot.services.replies.choices import acknowledge, take_over
from bot.services.replies.words import (
    TicketView, holder_words, intent_label, priority_words, status_words, step_words,
)  # fmt: skip
from bot.texts import text as say  # `text` is a parameter name below

_MAX_FREE_TEXT = 1000  # a customer's description can be long; the card stays readable


def _clip(value: str) -> str:
    value = value.strip()
    return value if len(value) <= _MAX_FREE_TEXT else value[: _MAX_FREE_TEXT - 1] + "…"


def ticket_facts(lang: str, ticket: TicketView, organisation: str) -> tuple[tuple[str, str], ...]:
    return (
        (say(lang, "fact_ticket"), ticket.number),
        (say(lang, "fact_organisation"), organisation),
        (say(lang, "fact_category"), intent_label(lang, ticket.intent)),
        (say(lang, "fact_priority"), priority_words(lang, ticket.priority)),
        (say(lang, "fact_status"), status_words(lang, ticket.status)),
        (say(lang, "fact_step"), step_words(lang, ticket.escalation_step)),
        (say(lang, "fact_holder"), holder_words(lang, ticket.holder_name)),
    )


def reported_facts(lang: str, reporter: str, description: str) -> tuple[tuple[str, str], ...]:
    return ((say(lang, "fact_reporter"), reporter), (say(lang, "fact_description"), _clip(description)))


def new_ticket_notice(
    lang: str, ticket: TicketView, organisation: str, reporter: str, description: str
) -> Reply:
    """Step 1: a new ticket for the support engineers, with a Take over button."""
    return Reply(
        say(lang, "new_ticket_notice", number=ticket.number, organisation=organisation, subject=ticket.subject),
        (take_over(lang, ticket.number),),
        ticket_facts(lang, ticket, organisation) + reported_facts(lang, reporter, description),
    )


def page_notice(
    lang: str, ticket: TicketView, organisation: str, reporter: str, description: str, why: str | None = None
) -> Reply:
    """Outside hours: the page to the on-call engineer, with Acknowledge and Take over, and why them."""
    reason = ((say(lang, "fact_why_paged"), why),) if why else ()
    why_emergency = emergency_reason_for(lang, description)  # a page is for an emergency (issue 12)
    return Reply(
        say(lang, "page_notice", number=ticket.number, organisation=organisation)
        + (f"\n\n{why_emergency}" if why_emergency else ""),
        (acknowledge(lang, ticket.number), take_over(lang, ticket.number)),
        reason + ticket_facts(lang, ticket, organisation) + reported_facts(lang, reporter, description),
    )


def quote_request_notice(lang: str, organisation: str, reporter: str, intent: str, text: str) -> Reply:
    """A customer accepted the paid-work offer: who, which organisation, what for."""
    category = intent_label(lang, intent)
    return Reply(
        say(lang, "quote_request_notice", reporter=reporter, organisation=organisation, category=category),
        facts=(
            (say(lang, "fact_organisation"), organisation),
            (say(lang, "fact_reporter"), reporter),
            (say(lang, "fact_category"), category),
            (say(lang, "fact_request"), _clip(text)),
        ),
    )


def escalation_notice(lang: str, ticket: TicketView, organisation: str, reason: str, to_step: int) -> Reply:
    """A ticket moved up; at step 2 seniors and management may take it over."""
    body = say(
        lang, "escalation_notice", number=ticket.number, organisation=organisation,
        step=step_words(lang, to_step),
    )  # fmt: skip
    facts = ticket_facts(lang, ticket, organisation) + ((say(lang, "fact_reason"), _clip(reason)),)
    if to_step == 2:
        return Reply(f"{body} {say(lang, 'escalation_notice_step_2')}", (take_over(lang, ticket.number),), facts)
    if to_step >= 3:
        body = f"{body} {say(lang, 'escalation_notice_step_3')}"
    return Reply(body, facts=facts)
