"""Moments, categories, statuses, steps and priorities in the reader's words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bot.config.operator import OperatorConfig
from bot.policy.model import require_aware
from bot.texts import text

_MON_TO_FRI = ("mon", "tue", "wed", "thu", "fri")
_BABEL_LOCALES = {"nl": "nl", "en": "en"}


@dataclass(frozen=True)
class TicketView:
    """What a person is shown about one ticket, built from storage."""

    number: str
    subject: str
    intent: str
    status: str
    escalation_step: int
    priority: str
    holder_name: str | None  # who has it: the staff member in the chat, else whoever acknowledged it
    acknowledged: bool = False


def format_moment(lang: str, moment: datetime, time_zone: str, now: datetime | None = None) -> str:
    """"maandag 28 december om 09:00" in `time_zone`; the year only when it is not `now`'s year."""
    zone = ZoneInfo(time_zone)
    local = require_aware(moment, "moment").astimezone(zone)
    pattern = "EEEE d MMMM"
    if now is not None and require_aware(now).astimezone(zone).year != local.year:
        pattern += " y"
    locale = _BABEL_LOCALES.get(lang, "nl")
    day = format_date(local.date(), pattern, locale=locale)
    return text(lang, "moment", date=day, time=local.strftime("%H:%M"))


def day_words(lang: str, moment: datetime, now: datetime, time_zone: str) -> str:
    """When something was said, seen from `now`: "eerder vandaag", "gisteren", "op vrijdag 27 november"."""
    zone = ZoneInfo(time_zone)
    day = require_aware(moment, "moment").astimezone(zone).date()
    days_ago = (require_aware(now).astimezone(zone).date() - day).days
    if days_ago <= 0:
        return text(lang, "day_today")
    if days_ago == 1:
        return text(lang, "day_yesterday")
    return text(lang, "day_on", date=format_date(day, "EEEE d MMMM", locale=_BABEL_LOCALES.get(lang, "nl")))


def service_hours(lang: str, config: OperatorConfig) -> str:
    """The configured service hours in words, as in the welcome."""
    hours = config.business_hours
    days = text(lang, "weekdays_mon_fri") if hours.weekdays == _MON_TO_FRI else ", ".join(hours.weekdays)
    return text(
        lang, "service_hours", days=days,
        opens=hours.opens.strftime("%H:%M"), closes=hours.closes.strftime("%H:%M"),
    )  # fmt: skip


def _word(lang: str, key: str, fallback: str) -> str:
    """A catalogue word, or the raw value when a caller passes something we have no word for."""
    try:
        return text(lang, key)
    except KeyError:
        return fallback


def intent_label(lang: str, intent: str) -> str:
    """A short description of a category, e.g. "Probleem met Teams"."""
    return _word(lang, f"intent_{intent}", intent)


def status_words(lang: str, status: str) -> str:
    """A ticket status (open, acknowledged, taken_over, resolved) in words."""
    return _word(lang, f"status_{status}", status)


def step_words(lang: str, step: int) -> str:
    """An escalation step (1..3) in words, with who handles it."""
    return _word(lang, f"step_{step}", str(step))


def priority_words(lang: str, priority: str) -> str:
    """A priority (P1..P3) in words, the code kept in brackets."""
    return _word(lang, f"priority_{priority}", priority)


def holder_words(lang: str, holder_name: str | None) -> str:
    """Who has the ticket, or that nobody has it yet."""
    return holder_name or text(lang, "holder_none")
