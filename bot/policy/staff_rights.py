"""What each staff role may do in the staff chat: the authorisation table of the staff commands."""

from enum import StrEnum


class StaffAction(StrEnum):
    """One staff command; the card buttons map onto the same actions."""

    HELP = "help"
    QUEUE = "queue"
    SHOW = "show"
    ACKNOWLEDGE = "acknowledge"
    TAKE_OVER = "take_over"
    HAND_BACK = "hand_back"
    RESOLVE = "resolve"
    ESCALATE = "escalate"
    NOTE = "note"
    ON_CALL = "on_call"
    OVERRIDE = "override"
