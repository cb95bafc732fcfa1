"""Every reply the dialogs send, built as plain `Reply` data in the reader's language.

Pure functions: no Bot Framework, web or database imports. Choice values are stable machine
words (see `choices`); labels come from the text catalogues.
"""

from bot.services.replies.choices import (
    ACCEPT, ACK_PREFIX, DECLINE, EMERGENCY, EVERYONE, JUST_NOW, LONGER, NO, ONE, OTHER,
    PRODUCT_NAMES, PRODUCTS_BY_INTENT, RATINGS, REMIND, SEVERAL, TAKE_OVER_PREFIX, TODAY, YES,
    choice_synonyms, product_name, products_for,
)  # fmt: skip
from bot.services.replies.customer import (
    acknowledged, already_in_mediation, ask_affected, ask_product, ask_since, ask_which_ticket,
    clarify, clarify_other, emergency_in_hours, emergency_joined, emergency_paged, emergency_unanswered, escalated,
    goodbye, handed_back,
    out_of_scope, rating_invalid, rating_request, rating_thanks, resolved, staff_joined, status,
    ticket_created,
)  # fmt: skip
from bot.services.replies.excluded import excluded, quote_declined, quote_recorded
from bot.services.replies.hours import (
    confirm_emergency, not_an_emergency, out_of_hours, reminder_declined, reminder_message,
    reminder_scheduled,
)  # fmt: skip
from bot.services.replies.staff import (
    escalation_notice, new_ticket_notice, page_notice, quote_request_notice,
)  # fmt: skip
from bot.services.replies.words import (
    TicketView, format_moment, holder_words, intent_label, priority_words, service_hours,
    status_words, step_words,
)  # fmt: skip

__all__ = [
    "ACCEPT", "ACK_PREFIX", "DECLINE", "EMERGENCY", "EVERYONE", "JUST_NOW", "LONGER", "NO", "ONE",
    "OTHER", "PRODUCTS_BY_INTENT", "PRODUCT_NAMES", "RATINGS", "REMIND", "SEVERAL",
    "TAKE_OVER_PREFIX", "TODAY", "YES", "TicketView", "acknowledged", "already_in_mediation",
    "ask_affected", "ask_product", "ask_since", "ask_which_ticket", "choice_synonyms", "clarify",
    "clarify_other", "confirm_emergency", "emergency_in_hours", "emergency_joined", "emergency_paged",
    "emergency_unanswered", "escalated",
    "escalation_notice", "excluded", "format_moment", "goodbye", "handed_back", "holder_words",
    "intent_label", "new_ticket_notice", "not_an_emergency", "out_of_hours", "out_of_scope",
    "page_notice", "priority_words", "product_name", "products_for", "quote_declined",
    "quote_recorded", "quote_request_notice", "rating_invalid", "rating_request", "rating_thanks",
    "reminder_declined", "reminder_message", "reminder_scheduled", "resolved", "service_hours",
    "staff_joined", "status", "status_words", "step_words", "ticket_created",
]
