"""Each open question as the customer sees it, so it can be asked, asked again, and its buttons read."""

from __future__ import annotations

from datetime import datetime

from bot.config.operator import OperatorConfig
from bot.policy import OfferQuote, exclusion_clause
from bot.policy.calendar import BusinessCalendar
from bot.services import replies
from bot.services.customer import intake
from bot.services.customer.state import (
    AwaitingProblem, ClarifyQuestion, DeclinedOffer, EmergencyCheck, IntakeQuestion, OutOfHoursOffer, Question, QuoteOffer,
    RatingQuestion, SeparateTickets, TicketOffer, WhichTicket,
)  # fmt: skip
from bot.services.messages import Reply


def ask(question: Question, lang: str, config: OperatorConfig, calendar: BusinessCalendar, now: datetime) -> Reply:
    """The question's reply in `lang`, with its buttons."""
    match question:
        case IntakeQuestion(report=report, asking=slot):
            return intake.ask(lang, slot, report.intent)
        case OutOfHoursOffer(opening=opening):
            why = replies.closed_words(lang, calendar.closed_reason(now), calendar)
            return replies.out_of_hours(lang, opening, config, why, now)
        case EmergencyCheck():
            return replies.confirm_emergency(lang)
        case ClarifyQuestion(candidates=candidates):
            return replies.clarify(lang, candidates)
        case QuoteOffer(report=report):
            return replies.excluded(lang, OfferQuote(report.intent, exclusion_clause(report.intent)), config)
        case RatingQuestion(number=number):
            return replies.rating_request(lang, number)
        case SeparateTickets(intents=intents):
            return replies.separate_tickets(lang, intents)
        case WhichTicket(tickets=tickets):
            return replies.which_ticket(lang, tickets)
        case AwaitingProblem(facts=facts):
            return replies.describe_problem(lang, urgent=facts.urgent, closed=not calendar.is_open(now))
        case DeclinedOffer():
            return replies.reminder_declined(lang, config.msp)
        case TicketOffer(report=report):
            return replies.told_ticket_offer(lang, report.text, report.reported_at, now, config.business_hours.time_zone)
    raise AssertionError(f"unknown question {question!r}")
