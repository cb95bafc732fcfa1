"""Outside service hours: only emergencies, the confirming question, reminders at opening time."""

from __future__ import annotations

from datetime import datetime

from bot.config.operator import OperatorConfig
from bot.services.messages import Reply
from bot.services.replies.choices import EMERGENCY, NO, REMIND, YES, choice
from bot.services.replies.words import format_moment, service_hours
from bot.texts import text


def out_of_hours(
    lang: str, next_opening: datetime, time_zone: str, config: OperatorConfig,
    now: datetime | None = None,
) -> Reply:  # fmt: skip
    """Closed and not an emergency: when we open, how to report an emergency, a reminder offer."""
    moment = format_moment(lang, next_opening, time_zone, now)
    body = text(lang, "out_of_hours", hours=service_hours(lang, config), moment=moment)
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


def not_an_emergency(
    lang: str, next_opening: datetime, time_zone: str,
    now: datetime | None = None, offer_reminder: bool = False,
) -> Reply:  # fmt: skip
    """Not an emergency after all: report it at the opening; optionally offer the reminder again."""
    moment = format_moment(lang, next_opening, time_zone, now)
    body = text(lang, "not_an_emergency", moment=moment)
    if not offer_reminder:
        return Reply(body)
    body += "\n\n" + text(lang, "not_an_emergency_reminder", moment=moment)
    return Reply(body, (
        choice(lang, "choice_remind", REMIND, moment=moment),
        choice(lang, "choice_no_thanks", NO),
    ))  # fmt: skip


def reminder_scheduled(lang: str, moment: datetime, time_zone: str, now: datetime | None = None) -> Reply:
    """The reminder is booked for `moment`."""
    return Reply(text(lang, "reminder_scheduled", moment=format_moment(lang, moment, time_zone, now)))


def reminder_declined(lang: str) -> Reply:
    """No reminder; report it when open, or type "noodgeval"."""
    return Reply(text(lang, "reminder_declined"))


def reminder_message(lang: str) -> Reply:
    """Sent at opening time: we are open, describe the problem again."""
    return Reply(text(lang, "reminder_message"))
