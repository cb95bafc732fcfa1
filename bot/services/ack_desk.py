"""The acknowledge-link port on the database: a read of the ticket, and acknowledging through paging."""

from __future__ import annotations

from typing import Protocol


from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.services.ack_port import AcknowledgePort, AckOutcome, AckResult, TicketGlance
from bot.services.messages import Caller
from bot.texts import language_of_locale
from storage import directory
from storage import tickets as ticket_store
from storage.models import Person
from storage.unit_of_work import Sessions


class _Acknowledgement(Protocol):
    @property
    def first(self) -> bool: ...

    @property
    def by(self) -> str: ...


class Acknowledges(Protocol):
    """What `paging_acknowledger` needs: PagingService.acknowledge as it stands."""

    async def acknowledge(self, staff: Caller, number: str) -> _Acknowledgement | None: ...


class StoredAckDesk:
    """Reads tickets for the page; acknowledges through the injected port (bound to paging)."""

    def __init__(
        self, sessions: Sessions, config: ConfigHolder, acknowledge: AcknowledgePort,
    ):
        self._sessions, self._holder, self._acknowledge = sessions, config, acknowledge

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    async def glance(self, staff_object_id: str, ticket_number: str) -> TicketGlance | None:
        if self._config.staff_member(staff_object_id) is None:
            return None
        async with self._sessions() as session:
            ticket = await ticket_store.ticket_by_number(session, ticket_number)
            if ticket is None:
                return None
            person = await directory.person_by_object_id(session, staff_object_id)
            return TicketGlance(
                ticket_number=ticket.number, language=language_of_locale(person.locale if person else None),
                organisation=ticket.organisation, reporter=ticket.reporter.name,
                description=ticket.description, status=ticket.status,
                acknowledged_by=ticket.acknowledged_by.name if ticket.acknowledged_by else None,
            )

    async def acknowledge(self, staff_object_id: str, ticket_number: str) -> AckResult:
        if self._config.staff_member(staff_object_id) is None:
            return AckResult(AckOutcome.UNKNOWN_STAFF, ticket_number)
        return await self._acknowledge(staff_object_id, ticket_number)


def paging_acknowledger(sessions: Sessions, paging: Acknowledges) -> AcknowledgePort:
    """Binds the port to `PagingService.acknowledge(caller, number)`: the staff member as a Caller."""

    async def acknowledge(staff_object_id: str, ticket_number: str) -> AckResult:
        async with sessions() as session:
            person = await directory.person_by_object_id(session, staff_object_id)
        if person is None or person.kind != "staff":
            return AckResult(AckOutcome.UNKNOWN_STAFF, ticket_number)
        done = await paging.acknowledge(_caller(person), ticket_number)
        if done is None:
            return AckResult(AckOutcome.NO_TICKET, ticket_number)
        return AckResult(AckOutcome.FIRST if done.first else AckOutcome.ALREADY, ticket_number, done.by)

    return acknowledge


def _caller(person: Person) -> Caller:
    return Caller(
        kind="staff", language=language_of_locale(person.locale), object_id=person.aad_object_id,
        name=person.name, person_id=person.id, organisation_id=person.organisation_id, role=person.role,
    )
