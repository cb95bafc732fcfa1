"""Choice values (stable machine words), their localised labels and what people type instead."""

from __future__ import annotations

from datetime import datetime, timezone
from types import MappingProxyType

from bot.services.messages import Choice
from bot.texts import en, nl, text

REMIND, NO, EMERGENCY = "remind", "no", "emergency"
YES = "yes"
ACCEPT, DECLINE = "accept", "decline"
OTHER = "other"
FULL_SLA = "full_sla"  # any time: the whole text of what the SLA excludes
SEPARATE, ONE_TICKET, NONE_OF_THESE = "separate", "one_ticket", "none"
TICKET_PREFIX = "ticket:"  # a customer's choice of one ticket, e.g. "ticket:T-2026-0001"
ONE, SEVERAL, EVERYONE = "one", "several", "everyone"
JUST_NOW, TODAY, LONGER = "just_now", "today", "longer"
RATINGS: tuple[str, ...] = ("1", "2", "3", "4", "5")
TAKE_OVER_PREFIX, ACK_PREFIX = "take_over:", "ack:"
OFFER_PREFIX, TAKE_SHIFT_PREFIX, ASSIGN_PREFIX = "offer:", "take_shift:", "assign:"  # on-call buttons
# A typed yes or no answers the one button of that meaning, where a question has one ("ja" to "several
# tickets?" is "separate"); "ja" to the out-of-hours offer is its reminder.
POLARITY: MappingProxyType[str, bool] = MappingProxyType({
    YES: True, ACCEPT: True, SEPARATE: True, REMIND: True, NO: False, DECLINE: False, ONE_TICKET: False,
})  # fmt: skip
_PERIOD_FORMAT = "%Y%m%dT%H%MZ"  # UTC, no colons: a button value splits on ":"

PRODUCT_NAMES: dict[str, str] = {
    "outlook": "Outlook",
    "exchange": "Exchange Online",
    "teams": "Microsoft Teams",
    "sharepoint": "SharePoint",
    "onedrive": "OneDrive",
    "word": "Word",
    "excel": "Excel",
    "powerpoint": "PowerPoint",
}
# Teams shows at most six card buttons; with "other" that leaves five products (others can be typed).
_DEFAULT_PRODUCTS = ("outlook", "teams", "onedrive", "sharepoint", "word")
PRODUCTS_BY_INTENT: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "email_problem": ("outlook", "exchange"),
    "teams_problem": ("teams",),
    "files_problem": ("onedrive", "sharepoint", "teams"),
    "office_app_problem": ("word", "excel", "powerpoint", "outlook"),
})  # fmt: skip

_SYNONYMS = {"nl": nl.SYNONYMS, "en": en.SYNONYMS}


def products_for(intent: str) -> tuple[str, ...]:
    """The product values offered for a category, "other" last."""
    return (*PRODUCTS_BY_INTENT.get(intent, _DEFAULT_PRODUCTS), OTHER)


def product_name(lang: str, product: str) -> str:
    """The display name of a product value; "other" (or unknown) in words."""
    return PRODUCT_NAMES.get(product) or text(lang, "product_other")


def choice_synonyms(lang: str) -> dict[str, tuple[str, ...]]:
    """Typed words per choice value: `lang`'s first, then the other language's (customers mix)."""
    first = _SYNONYMS.get(lang, nl.SYNONYMS)
    merged: dict[str, tuple[str, ...]] = {}
    for catalogue in (first, *(s for s in _SYNONYMS.values() if s is not first)):
        for value, words in catalogue.items():
            merged[value] = tuple(dict.fromkeys((*merged.get(value, ()), *words)))
    return merged


def choice(lang: str, key: str, value: str, /, **values: object) -> Choice:
    """One choice whose label is the catalogue text `key`."""
    return Choice(text(lang, key, **values), value)


def product_choice(lang: str, product: str) -> Choice:
    """A product button: its name, or "Something else" for other."""
    if product == OTHER:
        return choice(lang, "choice_other", OTHER)
    return Choice(PRODUCT_NAMES[product], product)


def rating_choices(lang: str) -> tuple[Choice, ...]:
    """1 – poor … 5 – excellent."""
    return tuple(choice(lang, f"rating_{value}", value) for value in RATINGS)


def take_over(lang: str, number: str) -> Choice:
    """The staff button that takes over a ticket's chat."""
    return choice(lang, "choice_take_over", f"{TAKE_OVER_PREFIX}{number}", number=number)


def acknowledge(lang: str, number: str) -> Choice:
    """The on-call button that acknowledges a page."""
    return choice(lang, "choice_acknowledge", f"{ACK_PREFIX}{number}", number=number)


def period_value(starts: datetime, ends: datetime) -> str:
    """A shift in a button value: "20261205T1600Z-20261207T0800Z" (UTC)."""
    return "-".join(moment.astimezone(timezone.utc).strftime(_PERIOD_FORMAT) for moment in (starts, ends))


def read_period(value: str) -> tuple[datetime, datetime] | None:
    """The shift a button value names; None for anything malformed or backwards."""
    first, _, second = value.strip().partition("-")
    try:
        starts, ends = (datetime.strptime(part, _PERIOD_FORMAT).replace(tzinfo=timezone.utc) for part in (first, second))
    except ValueError:
        return None
    return (starts, ends) if starts < ends else None
