"""The customer conversation's own turns: a later greeting, questions left or still open, several
problems in one message, which ticket to escalate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.services.messages import Choice, Reply
from bot.services.replies.choices import NONE_OF_THESE, ONE_TICKET, PRODUCT_NAMES, SEPARATE, TICKET_PREFIX, choice
from bot.services.replies.words import TicketView, intent_label, priority_words
from bot.texts import text

_BUTTON_SUBJECT = 40  # a button label stays on one line
MAX_TICKET_BUTTONS = 5  # Teams shows six buttons; the last is "none of these"
_NAMES = frozenset({*(name.split()[0] for name in PRODUCT_NAMES.values()), "Office"})  # written as named anywhere


class NamedTicket(Protocol):
    @property
    def number(self) -> str: ...

    @property
    def subject(self) -> str: ...


def how_can_i_help(lang: str) -> Reply:
    """A greeting in a conversation that was welcomed already: short."""
    return Reply(text(lang, "how_can_i_help"))


def with_lead(lead: str, reply: Reply) -> Reply:
    """One message: a short lead sentence in front of a reply, its buttons kept."""
    return Reply(f"{lead}\n\n{reply.text}", reply.choices, reply.facts)


def question_dropped(lang: str, reply: Reply) -> Reply:
    """A new subject while a question was open: the question is closed with a word, then the answer."""
    return with_lead(text(lang, "question_dropped"), reply)


def still_open(lang: str, question: Reply) -> Reply:
    """"ok" while a question waits: the question again, so its buttons are at hand."""
    return with_lead(text(lang, "still_open"), question)


def fact_noted(lang: str, question: Reply) -> Reply:
    """Who is affected or since when, told while a question waits: kept, and the question again."""
    return with_lead(text(lang, "fact_noted"), question)


def added_to_ticket(lang: str, number: str) -> Reply:
    """A few words more about the ticket just made went onto it."""
    return Reply(text(lang, "added_to_ticket", number=number))


def stale_choice(lang: str) -> Reply:
    return Reply(text(lang, "stale_choice"))


def describe_problem(lang: str, *, urgent: bool, closed: bool = False) -> Reply:
    """Only how urgent, who is affected or since when, or only "help": what is wrong is still to be said;
    when closed, also whether the organisation cannot work (an emergency, the one thing handled now)."""
    asked = text(lang, "urgent_describe" if urgent else "describe_problem")
    return Reply(f"{asked} {text(lang, 'describe_if_emergency')}" if closed else asked)


def choice_hint(lang: str, question: Reply) -> Reply:
    """A typed answer that fits none of the buttons: the question again, once, with how to answer it."""
    return with_lead(text(lang, "choice_hint"), question)


def separate_tickets(lang: str, intents: Sequence[str]) -> Reply:
    """Several problems in one message: one ticket each, or one for all?"""
    problems = ", ".join(_in_a_sentence(intent_label(lang, intent)) for intent in intents)
    return Reply(text(lang, "separate_tickets", count=len(intents), problems=problems), (
        choice(lang, "choice_separate", SEPARATE),
        choice(lang, "choice_one_ticket", ONE_TICKET),
    ))  # fmt: skip


def separate_created(lang: str, views: Sequence[TicketView]) -> Reply:
    """The tickets made, each named with its category and priority."""
    facts = tuple(
        (view.number, text(lang, "separate_line", category=intent_label(lang, view.intent),
                           priority=priority_words(lang, view.priority)))
        for view in views
    )  # fmt: skip
    return Reply(text(lang, "separate_created", count=len(views)), facts=facts)


def which_ticket(lang: str, tickets: Sequence[NamedTicket], *, own: bool = True) -> Reply:
    """Tickets by number and subject only, and "none of these"."""
    buttons = tuple(
        Choice(text(lang, "choice_ticket", number=t.number, subject=_short(t.subject)), f"{TICKET_PREFIX}{t.number}")
        for t in tickets[:MAX_TICKET_BUTTONS]
    )  # fmt: skip
    key = "which_ticket" if own else "which_ticket_colleagues"
    return Reply(text(lang, key), (*buttons, choice(lang, "choice_none_of_these", NONE_OF_THESE)))


def _in_a_sentence(label: str) -> str:
    """A category's label inside a sentence: its first word small, names as the catalogue writes them
    ("probleem met Word, Excel of een andere Office-app", "Office 365 outage")."""
    if label.split(" ", 1)[0] in _NAMES:
        return label
    return label[:1].lower() + label[1:]


def _short(subject: str) -> str:
    return subject if len(subject) <= _BUTTON_SUBJECT else subject[: _BUTTON_SUBJECT - 1] + "…"


def called_off(lang: str) -> Reply:
    """"laat maar", "cancel" while the bot asks about a problem: it stops, and says nothing was made."""
    return Reply(text(lang, "called_off"))


def added_to_report(lang: str, question: Reply) -> Reply:
    """Another product named while the intake asks something else: heard, then the question again."""
    return with_lead(text(lang, "added_to_report"), question)


def unknown_ticket(lang: str, number: str, status: Reply) -> Reply:
    """A ticket number that is none of theirs (whether another organisation has it is not said): their own."""
    return with_lead(text(lang, "unknown_ticket", number=number), status)


def number_unasked(lang: str) -> Reply:
    """A bare number with no question open: no category is guessed from it; what can we do?"""
    return Reply(f"{text(lang, 'number_unasked')} {text(lang, 'how_can_i_help')}")
