"""Every reply the customer conversation and the staff desk send, built as plain `Reply` data in the
reader's language.

Pure functions: no Bot Framework, web or database imports. Choice values are stable machine
words (see `choices`); labels come from the text catalogues.
"""

from bot.services.replies.choices import (
    ACCEPT, ACK_PREFIX, DECLINE, EMERGENCY, EVERYONE, FULL_SLA, JUST_NOW, LONGER, NO, NONE_OF_THESE, ONE,
    ONE_TICKET, OTHER, POLARITY, PRODUCT_NAMES, PRODUCTS_BY_INTENT, RATINGS, REMIND, SEPARATE, SEVERAL, TAKE_OVER_PREFIX,
    TICKET_PREFIX, TODAY, YES, choice_synonyms, product_name, products_for,
)  # fmt: skip
from bot.services.replies.conversation import (
    added_to_ticket, choice_hint, describe_problem, fact_noted, how_can_i_help, question_dropped, separate_created, separate_tickets,
    stale_choice, still_open, which_ticket, with_lead,
)  # fmt: skip
from bot.services.replies.conversation import added_to_report, called_off, number_unasked, unknown_ticket
from bot.services.replies.customer import (
    acknowledged, already_escalated, already_in_mediation, ask_affected, ask_product, ask_since, ask_which_ticket,
    clarify, clarify_other, emergency_in_hours, emergency_joined, emergency_paged, emergency_unanswered, escalated,
    goodbye, handed_back, other_problem, outside_office, person_asked,
    out_of_scope, rating_invalid, rating_request, rating_thanks, resolved, staff_joined, status,
    ticket_created,
)  # fmt: skip
from bot.services.replies.excluded import excluded, full_sla, quote_declined, quote_recorded, sla_overview
from bot.services.replies.hours import (
    closed_words, confirm_emergency, emergency_way, not_an_emergency, offer_passed, out_of_hours,
    reminder_declined, reminder_message, reminder_moved, reminder_scheduled, told_reminder, told_ticket_declined,
    told_ticket_offer,
)  # fmt: skip
from bot.services.replies.staff import (
    escalation_notice, new_ticket_notice, page_notice, quote_request_notice,
)  # fmt: skip
from bot.services.replies.words import (
    TicketView, format_moment, holder_words, intent_label, priority_words, service_hours,
    status_words, step_words,
)  # fmt: skip

__all__ = [
    "ACCEPT", "ACK_PREFIX", "added_to_ticket", "DECLINE", "EMERGENCY", "EVERYONE", "FULL_SLA", "JUST_NOW", "LONGER",
    "NO", "NONE_OF_THESE", "ONE", "ONE_TICKET", "OTHER", "POLARITY", "PRODUCTS_BY_INTENT", "PRODUCT_NAMES", "RATINGS", "REMIND",
    "SEPARATE", "SEVERAL", "TAKE_OVER_PREFIX", "TICKET_PREFIX", "TODAY", "YES", "TicketView", "acknowledged",
    "already_escalated", "already_in_mediation", "ask_affected", "ask_product", "ask_since", "ask_which_ticket",
    "choice_hint", "choice_synonyms",
    "clarify", "clarify_other", "closed_words", "confirm_emergency", "describe_problem", "emergency_in_hours",
    "emergency_joined", "emergency_paged", "emergency_unanswered", "emergency_way", "escalated", "escalation_notice",
    "excluded", "fact_noted", "format_moment", "full_sla", "goodbye", "handed_back", "holder_words", "how_can_i_help",
    "intent_label", "new_ticket_notice", "not_an_emergency", "offer_passed", "out_of_hours", "out_of_scope",
    "page_notice", "priority_words", "product_name", "products_for", "question_dropped", "quote_declined",
    "quote_recorded", "quote_request_notice", "rating_invalid", "rating_request", "rating_thanks",
    "reminder_declined", "reminder_message", "reminder_moved", "reminder_scheduled", "told_reminder",
    "told_ticket_declined", "told_ticket_offer", "resolved", "separate_created", "separate_tickets",
    "service_hours", "sla_overview", "staff_joined", "stale_choice", "status", "status_words", "step_words",
    "still_open", "ticket_created", "which_ticket", "with_lead", "other_problem", "outside_office", "person_asked",
]
__all__ += ["added_to_report", "called_off", "number_unasked", "unknown_ticket"]
