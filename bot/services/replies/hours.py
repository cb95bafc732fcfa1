"""Outside service hours: why we are closed, only emergencies, the confirming question, reminders."""

from __future__ import annotations

from datetime import datetime

from bot.config.operator import Msp, OperatorConfig
from bot.policy.calendar import BusinessCalendar, Closed, ClosedReason
from bot.services.limits import MARKER
from bot.services.messages import Reply
from bot.services.replies.choices import EMERGENCY, NO, REMIND, YES, choice
from bot.services.replies.words import day_words, format_moment
from bot.texts import text

_HOLIDAY_LANGUAGES = {"nl": "nl", "en": "en_US"}
QUOTE_LENGTH = 200  # a problem told while closed is quoted back this short: it reminds, the ticket keeps it whole


def closed_words(lang: str, closed: Closed | None, calendar: BusinessCalendar) -> str:
    """"Het is Tweede Kerstdag", "It is the weekend", "Het is na 17:00 uur"."""
    if closed is None:
        return text(lang, "closed_now")
    hours = calendar.hours
    match closed.reason:
        case ClosedReason.HOLIDAY:
            name = calendar.holiday_name(closed.day, _HOLIDAY_LANGUAGES.get(lang, "nl")) or ""
            return text(lang, "closed_holiday", name=name)
        case ClosedReason.BEFORE_OPENING:
            return text(lang, "closed_before_opening", opens=hours.opens.strftime("%H:%M"))
        case ClosedReason.AFTER_CLOSING:
            return text(lang, "closed_after_closing", closes=hours.closes.strftime("%H:%M"))
    return text(lang, f"closed_{closed.reason.value}")


def emergency_way(lang: str, msp: Msp, *, later: bool = False) -> str:
    """How to report a real emergency now: the button, the word, and the phone number when there is one."""
    key = "emergency_later" if later else "emergency_way"
    if msp.emergency_phone:
        return text(lang, f"{key}_phone", phone=msp.emergency_phone)
    return text(lang, key)


def out_of_hours(lang: str, next_opening: datetime, config: OperatorConfig, why: str, now: datetime | None = None) -> Reply:
    """Closed and not an emergency: why, when we open, how to report an emergency, a reminder offer."""
    moment = format_moment(lang, next_opening, config.business_hours.time_zone, now)
    body = text(
        lang, "out_of_hours", why=why, moment=moment, emergency=emergency_way(lang, config.msp),
    )  # fmt: skip
    return Reply(body, (
        choice(lang, "choice_remind", REMIND, moment=moment),
        choice(lang, "choice_no_thanks", NO),
        choice(lang, "choice_emergency", EMERGENCY),
    ))  # fmt: skip


def confirm_emergency(lang: str) -> Reply:
    """The confirming question before an insisted emergency is paged."""
    return Reply(text(lang, "confirm_emergency"), (
        choice(lang, "choice_yes_emergency", YES),
        choice(lang, "choice_no_can_wait", NO),
    ))  # fmt: skip


def not_an_emergency(lang: str, next_opening: datetime, config: OperatorConfig, now: datetime | None = None) -> Reply:
    """Not an emergency after all: report it at the opening, or call if it gets worse."""
    moment = format_moment(lang, next_opening, config.business_hours.time_zone, now)
    return Reply(text(lang, "not_an_emergency", moment=moment, emergency=emergency_way(lang, config.msp, later=True)))


def reminder_scheduled(lang: str, moment: datetime, time_zone: str, now: datetime | None = None) -> Reply:
    """The reminder is booked for `moment`."""
    return Reply(text(lang, "reminder_scheduled", moment=format_moment(lang, moment, time_zone, now)))


def reminder_declined(lang: str, msp: Msp) -> Reply:
    """No reminder; report it when open, or how to report an emergency."""
    return Reply(text(lang, "reminder_declined", emergency=emergency_way(lang, msp, later=True)))


def reminder_message(lang: str) -> Reply:
    """Sent at opening time, when no problem was told: we are open, describe the problem."""
    return Reply(f"{text(lang, 'reminder_open')}\n\n{text(lang, 'reminder_message')}")


def told_ticket_offer(lang: str, told: str, told_at: datetime, now: datetime, time_zone: str) -> Reply:
    """The problem told while closed, in the customer's words: make the ticket from it now?"""
    when = day_words(lang, told_at, now, time_zone)
    return Reply(text(lang, "told_ticket_offer", when=when, told=quoted(told)), (
        choice(lang, "choice_make_ticket", YES),
        choice(lang, "choice_no_thanks", NO),
    ))  # fmt: skip


def quoted(told: str) -> str:
    """The customer's words on one line (a line break leaves Teams' *italics* open), cut at a word
    with a marker after about `QUOTE_LENGTH` characters."""
    line = " ".join(told.split())
    if len(line) <= QUOTE_LENGTH:
        return line
    head = line[: QUOTE_LENGTH + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else line[:QUOTE_LENGTH]
    return cut.rstrip(" ,.;:!?") + MARKER


def told_reminder(lang: str, told: str, told_at: datetime, now: datetime, time_zone: str) -> Reply:
    """Sent at opening time for a problem told while closed: we are open, shall I make the ticket?"""
    offer = told_ticket_offer(lang, told, told_at, now, time_zone)
    return Reply(f"{text(lang, 'reminder_open')}\n\n{offer.text}", offer.choices)


def told_ticket_declined(lang: str) -> Reply:
    """No ticket from the problem told earlier: it may have solved itself."""
    return Reply(text(lang, "told_ticket_declined"))


def reminder_moved(lang: str, due: datetime, next_opening: datetime, why: str, time_zone: str) -> Reply:
    """The reminder fired while closed (the bot was down at its moment): it moves to the next opening."""
    return Reply(text(
        lang, "reminder_moved", moment=format_moment(lang, due, time_zone), why=why,
        next=format_moment(lang, next_opening, time_zone),
    ))  # fmt: skip


def offer_passed(lang: str, moment: datetime, time_zone: str) -> str:
    """An old out-of-hours button pressed after the moment it offered."""
    return text(lang, "offer_passed", moment=format_moment(lang, moment, time_zone))
