"""Fill the manifest template for one audience and language; derive the translation file from it.

Placeholders are whole JSON string values: `{{name}}` from `AppValues`, `{{text:key}}` from the
text catalogue (`teams_app_<audience>_<key>`), and `{{commands}}` becomes the audience's menu.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.texts import text
from deploy.teams.commands import MENUS, Audience, description_key, title_key

TEMPLATE = Path(__file__).with_name("manifest.template.json")
DEFAULT_LANGUAGE = "nl"  # the manifest's own strings; the bot's default language too
TRANSLATIONS = ("en",)
_PLACEHOLDER = re.compile(r"^\{\{(?:text:)?([a-z_]+)\}\}$")
_LOCALIZED = ("name.short", "name.full", "description.short", "description.full")


@dataclass(frozen=True, slots=True)
class AppValues:
    """What differs per MSP and per release; `package` reads it from the environment and config."""

    bot_id: str
    version: str
    developer_name: str
    website_url: str
    privacy_url: str
    terms_url: str
    domain: str
    msp: str


def build_manifest(values: AppValues, audience: Audience, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The manifest for `audience` with every string in `language`."""
    template = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    return _fill(template, values, audience, language)


def localization(values: AppValues, audience: Audience, language: str) -> dict[str, str]:
    """The translation file Teams reads for `language` (e.g. en.json), keyed by manifest path."""
    manifest = build_manifest(values, audience, language)
    strings = {key: manifest[key.split(".")[0]][key.split(".")[1]] for key in _LOCALIZED}
    commands = manifest["bots"][0]["commandLists"][0]["commands"]
    for index, command in enumerate(commands):
        prefix = f"bots[0].commandLists[0].commands[{index}]"
        strings[f"{prefix}.title"] = command["title"]
        strings[f"{prefix}.description"] = command["description"]
    return {
        "$schema": "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json",
        **strings,
    }


def _fill(node: Any, values: AppValues, audience: Audience, language: str) -> Any:
    if isinstance(node, dict):
        return {key: _fill(value, values, audience, language) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(item, values, audience, language) for item in node]
    if isinstance(node, str) and (match := _PLACEHOLDER.match(node)):
        return _value(match.group(1), node.startswith("{{text:"), values, audience, language)
    return node


def _value(name: str, is_text: bool, values: AppValues, audience: Audience, language: str) -> Any:
    if is_text:
        return text(language, f"teams_app_{audience}_{name}", msp=values.msp)
    if name == "commands":
        return [
            {"title": text(language, title_key(command)), "description": text(language, description_key(command))}
            for command in MENUS[audience]
        ]
    return getattr(values, name)
