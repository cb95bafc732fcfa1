"""What the outer layer hands the services and gets back: plain data, no Bot Framework types."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal


class InboundKind(StrEnum):
    MESSAGE = "message"
    INSTALLED = "installed"  # the bot was added to the chat: first contact
    EDITED = "edited"  # the sender changed a message they sent earlier
    DELETED = "deleted"  # the sender deleted a message they sent earlier


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """What was attached (a pasted image, a file, a card): kept as a reference, never fetched."""

    kind: str  # image | file | card | other
    name: str = ""
    content_type: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Inbound:
    """One incoming activity, reduced to what the domain needs."""

    kind: InboundKind
    conversation_id: str
    activity_id: str | None
    channel_id: str
    service_url: str
    tenant_id: str
    user_object_id: str
    user_name: str
    locale: str | None
    text: str
    reference: dict[str, Any]
    value: dict[str, Any] | None = None
    attachments: tuple[AttachmentRef, ...] = ()
    personal: bool = True  # a 1:1 chat with the bot; group chats and channels are not served


@dataclass(frozen=True, slots=True)
class Choice:
    """One option offered to a person: a card button, also accepted when typed."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Reply:
    """One message to send; choices become an Adaptive Card with a plain-text fallback."""

    text: str
    choices: tuple[Choice, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote a relayed message: the transcript keeps the person, not the bot."""

    person_id: int | None
    name: str


CallerKind = Literal["customer", "staff", "unknown"]


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is talking, decided once per turn from the tenant and the staff directory."""

    kind: CallerKind
    language: str
    object_id: str
    name: str = ""
    person_id: int | None = None
    organisation_id: int | None = None
    organisation_name: str = ""
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Admission:
    """The outcome of taking in one activity: who, whether it is new, and any immediate replies."""

    caller: Caller
    first_contact: bool = False
    duplicate: bool = False
    replies: tuple[Reply, ...] = field(default=())
    throttled: bool = False  # over the per-person message limit: stored, not acted on

    @property
    def proceed(self) -> bool:
        """Only known callers' new activities within their limit go on to dialogs and commands."""
        return self.caller.kind != "unknown" and not self.duplicate and not self.throttled
