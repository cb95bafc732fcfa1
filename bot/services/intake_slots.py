"""Intake slots from free text, Dutch and English: which product, who is affected, since when.

Why here and not in the NLU model: these are facts the customer states in a
few fixed ways ("alle 40 medewerkers", "only me", "sinds gisteren"), and the
intake must quote them back exactly; patterns do that reliably and cheaply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ONE, SEVERAL, EVERYONE = "one", "several", "everyone"

_PRODUCTS: tuple[tuple[str, str], ...] = (
    ("teams", r"\bteams\b|\bms ?teams\b"),
    ("onedrive", r"\bone ?drive\b|\bod\b"),
    ("sharepoint", r"\bshare ?point\b|\bsp\b|\bteamsite\b|\bteam site\b"),
    ("outlook", r"\bout ?look\b|\bowa\b|\bwebmail\b"),
    ("exchange", r"\bexchange\b"),
    ("excel", r"\bexcel\b"),
    ("powerpoint", r"\bpower ?point\b|\bppt\b"),
    ("word", r"\bword\b(?! ?(?:press|document van de klant))"),
)
_MAIL_WORDS = r"\b(mail|mails|e-?mail|e-?mails|mailbox|postvak|inbox|agenda|calendar)\b"
_IMPLIED_PRODUCT = {"email_problem": "outlook", "teams_problem": "teams"}

_NUMBER_WORDS = {
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4,
    "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8,
    "negen": 9, "nine": 9, "tien": 10, "ten": 10, "twintig": 20, "twenty": 20, "dertig": 30,
    "thirty": 30, "veertig": 40, "forty": 40, "vijftig": 50, "fifty": 50, "honderd": 100,
}
_NUM = r"(\d{1,5}|" + "|".join(_NUMBER_WORDS) + r")"
_PEOPLE = (r"(?:man|mensen|medewerkers|collega'?s|gebruikers|werknemers|personen|accounts|"
           r"people|users|staff|employees|colleagues|persons|of us|van ons)")
_ONE = (r"\b(alleen (bij )?(mij|ik|mijn)|alleen mijn|bij mij alleen|(alleen )?ik alleen|only (me|mine|my|for me)|"
        r"just (me|mine|my)|nobody else|no one else|niemand anders|de rest (wel|niet|heeft)|"
        r"(the )?others? (are |is )?fine|(everyone|everybody) else (is )?fine|bij de anderen (wel|niet))\b")
_EVERYONE = (r"\b(alle \d+ \w+|all \d+|iedereen|niemand|geen enkele|geen van (ons|de)|hele (kantoor|bedrijf|organisatie|zaak|praktijk|school|afdeling|team)|"
             r"alle (collega'?s|medewerkers|gebruikers|mensen)|al onze (collega'?s|medewerkers)|met z'?n allen|"
             r"everyone|everybody|nobody|no one|none of us|all of us|whole (office|company|team|department|school)|"
             r"entire (office|company|team|department|organi[sz]ation)|all (our |the )?(users|staff|colleagues|employees|people))\b")
_SEVERAL = (r"\b(mijn collega en ik|ik en (een|mijn) collega|my colleague and i|me and (a|my) colleague|een paar|enkele|meerdere|sommige collega'?s|(mijn )?collega'?s|a few|several|some of us|"
            r"some (colleagues|users|people)|colleagues)\b")

_SINCE = (
    r"\b(sinds|vanaf|since|from|starting) (?:(?:de|het|this|last|afgelopen|vorige)\s)?"
    r"(vanochtend|vanmorgen|vanmiddag|gisteren(avond|middag|ochtend)?|eergisteren|vandaag|vannacht|"
    r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(avond|ochtend|middag)?|morning|afternoon|evening|night|yesterday|today|week|weekend|"
    r"update|lunch|pauze|\d{1,2}([:.]\d{2})?\s?(uur|u|am|pm|h)?|\d{1,2} [a-z]+|[a-z]+ \d{1,2})",
    r"\b(vanochtend|vanmorgen|vanmiddag|gisteren(avond|middag|ochtend)?|vannacht|this morning|this afternoon|"
    r"last night|yesterday|earlier today)\b",
    r"\b(al (een|twee|drie|\d+) (dag(en)?|uur|uren|week|weken|minuten))\b",
    r"\b(for (an?|one|two|three|\d+) (days?|hours?|weeks?|minutes?))( now)?\b",
    r"\b(\d+|een|twee|drie|an?|one|two|three) (dag(en)?|uur|weken|days?|hours?|weeks?) (geleden|ago)\b",
)


@dataclass(frozen=True, slots=True)
class Slots:
    """What the customer already said; None where the message does not say it."""

    product: str | None
    affected: str | None  # "one" | "several" | "everyone"
    people: int | None  # a number the customer gave ("alle 40 medewerkers" -> 40)
    since: str | None  # the customer's own words ("sinds gisteren", "since 9am")


def read_slots(text: str, intent: str = "") -> Slots:
    """The intake's three questions answered from free text, where they are."""
    lowered = " ".join(text.lower().split())
    people = _people(lowered)
    return Slots(_product(lowered, intent), _affected(lowered, people), people, _since(lowered))


def without_facts(text: str) -> str:
    """What `text` says besides who is affected (and how many) and since when, lower case."""
    lowered = " ".join(text.lower().split())
    for pattern in (*_SINCE, _ONE, _EVERYONE, rf"\b{_NUM} {_PEOPLE}", _SEVERAL):
        lowered = re.sub(pattern, " ", lowered)
    return " ".join(lowered.split())


def since_clause(text: str) -> str | None:
    """Since when, in the customer's words up to the end of the clause ("sinds de update van vorige week"):
    for an answer to the question since when, where the whole clause is the answer."""
    lowered = " ".join(text.lower().split())
    phrase = _since(lowered)
    if phrase is None:
        return None
    start = lowered.find(phrase)
    end = re.compile(r"[,;!?\n]|\.(?!\d)").search(lowered, start + len(phrase))
    return lowered[start:end.start() if end else len(lowered)].strip()


def products_named(text: str) -> tuple[str, ...]:
    """Every product the text names, in the order of `_PRODUCTS` (implied ones not included)."""
    lowered = " ".join(text.lower().split())
    return tuple(name for name, pattern in _PRODUCTS if re.search(pattern, lowered))


def _product(lowered: str, intent: str) -> str | None:
    for name, pattern in _PRODUCTS:
        if re.search(pattern, lowered):
            return name
    if intent == "email_problem" or (intent == "" and re.search(_MAIL_WORDS, lowered)):
        return "outlook"
    return _IMPLIED_PRODUCT.get(intent)


def _people(lowered: str) -> int | None:
    match = re.search(rf"\b{_NUM} {_PEOPLE}", lowered) or re.search(
        rf"\b(?:alle|all) (?:onze |our |de |the |of )?{_NUM}\b(?! (?:dagen|uur|weken|minuten|days|hours|weeks|minutes))",
        lowered)
    if not match:
        return None
    word = match.group(1)
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _affected(lowered: str, people: int | None) -> str | None:
    if re.search(_ONE, lowered):
        return ONE
    if re.search(_EVERYONE, lowered):
        return EVERYONE
    if people is not None:
        return ONE if people == 1 else SEVERAL if people < 10 else EVERYONE
    if re.search(_SEVERAL, lowered):
        return SEVERAL
    return None


def _since(lowered: str) -> str | None:
    for pattern in _SINCE:
        match = re.search(pattern, lowered)
        if match:
            return match.group(0).strip()[:100]
    return None
