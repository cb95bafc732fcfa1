"""Organisations and people: kept in step with the operator config, looked up per turn."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Organisation, Person


async def upsert_organisation(session: AsyncSession, tenant_id: str, name: str, *, is_msp: bool = False) -> Organisation:
    """The config is the source of truth for names; rows keep their ids across renames."""
    organisation = await organisation_by_tenant(session, tenant_id)
    if organisation is None:
        organisation = Organisation(tenant_id=tenant_id, name=name, is_msp=is_msp)
        session.add(organisation)
    else:
        organisation.name, organisation.is_msp = name, is_msp
    await session.flush()
    return organisation


async def organisation_by_tenant(session: AsyncSession, tenant_id: str) -> Organisation | None:
    return await session.scalar(select(Organisation).where(Organisation.tenant_id == tenant_id))


_PERSON_BY_OBJECT_ID = select(Person).where(Person.aad_object_id == bindparam("object_id"))


async def person_by_object_id(session: AsyncSession, aad_object_id: str) -> Person | None:
    return await session.scalar(_PERSON_BY_OBJECT_ID, {"object_id": aad_object_id})


async def upsert_person(
    session: AsyncSession,
    aad_object_id: str,
    *,
    kind: str,
    organisation: Organisation | None,
    name: str = "",
    role: str | None = None,
    locale: str | None = None,
) -> Person:
    """Create or refresh a person; an empty name or locale never overwrites a known one."""
    person = await person_by_object_id(session, aad_object_id)
    if person is None:
        person = Person(aad_object_id=aad_object_id, kind=kind)
        session.add(person)
    person.kind, person.role = kind, role
    person.organisation_id = organisation.id if organisation else None
    person.name = name or person.name or ""
    person.locale = locale or person.locale
    await session.flush()
    return person


async def tenant_of(session: AsyncSession, person: Person) -> str | None:
    """The tenant a person belongs to (their organisation's), or None for someone stored under no one."""
    if person.organisation_id is None:
        return None
    organisation = await session.get(Organisation, person.organisation_id)
    return organisation.tenant_id if organisation else None
