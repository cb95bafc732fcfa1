"""Reading a customer's words before (and besides) the classifier: acknowledgements, a greeting in
front of a problem, a request for the whole SLA or a question about it, a bare call for help, and
several problems in one message. The classifier was not trained on these (it reads "wat staat er in
de SLA?" as out of scope and "help" as goodbye), so a small phrase table recognises them."""

from __future__ import annotations

import re
from functools import cache

from bot.services.intake_facts import facts_from
from bot.services.intake_slots import without_facts
from bot.texts import en, nl

_WORD = re.compile(r"[\w']+")
_PARTS = re.compile(r"[.!?;\n]+|,\s*(?:en|and|maar|but|ook|also|plus)?\s*|\s+(?:en ook|and also|en|and|ook|also|plus|daarnaast|bovendien|verder)\s+")
_MIN_PART_WORDS = 2
_ERROR = re.compile(r"\b0x[0-9a-f]{6,8}\b|\berror(?:\s+code)?\s*:|\bfoutcode\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@cache
def phrases(key: str) -> frozenset[str]:
    """One READING list of both catalogues: customers mix languages."""
    return frozenset(nl.READING[key]) | frozenset(en.READING[key])


def _plain(text: str) -> str:
    return " ".join(words(text))


def is_acknowledgement(text: str) -> bool:
    """"ok", "bedankt", "thanks!": says nothing new, so it answers no question and starts nothing."""
    return _plain(text) in phrases("acknowledgement")


def asks_for_full_sla(text: str) -> bool:
    """"sla", "toon de hele SLA-tekst", "full SLA text": only words of such requests, "sla" among them; or
    one of them as a whole ("uitsluitingen woord voor woord", the overview's button)."""
    found = set(words(text))
    return ("sla" in found and found <= _phrase_words("full_sla")) or _plain(text) in phrases("full_sla")


def asks_about_sla(text: str) -> bool:
    """"wat staat er in de SLA?", "what does the SLA say?", "mag ik de SLA zien": the SLA's clauses, summed up
    (not "sla" or "toon de hele SLA": the exclusions word for word)."""
    found = set(words(text))
    asked = "sla" in found and found <= _phrase_words("sla_question") | _phrase_words("greeting")
    return asked and not asks_for_full_sla(text)


def only_asks_for_help(text: str) -> bool:
    """"help", "ik heb hulp nodig!", "dringend, help": a call for help that says nothing about what is wrong."""
    found = set(words(text))
    plain = f" {_plain(text)} "
    said_help = any(f" {phrase} " in plain for phrase in phrases("help"))
    return said_help and found <= _phrase_words("help") | _urgency_words() | _phrase_words("greeting")


@cache
def _phrase_words(key: str) -> frozenset[str]:
    """Every word of one READING list: a message of only these words says nothing else."""
    return frozenset(word for phrase in phrases(key) for word in words(phrase))


def without_greeting(text: str) -> str:
    """"Hello, I cannot log in since this morning" is about the login: the greeting in front goes."""
    stripped = text.strip()
    found = words(stripped)
    for length in (2, 1):
        if len(found) > length + 1 and " ".join(found[:length]) in phrases("greeting"):
            rest = _after_words(stripped, length)
            return rest if len(words(rest)) >= _MIN_PART_WORDS else stripped
    return stripped


def _after_words(text: str, count: int) -> str:
    matches = list(_WORD.finditer(text))
    return text[matches[count - 1].end():].lstrip(" ,.!:;-\n")


def parts(text: str) -> list[str]:
    """The clauses of a message, for finding several problems in it: at least two words each."""
    pieces = (piece.strip() for piece in _PARTS.split(text) if piece)
    return [piece for piece in pieces if len(words(piece)) >= _MIN_PART_WORDS]


def marker_counts(text: str) -> dict[str, int]:
    """How many typical Dutch and English words a message has: zero of both says too little to tell."""
    found = words(text)
    return {"nl": sum(w in _markers("nl") for w in found), "en": sum(w in _markers("en") for w in found)}


@cache
def _markers(language: str) -> frozenset[str]:
    return frozenset((nl.READING if language == "nl" else en.READING)["markers"])


def is_urgent(text: str) -> bool:
    """"dringend", "asap", "zo snel mogelijk": the customer says it cannot wait long."""
    plain = f" {_plain(text)} "
    return any(f" {phrase} " in plain for phrase in _urgency())


def only_urgency(text: str) -> bool:
    """"dringend!!!": urgent, but nothing said yet about what is wrong."""
    found = words(text)
    return bool(found) and is_urgent(text) and set(found) <= _urgency_words()


def only_emergency(text: str) -> bool:
    """"noodgeval", "EMERGENCY!!!": an emergency said, but nothing yet about what is wrong."""
    found = set(words(text))
    said = any(f" {phrase} " in f" {_plain(text)} " for phrase in _emergency())
    return said and found <= _emergency_words() | _urgency_words() | _phrase_words("greeting")


def quotes_error(text: str) -> bool:
    """"Error: Something went wrong. Error code: 0x80040115": an error message pasted as the program
    shows it, in the program's language, not the customer's."""
    return _ERROR.search(text) is not None


def follows_on(clause: str) -> bool:
    """"en dan moet ik alles opnieuw opstarten", "so I lose my work": what follows from the problem
    just told, not another problem."""
    plain = f"{_plain(clause)} "
    return any(plain.startswith(f"{_plain(phrase)} ") for phrase in phrases("consequence"))


def asks_for_person(text: str) -> bool:
    """"can I talk to a human?", "ik wil iemand spreken": a person rather than the bot."""
    plain = f" {_plain(text)} "
    return any(f" {_plain(phrase)} " in plain for phrase in phrases("person"))


def names_outside_office(clause: str) -> bool:
    """"mijn printer werkt niet", "the wifi is down": names something that is not Office 365."""
    return not set(words(clause)).isdisjoint(phrases("outside_office"))


def only_facts(text: str) -> bool:
    """"sinds vanochtend", "alleen bij mij", "since monday, urgent": who is affected, since when or how
    urgent, but no product and nothing about what is wrong; whatever the model reads into the words."""
    found = facts_from(text, "")
    if found.product is not None or (found.affected is None and found.since is None):
        return False
    return set(words(without_facts(text))) <= phrases("filler") | _urgency_words()


def guesses_cause(clause: str) -> bool:
    """"misschien iets met mijn account", "maybe the licence": a guess at why, not another problem."""
    plain = f"{_plain(clause)} "
    return any(plain.startswith(f"{_plain(phrase)} ") for phrase in phrases("cause_guess"))


@cache
def _emergency() -> frozenset[str]:
    """The words of the emergency button, as customers type them ("noodgeval", "emergency")."""
    return frozenset(_plain(phrase) for phrase in (*nl.SYNONYMS["emergency"], *en.SYNONYMS["emergency"]))


@cache
def _emergency_words() -> frozenset[str]:
    return frozenset(word for phrase in _emergency() for word in phrase.split())


@cache
def _urgency() -> frozenset[str]:
    return frozenset(_plain(phrase) for phrase in phrases("urgency"))


@cache
def _urgency_words() -> frozenset[str]:
    return frozenset(word for phrase in _urgency() for word in phrase.split())


def calls_off(text: str) -> bool:
    """"laat maar", "annuleren", "never mind": the customer no longer wants what the bot is asking about."""
    return _plain(text) in phrases("call_off")


def only_yes(text: str) -> bool:
    """"ja", "yes please": agrees, and says nothing about what is wrong."""
    return _plain(text) in phrases("yes")


def bare_number(text: str) -> bool:
    """"5", "2!": only digits, a choice typed when nothing is asked (a ticket number is no bare number)."""
    found = words(text)
    return len(found) == 1 and found[0].isdigit()
