"""The first-contact welcome (product.md item 1): scope, service hours and exclusions."""

from __future__ import annotations

from bot.config.operator import OperatorConfig
from bot.services.messages import Reply
from bot.services.replies import service_hours
from bot.texts import text


def welcome(config: OperatorConfig, language: str) -> Reply:
    hours = service_hours(language, config)
    return Reply(text(language, "welcome", msp=config.msp.name, hours=hours))
