"""Staff chat commands, parsed without I/O: typed text or a card button in, a `StaffCommand` out.

Pure: no Bot Framework, web or database imports, and the time comes in as `now`. Who may run
which command is decided elsewhere (`bot.policy.staff_rights`); this module only reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.policy.staff_rights import StaffAction
from bot.services.replies.choices import (
    ACK_PREFIX, ASSIGN_PREFIX, OFFER_PREFIX, TAKE_OVER_PREFIX, TAKE_SHIFT_PREFIX, read_period,
)  # fmt: skip
from bot.services.staff_moments import is_after, parse_moment

A = StaffAction
# Command words per action, Dutch and English; the longest phrase at the start of a message wins.
_WORDS: dict[StaffAction, tuple[str, ...]] = {
    A.QUEUE: ("queue", "wachtrij", "lijst"),
    A.SHOW: ("show", "toon", "ticket", "melding"),
    A.ACKNOWLEDGE: ("ack", "acknowledge", "bevestig"),
    A.TAKE_OVER: ("take over", "takeover", "take", "overnemen", "neem over"),
    A.HAND_BACK: ("hand back", "handback", "teruggeven", "geef terug"),
    A.RESOLVE: ("resolve", "resolved", "opgelost", "sluit"),
    A.ESCALATE: ("escalate", "escaleer", "escaleren"),
    A.NOTE: ("note", "notitie"),
    A.ON_CALL: ("on call", "oncall", "who is on call", "dienst", "wie heeft dienst", "rooster", "schedule"),
    A.OVERRIDE: ("override", "vervang", "invallen"),
    A.CALENDAR: ("agenda", "calendar", "kalender"),
    A.TEAM_CALENDAR: ("agenda team", "calendar team", "kalender team", "team agenda", "team calendar"),
    A.OFFER_SHIFT: ("ruil", "ruilen", "dienst aanbieden", "dienst ruilen", "swap", "swap shift", "offer shift"),
    A.TAKE_SHIFT: ("dienst overnemen", "take shift"),
    A.ASSIGN_SHIFT: ("toewijzen", "dienst toewijzen", "assign", "assign shift"),
    A.HELP: ("help", "hulp", "?", "commands", "commando's"),
    A.EXPORT: ("export", "exporteer"),
    A.ERASE: ("erase", "wis"),
    A.RELOAD_CONFIG: ("herlaad config", "herlaad configuratie", "reload config", "reload configuration"),
}
_PHRASES: dict[tuple[str, ...], StaffAction] = {
    tuple(phrase.split()): action for action, phrases in _WORDS.items() for phrase in phrases
}
_LONGEST = max(len(phrase) for phrase in _PHRASES)
_CARD_ACTIONS = {ACK_PREFIX: A.ACKNOWLEDGE, TAKE_OVER_PREFIX: A.TAKE_OVER}  # the buttons' values
_FEED_WORDS = {"nieuw": "new", "new": "new", "intrekken": "revoke", "revoke": "revoke", "stop": "revoke"}
_NUMBER = re.compile(r"T-\d{4}-\d{4,}", re.IGNORECASE)
_NUMBER_ARGUMENT = re.compile(r"(T-\d{4}-\d{4,})[:,;.]?(?:\s+|$)", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_TRAILING = ".,;:!?"
_NEEDS_NUMBER = frozenset({A.SHOW, A.ACKNOWLEDGE, A.TAKE_OVER})
_HELD_TICKET_ALLOWED = frozenset({A.RESOLVE, A.ESCALATE, A.NOTE, A.HAND_BACK})
_NEEDS_TEXT = frozenset({A.NOTE, A.ESCALATE})
_KEEPS_TEXT = frozenset({A.RESOLVE, A.ESCALATE, A.NOTE})
_UNTIL = frozenset({"until", "tot"})
_CONFIRM = frozenset({"confirm", "bevestig"})
_PERSONAL_DATA = frozenset({A.EXPORT, A.ERASE})


@dataclass(frozen=True, slots=True)
class StaffCommand:
    """One parsed staff command; the service resolves `who` and a missing number (the held chat)."""

    action: StaffAction
    number: str | None = None  # "T-2026-0001", upper case
    text: str = ""  # note, resolution note or escalation reason, stripped
    who: str | None = None  # override, export, erase: as typed ("me", "ik", "Carla Visser", an object id); assign: an object id
    until: datetime | None = None  # override: aware, in the business time zone
    period: tuple[datetime, datetime] | None = None  # offer / assign: the shift, from its button
    offer: int | None = None  # take shift: the offer's number


class CommandError(ValueError):
    """A recognised command with bad or missing arguments; `key` names a text catalogue entry."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values: dict[str, object] = dict(values)


def parse_command(
    text: str, value: Mapping[str, Any] | None, *, now: datetime, time_zone: ZoneInfo, holding: bool,
) -> StaffCommand | None:
    """A card button first, then typed text; None means "not a command", so it is relayed or chatted."""
    return _from_card(value) or _from_text(text, now=now, time_zone=time_zone, holding=holding)


def _from_card(value: Mapping[str, Any] | None) -> StaffCommand | None:
    """An Acknowledge / Take over button; any other value falls through to the typed text."""
    choice = value.get("choice") if isinstance(value, Mapping) else None
    if not isinstance(choice, str):
        return None
    prefix, separator, number = choice.partition(":")
    if prefix + separator in (OFFER_PREFIX, TAKE_SHIFT_PREFIX, ASSIGN_PREFIX):
        return _shift_button(prefix + separator, number)
    action = _CARD_ACTIONS.get(prefix + separator)
    if action is None or not _NUMBER.fullmatch(number.strip()):
        return None
    return StaffCommand(action, number.strip().upper())


