"""Take in one activity: recognise the caller, store the reference and the transcript, dedupe.

Identity comes from the tenant and the Azure AD object id, and an activity can only confirm what
is stored, never change it: a person's tenant and role, and a conversation's owner, stay as they
are (a mismatch is refused and nothing is stored). Only 1:1 chats are served.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.services.clock import Clock
from bot.services.message_limit import MessageLimit
from bot.services.messages import Admission, Caller, Inbound, InboundKind, Reply
from bot.texts import language_of_locale, text
from storage import conversations, directory
from storage.models import Person, TranscriptMessage
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)


class IdentityConflict(Exception):
    """The activity claims a person or a conversation that the database knows as someone else's."""


class AdmissionService:
    """The first step of every turn; nothing of an unknown tenant is stored but a log line."""

    def __init__(self, sessions: Sessions, config: ConfigHolder, clock: Clock):
        self._sessions, self._holder, self._clock = sessions, config, clock
        self._limit = MessageLimit(sessions, clock, config.current.limits.messages_per_minute)  # a restart changes it
        self._organisations: dict[tuple[str, str], int] = {}  # (tenant id, name) -> organisation id

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    async def admit(self, inbound: Inbound) -> Admission:
        language = language_of_locale(inbound.locale)
        stranger = Caller("unknown", language, inbound.user_object_id)
        if not inbound.personal:
            log.info("activity in group conversation %s: not served", inbound.conversation_id)
            only_personal = (Reply(text(language, "personal_only")),) if inbound.kind is InboundKind.MESSAGE else ()
            return Admission(stranger, replies=only_personal)
        if not self._is_known(inbound):
            log.info(
                "no contract for tenant %s (conversation %s): refused", inbound.tenant_id or "(none)",
                inbound.conversation_id,
            )
            return Admission(stranger, replies=(self._refusal(language, "no_contract"),))
        if not inbound.user_object_id:
            return await self._anonymous(inbound, stranger)
        try:
            caller, first_contact, fresh = await self._register(inbound, language)
        except IdentityConflict as conflict:
            log.warning("refused activity %s in %s: %s", inbound.activity_id, inbound.conversation_id, conflict)
            return Admission(stranger, replies=(self._refusal(language, "cannot_verify"),))
        if not fresh:
            log.info("activity %s in %s delivered again: ignored", inbound.activity_id, inbound.conversation_id)
            return Admission(caller, first_contact=first_contact, duplicate=True)
        return await self._within_limit(caller, inbound, first_contact)

    async def _within_limit(self, caller: Caller, inbound: Inbound, first_contact: bool) -> Admission:
        if inbound.kind is not InboundKind.MESSAGE or caller.person_id is None:
            return Admission(caller, first_contact=first_contact)
        verdict = await self._limit.check(caller.person_id)
        if not verdict.over:
            return Admission(caller, first_contact=first_contact)
        log.warning("%s is over the message limit: message %s stored, not acted on", caller.object_id, inbound.activity_id)
        slow_down = (Reply(text(caller.language, "rate_limited")),) if verdict.first_over else ()
        return Admission(caller, first_contact=first_contact, replies=slow_down, throttled=True)

    async def _anonymous(self, inbound: Inbound, stranger: Caller) -> Admission:
        """No Azure AD object id: the message is kept (under no one) and the sender told politely, once."""
        async with self._sessions.begin() as session:
            fresh = await self._record_inbound(session, inbound, None, inbound.user_name)
        log.info("activity %s in %s has no aadObjectId: stored under no one", inbound.activity_id, inbound.conversation_id)
        replies = (self._refusal(stranger.language, "cannot_verify"),) if fresh else ()
        return Admission(stranger, duplicate=not fresh, replies=replies)

    async def _register(self, inbound: Inbound, language: str) -> tuple[Caller, bool, bool]:
        """One transaction; Teams sends the two install events at once, so a lost insert race is retried."""
        for attempt in (1, 2):
            try:
                async with self._sessions.begin() as session:
                    caller = await self._register_caller(session, inbound, language)
                    first_contact = await self._save_reference(session, inbound, caller)
                    fresh = await self._record_inbound(session, inbound, caller.person_id, caller.name)
                return caller, first_contact, fresh
            except IntegrityError:
                if attempt == 2:
                    raise
                log.info("concurrent first contact in %s: retrying", inbound.conversation_id)
        raise AssertionError("unreachable")

    def _is_known(self, inbound: Inbound) -> bool:
        if self._is_staff(inbound):
            return True
        return self._config.customer(inbound.tenant_id) is not None

    def _is_staff(self, inbound: Inbound) -> bool:
        """Staff chat from the MSP's own tenant; an object id alone from elsewhere is not enough."""
        member = self._config.staff_member(inbound.user_object_id)
        return member is not None and inbound.tenant_id == self._config.msp.tenant_id

    def _refusal(self, language: str, key: str) -> Reply:
        msp = self._config.msp
        return Reply(text(language, key, msp=msp.name, contact=msp.contact_email))

    async def _register_caller(self, session: AsyncSession, inbound: Inbound, language: str) -> Caller:
        if self._is_staff(inbound):
            member = self._config.staff_member(inbound.user_object_id)
            assert member is not None
            organisation = await directory.upsert_organisation(
                session, self._config.msp.tenant_id, self._config.msp.name, is_msp=True
            )
            person = await directory.upsert_person(
                session, member.object_id, kind="staff", organisation=organisation,
                name=member.name, role=member.role, locale=inbound.locale,
            )
            return Caller("staff", language, member.object_id, member.name, person.id, organisation.id, organisation.name, member.role)
        if self._config.staff_member(inbound.user_object_id) is not None:
            raise IdentityConflict(f"staff object id {inbound.user_object_id} from tenant {inbound.tenant_id}")
        customer = self._config.customer(inbound.tenant_id)
        assert customer is not None
        organisation_id, organisation_name = await self._organisation_of(session, customer.tenant_id, customer.name)
        known = await directory.person_by_object_id(session, inbound.user_object_id)
        person = known or Person(aad_object_id=inbound.user_object_id, kind="customer", organisation_id=organisation_id)
        if known is None:
            session.add(person)
        elif person.kind != "customer" or person.organisation_id != organisation_id:
            raise IdentityConflict(f"object id {inbound.user_object_id} belongs to another organisation or is staff")
        person.name = inbound.user_name or person.name or ""
        person.locale = inbound.locale or person.locale
        await session.flush()
        return Caller("customer", language, person.aad_object_id, person.name, person.id, organisation_id, organisation_name)

    async def _organisation_of(self, session: AsyncSession, tenant_id: str, name: str) -> tuple[int, str]:
        """A customer organisation's id and name: stored at start-up (and on a reload) from the config and
        never renumbered, so looked up once per process and name (a query less in every turn)."""
        known = self._organisations.get((tenant_id, name))
        if known is not None:
            return known, name
        stored = await directory.organisation_by_tenant(session, tenant_id)
        if stored is not None and stored.name == name:
            self._organisations[(tenant_id, name)] = stored.id
            return stored.id, name
        organisation = await directory.upsert_organisation(session, tenant_id, name)  # not cached: may roll back
        return organisation.id, organisation.name

    async def _save_reference(self, session: AsyncSession, inbound: Inbound, caller: Caller) -> bool:
        stored = await conversations.conversation_by_id(session, inbound.conversation_id)
        if stored is not None and (
            stored.person_id not in (None, caller.person_id) or stored.organisation_id not in (None, caller.organisation_id)
        ):
            raise IdentityConflict(f"conversation {inbound.conversation_id} belongs to someone else")
        return await conversations.save_reference(
            session, conversation_id=inbound.conversation_id, person_id=caller.person_id,
            organisation_id=caller.organisation_id, channel_id=inbound.channel_id,
            service_url=inbound.service_url, reference=inbound.reference, now=self._clock.now(),
        )

    async def _record_inbound(self, session: AsyncSession, inbound: Inbound, person_id: int | None, name: str) -> bool:
        message = TranscriptMessage(
            conversation_id=inbound.conversation_id, direction="in", activity_id=inbound.activity_id,
            activity_type=inbound.kind.value, author_person_id=person_id, author_name=name,
            text=inbound.text, payload=payload_of(inbound), created_at=self._clock.now(),
        )
        if inbound.kind is InboundKind.INSTALLED and not inbound.text:
            message.text = "(bot installed)"
        return await conversations.record_message(session, message)


def payload_of(inbound: Inbound) -> dict[str, Any] | None:
    """What the transcript keeps besides the text: a card's value and attachment references."""
    payload: dict[str, Any] = {}
    if inbound.value is not None:
        payload["value"] = inbound.value
    if inbound.attachments:
        payload["attachments"] = [asdict(reference) for reference in inbound.attachments]
    return payload or None
