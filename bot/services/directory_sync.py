"""The operator's directory mirrored into the tables: at start-up, and after a reload puts new staff in force."""

from __future__ import annotations

from bot.config.operator import OperatorConfig
from storage import directory
from storage.unit_of_work import UnitOfWorkSessions


async def sync_directory(sessions: UnitOfWorkSessions, config: OperatorConfig) -> None:
    """The MSP, every customer organisation and every staff member (name and role) as the config says."""
    async with sessions.begin() as session:
        msp = await directory.upsert_organisation(session, config.msp.tenant_id, config.msp.name, is_msp=True)
        for customer in config.customers:
            await directory.upsert_organisation(session, customer.tenant_id, customer.name)
        for member in config.staff:
            await directory.upsert_person(
                session, member.object_id, kind="staff", organisation=msp, name=member.name, role=member.role
            )
