"""Proactive messages through the adapter: into stored conversations, or a new 1:1 chat."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ChannelAccount, ConversationParameters, ConversationReference
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.clock import Clock
from bot.services.messages import Author, Reply
from bot.services.transcript import TranscriptService
from bot.teams.activities import reply_activity, transcript_entry
from bot.teams.transcript_hook import recording_sends
from storage import conversations, directory
from storage.models import Conversation

log = logging.getLogger(__name__)


class TeamsNotifier:
    """Implements bot.services.notifier.Notifier; every delivery lands in the transcript."""

    def __init__(
        self, adapter: CloudAdapter, sessions: async_sessionmaker[AsyncSession], transcript: TranscriptService,
        clock: Clock, *, app_id: str, tenant_id: str,
    ):
        self._adapter, self._sessions, self._transcript, self._clock = adapter, sessions, transcript, clock
        self._app_id, self._tenant_id = app_id, tenant_id

    async def to_conversation(self, conversation_id: str, replies: Sequence[Reply], *, author: Author | None = None) -> bool:
        async with self._sessions() as session:
            conversation = await conversations.conversation_by_id(session, conversation_id)
        if conversation is None:
            log.warning("no stored conversation %s: cannot send proactively", conversation_id)
            return False
        return await self._continue(conversation.reference, replies, author)

    async def to_person(self, object_id: str, replies: Sequence[Reply], *, author: Author | None = None) -> bool:
        async with self._sessions() as session:
            person = await directory.person_by_object_id(session, object_id)
            stored = await conversations.latest_conversation_of(session, person.id) if person else None
            template = stored or await conversations.any_conversation_in_tenant(session, self._tenant_id)
        if stored is not None:
            return await self._continue(stored.reference, replies, author)
        if template is None:
            log.warning("cannot reach %s: no stored chat to learn the service URL from", object_id)
            return False
        owner = (person.id, person.organisation_id) if person else (None, None)
        return await self._create(object_id, owner, template, replies, author)

    async def run_in_conversation(self, conversation_id: str, turn: Callable[[TurnContext], Awaitable[None]]) -> bool:
        """Run `turn` as a proactive turn in a stored conversation (a dialog started from outside)."""
        async with self._sessions() as session:
            conversation = await conversations.conversation_by_id(session, conversation_id)
        if conversation is None:
            log.warning("no stored conversation %s: cannot start a turn in it", conversation_id)
            return False
        record = recording_sends(self._transcript)

        async def run(context: TurnContext) -> None:
            context.on_send_activities(record)
            await turn(context)

        try:
            await self._adapter.continue_conversation(
                ConversationReference().deserialize(conversation.reference), run, self._app_id or None
            )
        except Exception:
            log.exception("proactive turn in %s failed", conversation_id)
            return False
        return True

    async def _continue(self, reference: dict, replies: Sequence[Reply], author: Author | None) -> bool:
        delivered: list[bool] = []

        async def send(context: TurnContext) -> None:
            delivered.append(await self._send_all(context, replies, author))

        conversation_reference = ConversationReference().deserialize(reference)
        try:
            await self._adapter.continue_conversation(conversation_reference, send, self._app_id or None)
        except Exception:
            log.exception("proactive send to %s failed", conversation_reference.conversation.id)
            return False
        return bool(delivered and delivered[0])

    async def _create(
        self, object_id: str, owner: tuple[int | None, int | None], template: Conversation, replies: Sequence[Reply],
        author: Author | None,
    ) -> bool:
        """Teams lets a bot open a 1:1 chat with a user of a tenant where the app is installed."""
        bot_account = template.reference.get("bot") or {}
        parameters = ConversationParameters(
            is_group=False,
            bot=ChannelAccount(id=bot_account.get("id"), name=bot_account.get("name")),
            members=[ChannelAccount(id=object_id)],
            tenant_id=self._tenant_id,
            channel_data={"tenant": {"id": self._tenant_id}},
        )
        delivered: list[bool] = []

        async def first_turn(context: TurnContext) -> None:
            await self._remember(context, *owner)
            delivered.append(await self._send_all(context, replies, author))

        try:
            await self._adapter.create_conversation(
                self._app_id or None, first_turn, parameters, template.channel_id, template.service_url
            )
        except Exception as error:
            log.warning("could not open a chat with %s: %s", object_id, error)
            return False
        return bool(delivered and delivered[0])

    async def _remember(self, context: TurnContext, person_id: int | None, organisation_id: int | None) -> None:
        reference = TurnContext.get_conversation_reference(context.activity)
        async with self._sessions.begin() as session:
            await conversations.save_reference(
                session, conversation_id=reference.conversation.id, person_id=person_id, organisation_id=organisation_id,
                channel_id=reference.channel_id or "msteams", service_url=reference.service_url,
                reference=reference.serialize(), now=self._clock.now(),
            )

    async def _send_all(self, context: TurnContext, replies: Sequence[Reply], author: Author | None) -> bool:
        try:
            entries = []
            for reply in replies:
                activity = reply_activity(reply)
                response = await context.send_activity(activity)
                entries.append(transcript_entry(activity, response.id if response else None))
        except Exception:
            log.exception("proactive send to %s failed", context.activity.conversation.id)
            return False
        await self._transcript.record_outgoing(
            context.activity.conversation.id, entries, author_person_id=author.person_id if author else None,
            author_name=author.name if author else None, relayed=author is not None,
        )
        return True
