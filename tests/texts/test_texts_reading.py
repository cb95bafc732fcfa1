"""The words the customer conversation reads: both catalogues have them, and they are read as intended."""

import pytest

from bot.services.customer.language import reply_language
from bot.services.customer.reading import (
    asks_about_sla, asks_for_full_sla, guesses_cause, is_acknowledgement, only_asks_for_help, only_facts, only_urgency,
    parts, without_greeting,
)  # fmt: skip
from bot.texts import en, nl


def test_both_catalogues_have_the_same_reading_lists() -> None:
    assert set(nl.READING) == set(en.READING)
    for catalogue in (nl.READING, en.READING):
        for key, words in catalogue.items():
            assert words and all(w == w.strip().lower() for w in words), key


@pytest.mark.parametrize(("text", "expected"), [
    ("ok", True), ("Oké!", True), ("bedankt", True), ("Thanks!", True), ("top bedankt", True),
    ("ok, maar Outlook doet het nog steeds niet", False), ("hallo", False),
])
def test_acknowledgements(text: str, expected: bool) -> None:
    assert is_acknowledgement(text) is expected


@pytest.mark.parametrize(("text", "rest"), [
    ("Hello, I cannot log in to Teams", "I cannot log in to Teams"),
    ("goedemorgen, mijn Outlook start niet", "mijn Outlook start niet"),
    ("good morning! my mailbox is full", "my mailbox is full"),
    ("hallo", "hallo"),
    ("hoi daar", "hoi daar"),
])
def test_a_greeting_in_front_of_a_problem_goes(text: str, rest: str) -> None:
    assert without_greeting(text) == rest


@pytest.mark.parametrize(("text", "expected"), [
    ("sla", True), ("Toon de hele SLA-tekst", True), ("show me the full SLA", True), ("de sla is onduidelijk", False),
])
def test_requests_for_the_whole_sla(text: str, expected: bool) -> None:
    assert asks_for_full_sla(text) is expected


# The classifier reads these as out of scope, how-to or an escalation: the reading step recognises them.
@pytest.mark.parametrize(("text", "expected"), [
    ("wat staat er in de SLA?", True), ("What does the SLA say?", True), ("mag ik de SLA zien", True),
    ("hoi, kan ik de sla lezen?", True), ("Where can I find the SLA?", True), ("wat houdt de SLA in?", True),
    ("sla", False),  # the exclusions word for word (asks_for_full_sla)
    ("de sla is onduidelijk", False), ("valt Outlook onder de sla?", False), ("wat staat er in de mail", False),
])
def test_questions_about_the_sla(text: str, expected: bool) -> None:
    assert asks_about_sla(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("help", True), ("Help!", True), ("hulp", True), ("ik heb hulp nodig", True), ("dringend, help!!", True),
    ("hallo, kunt u mij helpen?", True), ("I need help", True), ("please help", True),
    ("help, Outlook start niet", False), ("hoe kan ik helpen met de migratie", False), ("hallo", False),
    ("dringend", False),
])
def test_a_bare_call_for_help(text: str, expected: bool) -> None:
    assert only_asks_for_help(text) is expected


def test_urgent_alone_and_several_clauses() -> None:
    assert only_urgency("dringend!!!") and not only_urgency("Outlook werkt niet, dringend")
    assert parts("Ik kan niet inloggen, mijn licentie is verlopen en Teams start niet") == [
        "Ik kan niet inloggen", "mijn licentie is verlopen", "Teams start niet",
    ]



@pytest.mark.parametrize(("text", "expected"), [
    ("sinds vanochtend", True), ("alleen bij mij", True), ("het is al sinds gisteren", True),
    ("since monday, urgent", True), ("only me", True),
    ("Excel crasht sinds gisteren", False),  # a product
    ("ik kan niet inloggen sinds gisteren", False),  # what is wrong
    ("printer kapot sinds gisteren", False), ("dringend", False), ("hallo", False),
])
def test_who_and_since_when_without_what_is_wrong(text: str, expected: bool) -> None:
    assert only_facts(text) is expected


# message, the classifier's language, the conversation's language, the locale's -> reply language
LANGUAGE = [
    ("Hello, I cannot log in", "en", None, "nl", "en"),
    ("goedemorgen", "nl", None, "en", "nl"),
    ("ok", "nl", "en", "nl", "en"),  # too little: the conversation keeps its language
    ("thanks", "en", "nl", "nl", "nl"),  # a bare acknowledgement switches nothing
    ("Word crasht", "en", None, "nl", "nl"),  # no typical word of either: the locale
    ("mijn mailbox is full", "en", None, "en", "nl"),  # mixed, mostly Dutch
]


@pytest.mark.parametrize(("text", "detected", "conversation", "locale", "expected"), LANGUAGE)
def test_reply_language(text: str, detected: str, conversation: str | None, locale: str, expected: str) -> None:
    assert reply_language(text, detected, conversation, locale) == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("misschien iets met mijn account", True), ("Misschien de licentie?", True),
    ("maybe something with my account", True), ("could be the update", True),
    ("mijn account is geblokkeerd", False), ("Teams start niet", False), ("mogelijkheid tot delen", False),
])
def test_a_clause_that_guesses_at_a_cause_is_not_another_problem(clause: str, expected: bool) -> None:
    assert guesses_cause(clause) is expected
