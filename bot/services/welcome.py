"""The first-contact welcome (product.md item 1): scope, service hours and exclusions."""

from __future__ import annotations

from bot.config.operator import OperatorConfig
from bot.services.messages import Reply
from bot.texts import text

_MON_TO_FRI = ("mon", "tue", "wed", "thu", "fri")


def welcome(config: OperatorConfig, language: str) -> Reply:
    hours = config.business_hours
    days = text(language, "weekdays_mon_fri") if hours.weekdays == _MON_TO_FRI else ", ".join(hours.weekdays)
    service_hours = text(
        language, "service_hours", days=days,
        opens=hours.opens.strftime("%H:%M"), closes=hours.closes.strftime("%H:%M"),
    )
    return Reply(text(language, "welcome", msp=config.msp.name, hours=service_hours))