def _shift_button(prefix: str, rest: str) -> StaffCommand | None:
    """offer:<shift>, take_shift:<offer>, assign:<shift> and assign:<shift>:<object id>."""
    if prefix == TAKE_SHIFT_PREFIX:
        return StaffCommand(A.TAKE_SHIFT, offer=int(rest)) if rest.isdigit() else None
    shift, _, who = rest.partition(":")
    period = read_period(shift)
    if period is None:
        return None
    if prefix == OFFER_PREFIX:
        return StaffCommand(A.OFFER_SHIFT, period=period)
    return StaffCommand(A.ASSIGN_SHIFT, who=who.strip() or None, period=period)


def _from_text(text: str, *, now: datetime, time_zone: ZoneInfo, holding: bool) -> StaffCommand | None:
    """Match the command words, then read the arguments that follow them."""
    body = _command_body(text or "", holding)
    if body is None:
        return None
    tokens = list(_TOKEN.finditer(body))
    if (matched := _match(tokens)) is None:
        return None
    action, size = matched
    rest = body[tokens[size - 1].end():].strip()
    if action is A.OVERRIDE:
        return _override(rest, now, time_zone)
    if action in (A.CALENDAR, A.TEAM_CALENDAR):
        return _feed(action, rest)
    if action is A.TAKE_SHIFT:
        number = rest.lstrip("#")
        if not number.isdigit():
            raise CommandError("take_shift_usage")
        return StaffCommand(A.TAKE_SHIFT, offer=int(number))
    if action in _PERSONAL_DATA:
        return _about_a_person(action, rest)
    return _with_arguments(action, rest, holding)


def _feed(action: StaffAction, rest: str) -> StaffCommand:
    """"agenda", "agenda nieuw", "agenda intrekken" (and "agenda team ..." alike)."""
    word = _word(rest) if rest else ""
    if word and word not in _FEED_WORDS:
        raise CommandError("calendar_usage")
    return StaffCommand(action, text=_FEED_WORDS.get(word, ""))


def _command_body(text: str, holding: bool) -> str | None:
    """Text after an optional "/"; while holding a chat, text without "/" is for the customer."""
    stripped = text.strip()
    if stripped.startswith("/"):
        return stripped[1:]
    return None if holding else stripped


def _word(token: str) -> str:
    """A token as a command word, ignoring case, trailing punctuation ("on call?") and curly apostrophes."""
    lowered = token.lower().replace("\u2019", "'")
    return lowered.rstrip(_TRAILING) or lowered


def _match(tokens: list[re.Match[str]]) -> tuple[StaffAction, int] | None:
    """The longest command phrase of whole words at the start, and how many words it took."""
    words = tuple(_word(token[0]) for token in tokens[:_LONGEST])
    for size in range(len(words), 0, -1):
        if (action := _PHRASES.get(words[:size])) is not None:
            return action, size
    return None


def _with_arguments(action: StaffAction, rest: str, holding: bool) -> StaffCommand:
    """Check the ticket number and the text each command needs; validate before anything is done."""
    if action not in _NEEDS_NUMBER | _HELD_TICKET_ALLOWED:
        return StaffCommand(action)
    number, text = _split_number(rest)
    if number is None and not (holding and action in _HELD_TICKET_ALLOWED):
        raise CommandError("command_needs_number", command=action.value)
    if action in _NEEDS_TEXT and not text:
        raise CommandError("command_needs_text", command=action.value)
    return StaffCommand(action, number, text if action in _KEEPS_TEXT else "")


def _split_number(rest: str) -> tuple[str | None, str]:
    """A ticket number right after the command word (upper-cased), and the text after it."""
    match = _NUMBER_ARGUMENT.match(rest)
    if match is None:
        return None, rest.strip()
    return match[1].upper(), rest[match.end():].strip()


def _about_a_person(action: StaffAction, rest: str) -> StaffCommand:
    """"wis Petra de Vries", or the confirmation "wis <object id> bevestig": `text` is "confirm" then."""
    words = rest.split()
    confirmed = bool(words) and words[-1].lower().rstrip(_TRAILING) in _CONFIRM
    who = " ".join(words[:-1] if confirmed else words)
    return StaffCommand(action, who=who, text="confirm" if confirmed and action is A.ERASE else "")


def _override(rest: str, now: datetime, time_zone: ZoneInfo) -> StaffCommand:
    """Read "Carla until morgen 09:00": who as typed (the service resolves "me" and names), until aware."""
    tokens = rest.split()
    cut = next((index for index, token in enumerate(tokens) if token.lower() in _UNTIL), None)
    if not cut or cut == len(tokens) - 1:  # no "until", nobody before it, or nothing after it
        raise CommandError("override_usage")
    typed = " ".join(tokens[cut + 1:])
    until = parse_moment(typed, now=now, time_zone=time_zone)
    if until is None:
        raise CommandError("override_bad_moment", moment=typed)
    if not is_after(until, now):
        raise CommandError("override_in_past", moment=typed)
    return StaffCommand(A.OVERRIDE, who=" ".join(tokens[:cut]), until=until)
