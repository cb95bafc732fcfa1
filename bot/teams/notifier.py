"""Proactive messages: into the outbox, addressed to a stored 1:1 chat or to a person.

Implements bot.services.notifier.Notifier. `True` means the message is stored for delivery to a
place that exists (or can be opened); the sender delivers it, retries, and reports pages' outcomes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from botbuilder.core import TurnContext
from botbuilder.schema import ConversationReference

from bot.services.messages import Author, Reply
from bot.teams.activities import reply_activity
from bot.teams.outbox import Outbox
from bot.teams.outbox_adapter import OutboxAdapter
from storage import conversations, directory
from storage.models import Person
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger(__name__)


class TeamsNotifier:
    def __init__(self, adapter: OutboxAdapter, outbox: Outbox, sessions: UnitOfWorkSessions, *, tenant_id: str):
        self._adapter, self._outbox, self._sessions, self._tenant_id = adapter, outbox, sessions, tenant_id

    async def to_conversation(self, conversation_id: str, replies: Sequence[Reply], *, author: Author | None = None) -> bool:
        async with self._sessions() as session:
            conversation = await conversations.conversation_by_id(session, conversation_id)
            owner = await session.get(Person, conversation.person_id) if conversation and conversation.person_id else None
            recipient = owner.aad_object_id if owner else None
        if conversation is None:
            log.warning("no stored conversation %s: cannot send proactively", conversation_id)
            return False
        reference = ConversationReference().deserialize(conversation.reference)
        for reply in replies:
            await self._outbox.put(
                kind="relay" if author else "notice", activity=_addressed(reply, reference),
                service_url=conversation.service_url, conversation_id=conversation_id,
                recipient_object_id=recipient, tenant_id=_tenant(conversation.reference), author=author,
            )
        return True

    async def to_person(
        self, object_id: str, replies: Sequence[Reply], *, author: Author | None = None, page_id: int | None = None,
    ) -> bool:
        """Their latest 1:1 chat; when none is stored, a new one is opened through the MSP tenant's service URL."""
        async with self._sessions() as session:
            person = await directory.person_by_object_id(session, object_id)
            stored = await conversations.latest_personal_conversation_of(session, person.id) if person else None
            tenant = await directory.tenant_of(session, person) if person else self._tenant_id
            found = await conversations.any_conversation_in_tenant(session, tenant) if tenant and not stored else None
            template = stored or found
        if template is None:
            log.warning("cannot reach %s: no stored chat to learn the service URL from", object_id)
            return False
        reference = ConversationReference().deserialize(template.reference)
        for reply in replies:
            await self._outbox.put(
                kind="page" if page_id else ("relay" if author else "notice"), activity=_addressed(reply, reference),
                service_url=template.service_url, conversation_id=stored.id if stored else None,
                recipient_object_id=object_id, tenant_id=tenant, page_id=page_id, author=author,
            )
        return True

    async def run_in_conversation(self, conversation_id: str, turn: Callable[[TurnContext], Awaitable[None]]) -> bool:
        """Run `turn` as a proactive turn in a stored conversation (a dialog started from outside)."""
        async with self._sessions() as session:
            conversation = await conversations.conversation_by_id(session, conversation_id)
        if conversation is None:
            log.warning("no stored conversation %s: cannot start a turn in it", conversation_id)
            return False
        async with self._sessions.unit_of_work(lock_key=conversation_id):
            await self._adapter.continue_in(ConversationReference().deserialize(conversation.reference), turn)
        return True


def _addressed(reply: Reply, reference: ConversationReference) -> dict:
    """The activity for this reply, from the bot to the chat's user, not a reply to any activity."""
    activity = TurnContext.apply_conversation_reference(reply_activity(reply), reference)
    activity.reply_to_id = None
    body = activity.serialize()
    body.pop("serviceUrl", None)
    return body


def _tenant(reference: dict) -> str | None:
    conversation = reference.get("conversation") or {}
    return conversation.get("tenantId")
