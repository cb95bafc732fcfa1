"""The staff chat: read a command (typed or a card button), check the role, carry it out, answer.

A staff member who holds a customer's chat talks to the customer: their plain messages are
relayed, and only messages that start with "/" are commands. Who may do what is the table
in `bot.policy.staff_rights`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo


from bot.config.source import ConfigHolder
from bot.policy.model import TicketStatus
from bot.policy.staff_rights import Denial, StaffAction, TicketFacts, may, permitted_actions
from bot.services.clock import Clock
from bot.services.config_reload import ConfigReloader
from bot.services.desk_info import DeskInfo
from bot.services.escalations import EscalationService
from bot.services.messages import Caller, Inbound, Reply
from bot.services.oncall.desk import ACTIONS as ON_CALL_ACTIONS
from bot.services.oncall.desk import OnCallDesk
from bot.services.paging import PagingService
from bot.services.personal_data import PersonalDataService
from bot.services.replies import desk, step_words
from bot.services.replies.desk import say_reply
from bot.services.staff_commands import CommandError, StaffCommand, parse_command
from bot.services.takeover import Outcome, TakeoverService
from bot.texts import text
from storage import tickets as ticket_store
from storage.models import TicketNote
from storage.records import TicketRecord
from storage.unit_of_work import Sessions

A = StaffAction


class StaffDesk:
    def __init__(
        self, sessions: Sessions, config: ConfigHolder, clock: Clock,
        paging: PagingService, takeover: TakeoverService, escalations: EscalationService, info: DeskInfo,
        on_call: OnCallDesk, personal_data: PersonalDataService, reloader: ConfigReloader,
    ):
        self._sessions, self._clock = sessions, clock
        self._paging, self._takeover, self._escalations, self._info = paging, takeover, escalations, info
        self._on_call, self._personal_data, self._reloader = on_call, personal_data, reloader
        self._zone = ZoneInfo(config.current.business_hours.time_zone)  # business hours change with a restart

    async def handle(self, staff: Caller, inbound: Inbound) -> list[Reply]:
        """Answers for the staff member's own chat; relayed words go to the customer instead."""
        held = await self._held_by(staff)
        try:
            command = parse_command(
                inbound.text, inbound.value, now=self._clock.now(), time_zone=self._zone, holding=held is not None
            )
        except CommandError as error:
            return [say_reply(staff.language, error.key, **error.values)]
        if command is not None and command.action in (A.EXPORT, A.ERASE):
            return await self._about_a_person(staff, command)
        if command is not None and command.action is A.RELOAD_CONFIG:
            return [await self._reload_config(staff)]
        if command is not None:
            return [await self._run(staff, command, held)]
        if held is not None and inbound.text and not inbound.text.startswith("/"):
            if self._names_a_ticket(inbound.text):  # "bevestig T-…" without the slash: not for the customer
                return [say_reply(staff.language, "desk_not_relayed", typed=inbound.text)]
            if await self._takeover.relay_from_staff(staff, inbound, held):
                return []
            return [say_reply(staff.language, "desk_relay_failed")]
        if held is not None:
            return [say_reply(staff.language, "desk_unknown_command")]
        role = text(staff.language, f"role_{staff.role}") if staff.role else ""
        return [say_reply(staff.language, "staff_hello", name=staff.name, role=role)]  # a greeting, or a typo

    async def _about_a_person(self, staff: Caller, command: StaffCommand) -> list[Reply]:
        """AVG/GDPR: management only; the erase asks first and needs the confirmation."""
        if not may(staff.role or "", command.action, staff.object_id).allowed:
            return [say_reply(staff.language, "desk_denied_management_only")]
        if command.action is A.EXPORT:
            return await self._personal_data.export(staff, command.who or "")
        return [await self._personal_data.erase(staff, command.who or "", confirmed=command.text == "confirm")]

    async def _reload_config(self, staff: Caller) -> Reply:
        """Management only: the operator config read again, validated first; a bad one is refused and why."""
        if not may(staff.role or "", A.RELOAD_CONFIG, staff.object_id).allowed:
            return say_reply(staff.language, "desk_denied_reload_management_only")
        result = await self._reloader.reload(staff.object_id)
        return say_reply(
            staff.language, f"config_{result.outcome.value}", source=result.source,
            sections=", ".join(result.sections), reason=result.reason,
        )

    def _names_a_ticket(self, words: str) -> bool:
        """A command with a ticket number, typed without its slash: another customer's number must not leak."""
        try:
            command = parse_command(words, None, now=self._clock.now(), time_zone=self._zone, holding=False)
        except CommandError:
            return False
        return command is not None and command.number is not None

    async def _run(self, staff: Caller, command: StaffCommand, held: TicketRecord | None) -> Reply:
        lang, role = staff.language, staff.role or ""
        if command.action in ON_CALL_ACTIONS:
            return await self._on_call.run(staff, command)
        match command.action:
            case A.HELP:
                actions = [str(a) for a in permitted_actions(role)]
                return desk.desk_help(lang, role, actions, held.number if held else None)
            case A.QUEUE:
                return await self._info.queue(lang)
        number = command.number or (held.number if held else "")
        ticket = await self._ticket(number)
        if ticket is None:
            return say_reply(lang, "desk_unknown_ticket", number=number)
        verdict = may(role, command.action, staff.object_id, _facts(ticket))
        if verdict.denial is not None:
            return self._denied(staff, verdict.denial, ticket, command.action)
        return await self._on_ticket(staff, command, ticket)

    async def _on_ticket(self, staff: Caller, command: StaffCommand, ticket: TicketRecord) -> Reply:
        lang, number = staff.language, ticket.number
        match command.action:
            case A.SHOW:
                return await self._info.details(lang, ticket)
            case A.ACKNOWLEDGE:
                done = await self._paging.acknowledge(staff, number)
                if done is None or done.first:
                    return say_reply(lang, "desk_acknowledged", number=number)
                return say_reply(lang, "desk_already_acknowledged", number=number, name=done.by)
            case A.TAKE_OVER:
                return await self._take_over(staff, ticket)
            case A.HAND_BACK:
                if await self._takeover.hand_back(staff, ticket):
                    return say_reply(lang, "desk_handed_back", number=number)
                return say_reply(lang, "desk_denied_not_holder", number=number)
            case A.RESOLVE:
                if await self._takeover.resolve(staff, ticket, command.text):
                    return say_reply(lang, "desk_resolved", number=number)
                return await self._changed_meanwhile(staff, number)
            case A.ESCALATE:
                moved = await self._escalations.escalate(
                    number, command.text, trigger="staff", actor=staff, from_step=ticket.escalation_step
                )
                if moved is None:
                    return say_reply(lang, "desk_not_escalated", number=number)
                return say_reply(lang, "desk_escalated", number=number, step=step_words(lang, moved.view.escalation_step))
            case A.NOTE:
                await self._note(staff, ticket, command.text)
                return say_reply(lang, "desk_note_saved", number=number)
        raise AssertionError(f"unhandled staff action {command.action}")

    async def _take_over(self, staff: Caller, ticket: TicketRecord) -> Reply:
        result = await self._takeover.take_over(staff, ticket.number)
        lang, number = staff.language, ticket.number
        match result.outcome:
            case Outcome.DONE:
                return say_reply(
                    lang, "desk_taken_over", number=result.number, customer=result.other,
                    organisation=ticket.organisation,
                )
            case Outcome.ALREADY:
                return say_reply(lang, "desk_already_yours", number=result.number)
            case Outcome.HOLDING_ANOTHER:
                return say_reply(lang, "desk_holding_another", number=result.other)
            case Outcome.HELD_BY_OTHER:
                return say_reply(lang, "desk_held_by_other", number=result.number, name=result.other)
        return say_reply(lang, "desk_unknown_ticket", number=number)

    async def _changed_meanwhile(self, staff: Caller, number: str) -> Reply:
        """Someone resolved it, or took it over, between reading the ticket and acting on it."""
        fresh = await self._ticket(number)
        if fresh is None or fresh.status == TicketStatus.RESOLVED:
            return say_reply(staff.language, "desk_denied_resolved", number=number)
        holder = fresh.holder.name if fresh.holder else ""
        return say_reply(staff.language, "desk_held_by_other", number=number, name=holder)

    def _denied(self, staff: Caller, denial: Denial, ticket: TicketRecord, action: StaffAction) -> Reply:
        lang, number = staff.language, ticket.number
        match denial:
            case Denial.HELD_BY_OTHER:
                return say_reply(lang, "desk_held_by_other", number=number, name=ticket.holder.name if ticket.holder else "")
            case Denial.ROLE:
                step = step_words(lang, ticket.escalation_step + (1 if action is A.ESCALATE else 0))
                role = text(lang, f"role_{staff.role}") if staff.role else "?"
                return say_reply(lang, "desk_denied_role", role=role, number=number, step=step)
        return say_reply(lang, f"desk_denied_{denial.value}", number=number)

    async def _note(self, staff: Caller, ticket: TicketRecord, words: str) -> None:
        async with self._sessions.begin() as session:
            session.add(TicketNote(
                ticket_id=ticket.id, author_person_id=staff.person_id, author_name=staff.name, text=words,
                created_at=self._clock.now(),
            ))  # fmt: skip

    async def _held_by(self, staff: Caller) -> TicketRecord | None:
        async with self._sessions() as session:
            return await ticket_store.ticket_held_by(session, staff.person_id or 0)

    async def _ticket(self, number: str) -> TicketRecord | None:
        if not number:
            return None
        async with self._sessions() as session:
            return await ticket_store.ticket_by_number(session, number)


def _facts(ticket: TicketRecord) -> TicketFacts:
    holder = ticket.holder.object_id if ticket.holder else None
    return TicketFacts(TicketStatus(ticket.status), ticket.escalation_step, holder)
