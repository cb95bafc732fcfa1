"""The command menus Teams shows next to the compose box, one per audience.

Customers and staff use the same bot but get different packages: the customer app goes into the
customers' tenants, the staff app into the MSP's own. Each command's title and description are
catalogue texts (`teams_command_<key>_title` / `_description`); a title is what Teams puts in the
compose box when the command is picked, so it must be something the bot understands as typed.
Staff titles start with "/" so that they work while a chat is taken over as well.
"""

from __future__ import annotations

from typing import Literal

Audience = Literal["customers", "staff"]
AUDIENCES: tuple[Audience, ...] = ("customers", "staff")

MENUS: dict[Audience, tuple[str, ...]] = {
    "customers": ("status", "escalate", "hello"),
    "staff": (
        "queue", "show", "acknowledge", "take_over", "hand_back", "resolve", "escalate_staff", "note",
        "on_call", "override", "help",
    ),
}


def title_key(command: str) -> str:
    return f"teams_command_{command}_title"


def description_key(command: str) -> str:
    return f"teams_command_{command}_description"
