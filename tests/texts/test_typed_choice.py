"""A typed answer to every question with buttons: its words, its position, yes or no, a ticket number."""

from __future__ import annotations

import pytest

from bot.config.operator import load_operator_config
from bot.policy import OfferQuote, exclusion_clause
from bot.services import replies
from bot.services.customer import typed_choice
from bot.services.customer.choosing import chosen
from bot.services.messages import Reply
from bot.services.replies.conversation import NamedTicket
from fakes.operator_config import OPERATOR_CONFIG

ONE_TICKET_EACH = replies.separate_tickets("nl", ("signin_problem", "license_problem", "teams_problem"))


class _Ticket:
    def __init__(self, number: str, subject: str):
        self.number, self.subject = number, subject


TICKETS: tuple[NamedTicket, ...] = (
    _Ticket("T-2026-0002", "Outlook crasht steeds, alleen bij mij"),
    _Ticket("T-2026-0001", "Excel crasht bij het opstarten"),
)
WHICH = replies.which_ticket("nl", TICKETS)


def read(question: Reply, typed: str, *, within: bool = True) -> str | None:
    return chosen(typed, None, question.choices, replies.choice_synonyms("nl"), within=within)


@pytest.mark.parametrize(("typed", "expected"), [
    ("ja", "separate"), ("Yes", "separate"), ("graag", "separate"), ("ja graag!", "separate"),
    ("ja, aparte meldingen", "separate"), ("de eerste", "separate"), ("1", "separate"),
    ("nee", "one_ticket"), ("nee, één melding", "one_ticket"), ("No thanks", "one_ticket"), ("2", "one_ticket"),
    ("nee hoor, alles in één", "one_ticket"), ("één melding", "one_ticket"),
    ("misschien", None), ("3", None),
])
def test_several_problems_separate_or_one(typed: str, expected: str | None) -> None:
    assert read(ONE_TICKET_EACH, typed) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("de tweede", "ticket:T-2026-0001"), ("nummer 2", "ticket:T-2026-0001"), ("2", "ticket:T-2026-0001"),
    ("the second one", "ticket:T-2026-0001"), ("nr. 1", "ticket:T-2026-0002"), ("2e", "ticket:T-2026-0001"),
    ("die over Outlook", "ticket:T-2026-0002"), ("the one about Excel", "ticket:T-2026-0001"),
    ("T-2026-0001", "ticket:T-2026-0001"), ("2026-0001", "ticket:T-2026-0001"), ("t-2026-0002 graag", "ticket:T-2026-0002"),
    ("de derde", "none"), ("geen van deze", "none"),
    ("de vierde", None), ("2026-0009", None), ("die over Teams", None), ("crasht", None),
])
def test_which_ticket(typed: str, expected: str | None) -> None:
    assert read(WHICH, typed) == expected


def _quote() -> Reply:
    return replies.excluded("nl", OfferQuote("howto", exclusion_clause("howto")), load_operator_config(OPERATOR_CONFIG))


# every other question with buttons: its words, its position, yes or no
@pytest.mark.parametrize(("question", "typed", "expected"), [
    (replies.confirm_emergency("nl"), "ja", "yes"), (replies.confirm_emergency("nl"), "nee", "no"),
    (replies.confirm_emergency("nl"), "de eerste", "yes"), (replies.confirm_emergency("en"), "yes", "yes"),
    (replies.ask_affected("nl"), "de tweede", "several"), (replies.ask_affected("nl"), "3", "everyone"),
    (replies.ask_affected("en"), "only me", "one"),
    (replies.ask_since("nl"), "de eerste", "just_now"), (replies.ask_since("nl"), "al langer", "longer"),
    (replies.ask_product("nl", "email_problem"), "de eerste", "outlook"),
    (replies.clarify("nl", ("teams_problem", "signin_problem")), "de tweede", "signin_problem"),
    (replies.clarify("nl", ("teams_problem", "signin_problem")), "die met inloggen", "signin_problem"),
    (replies.clarify("nl", ("teams_problem", "signin_problem")), "3", "other"),
    (replies.rating_request("nl", "T-2026-0001"), "4", "4"), (replies.rating_request("nl", "T-2026-0001"), "vier", "4"),
    (replies.rating_request("nl", "T-2026-0001"), "de vierde", "4"),
    (_quote(), "ja", "accept"), (_quote(), "nee", "decline"), (_quote(), "de tweede", "decline"),
])
def test_every_other_question(question: Reply, typed: str, expected: str) -> None:
    assert read(question, typed) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("2", 2), ("de tweede", 2), ("Nummer 2", 2), ("nr. 3", 3), ("optie 1", 1), ("#2", 2), ("2e", 2), ("the 2nd one", 2),
    ("the first one", 1), ("de eerste graag", 1), ("zesde", 6),
    ("2 en 3", None), ("tweede probleem", None), ("Outlook 2016", None), ("", None),
])
def test_positions(typed: str, expected: int | None) -> None:
    assert typed_choice.position(typed) == expected


@pytest.mark.parametrize(("typed", "leading", "expected"), [
    ("ja", False, True), ("Ja graag!", False, True), ("yes please", False, True), ("graag", False, True),
    ("nee", False, False), ("no thanks", False, False), ("liever niet", False, False),
    ("nee, één melding", False, None), ("nee, één melding", True, False), ("ja, apart", True, True),
    ("janee", True, None), ("misschien", True, None),
])
def test_yes_and_no(typed: str, leading: bool, expected: bool | None) -> None:
    assert typed_choice.polarity(typed, leading=leading) is expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("T-2026-0001", "T-2026-0001"), ("t-2026-0001", "T-2026-0001"), ("2026-0012", "T-2026-0012"),
    ("escaleer T 2026-0003 graag", "T-2026-0003"), ("0001", None), ("2026", None),
])
def test_ticket_numbers(typed: str, expected: str | None) -> None:
    assert typed_choice.ticket_number(typed) == expected


def test_a_word_inside_a_new_problem_answers_only_when_the_message_is_no_more_than_that() -> None:
    offer = replies.confirm_emergency("nl")
    assert read(offer, "nee, Outlook start gewoon niet meer") == "no"
    assert read(offer, "nee, Outlook start gewoon niet meer", within=False) is None
    assert read(offer, "nee", within=False) == "no"
