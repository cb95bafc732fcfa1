"""Take in one activity: recognise the caller, store the reference and the transcript, dedupe."""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config.operator import OperatorConfig
from bot.services.clock import Clock
from bot.services.messages import Admission, Caller, Inbound, InboundKind, Reply
from bot.texts import language_of_locale, text
from storage import conversations, directory
from storage.models import TranscriptMessage

log = logging.getLogger(__name__)


class AdmissionService:
    """The first step of every turn; nothing of an unknown tenant is stored but a log line."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], config: OperatorConfig, clock: Clock):
        self._sessions, self._config, self._clock = sessions, config, clock

    async def admit(self, inbound: Inbound) -> Admission:
        language = language_of_locale(inbound.locale)
        if not self._is_known(inbound):
            log.info(
                "no contract for tenant %s (conversation %s): refused", inbound.tenant_id or "(none)",
                inbound.conversation_id,
            )
            return Admission(Caller("unknown", language, inbound.user_object_id), replies=(self._no_contract(language),))
        caller, first_contact, fresh = await self._register(inbound, language)
        if not fresh:
            log.info("activity %s in %s delivered again: ignored", inbound.activity_id, inbound.conversation_id)
        return Admission(caller, first_contact=first_contact, duplicate=not fresh)

    async def _register(self, inbound: Inbound, language: str) -> tuple[Caller, bool, bool]:
        """One transaction; Teams sends the two install events at once, so a lost insert race is retried."""
        for attempt in (1, 2):
            try:
                async with self._sessions.begin() as session:
                    caller = await self._register_caller(session, inbound, language)
                    first_contact = await self._save_reference(session, inbound, caller)
                    fresh = await self._record_inbound(session, inbound, caller)
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

    def _no_contract(self, language: str) -> Reply:
        msp = self._config.msp
        return Reply(text(language, "no_contract", msp=msp.name, contact=msp.contact_email))

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
        customer = self._config.customer(inbound.tenant_id)
        assert customer is not None
        organisation = await directory.upsert_organisation(session, customer.tenant_id, customer.name)
        person = await directory.upsert_person(
            session, inbound.user_object_id, kind="customer", organisation=organisation,
            name=inbound.user_name, locale=inbound.locale,
        )
        return Caller("customer", language, inbound.user_object_id, person.name, person.id, organisation.id, organisation.name)

    async def _save_reference(self, session: AsyncSession, inbound: Inbound, caller: Caller) -> bool:
        return await conversations.save_reference(
            session, conversation_id=inbound.conversation_id, person_id=caller.person_id,
            organisation_id=caller.organisation_id, channel_id=inbound.channel_id,
            service_url=inbound.service_url, reference=inbound.reference, now=self._clock.now(),
        )

    async def _record_inbound(self, session: AsyncSession, inbound: Inbound, caller: Caller) -> bool:
        message = TranscriptMessage(
            conversation_id=inbound.conversation_id, direction="in", activity_id=inbound.activity_id,
            activity_type=inbound.kind.value, author_person_id=caller.person_id, author_name=caller.name,
            text=inbound.text, payload=inbound.value, created_at=self._clock.now(),
        )
        if inbound.kind is InboundKind.INSTALLED and not inbound.text:
            message.text = "(bot installed)"
        return await conversations.record_message(session, message)
