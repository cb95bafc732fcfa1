"""The conditional updates behind "exactly once", on SQLite and PostgreSQL: whoever matches the row wins."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import claims
from storage import paging as page_store
from storage.models import Conversation, Organisation, Page, Person, Ticket

NOW = datetime(2026, 11, 28, 2, 0, tzinfo=timezone.utc)


async def _world(sessions: async_sessionmaker[AsyncSession], tickets: int = 1) -> dict[str, int]:
    """One customer with `tickets` tickets in one chat, and three staff members."""
    async with sessions.begin() as session:
        organisation = Organisation(tenant_id="t-1", name="Bakkerij")
        session.add(organisation)
        await session.flush()
        people = [Person(aad_object_id=f"p-{i}", organisation_id=organisation.id, name=f"P{i}", kind="staff") for i in range(4)]
        session.add_all(people)
        session.add(Conversation(id="chat-1", channel_id="msteams", service_url="http://x/", reference={}))
        await session.flush()
        made = [
            Ticket(
                number=f"T-2026-000{i + 1}", organisation_id=organisation.id, reporter_id=people[0].id,
                conversation_id="chat-1", intent="email_problem", subject="s", priority="P1", created_at=NOW,
                updated_at=NOW,
            )
            for i in range(tickets)
        ]
        session.add_all(made)
        await session.flush()
        return {"customer": people[0].id, "anna": people[1].id, "bram": people[2].id, "dirk": people[3].id,
                **{f"ticket{i + 1}": t.id for i, t in enumerate(made)}}  # fmt: skip


@pytest.fixture
def sessions(async_session_factory: async_sessionmaker[AsyncSession]) -> async_sessionmaker[AsyncSession]:
    return async_session_factory


async def test_one_holder_per_ticket(sessions) -> None:
    ids = await _world(sessions)
    async with sessions.begin() as session:
        assert await claims.claim_holder(session, ids["ticket1"], ids["anna"], NOW)
    async with sessions.begin() as session:
        assert not await claims.claim_holder(session, ids["ticket1"], ids["bram"], NOW)


async def test_a_lost_claim_leaves_the_ticket_the_caller_loaded_as_it_is(sessions) -> None:
    ids = await _world(sessions)
    async with sessions() as session:
        ticket = await session.get(Ticket, ids["ticket1"])  # loaded before a colleague acknowledges
        await session.commit()
        async with sessions.begin() as colleague:
            assert await claims.claim_acknowledgement(colleague, ids["ticket1"], ids["bram"], NOW)
        assert not await claims.claim_acknowledgement(session, ids["ticket1"], ids["anna"], NOW)
        assert (ticket.acknowledged_by_id, ticket.acknowledged_at) == (None, None)  # not rewritten as if Anna won


async def test_one_held_ticket_per_customer_chat(sessions) -> None:
    ids = await _world(sessions, tickets=2)
    async with sessions.begin() as session:
        assert await claims.claim_holder(session, ids["ticket1"], ids["anna"], NOW)
    async with sessions.begin() as session:
        assert not await claims.claim_holder(session, ids["ticket2"], ids["bram"], NOW)


async def test_claims_on_two_tickets_of_one_chat_in_overlapping_transactions_leave_one_holder(sessions) -> None:
    """The first claim's transaction stays open while the second claims: the index settles it."""
    ids = await _world(sessions, tickets=2)
    first_claimed = asyncio.Event()

    async def first() -> bool:
        async with sessions.begin() as session:
            won = await claims.claim_holder(session, ids["ticket1"], ids["anna"], NOW)
            first_claimed.set()
            await asyncio.sleep(0.2)  # the second claim starts while this one is uncommitted
            return won

    async def second() -> bool:
        await first_claimed.wait()
        async with sessions.begin() as session:
            return await claims.claim_holder(session, ids["ticket2"], ids["bram"], NOW)

    results = await asyncio.gather(first(), second(), return_exceptions=True)
    assert not any(isinstance(r, BaseException) for r in results), results
    assert sorted(results) == [False, True]
    async with sessions() as session:
        held = [t.id for t in await session.scalars(select(Ticket).where(Ticket.status == "taken_over"))]
    assert len(held) == 1


async def test_a_resolve_wins_over_a_later_hand_back_and_resolving_twice_does_nothing(sessions) -> None:
    ids = await _world(sessions)
    async with sessions.begin() as session:
        await claims.claim_holder(session, ids["ticket1"], ids["bram"], NOW)
    async with sessions.begin() as session:
        assert not await claims.resolve(session, ids["ticket1"], None, "seen before Bram took it", NOW)
        assert await claims.resolve(session, ids["ticket1"], ids["bram"], "fixed", NOW)
    async with sessions.begin() as session:
        assert not await claims.release_holder(session, ids["ticket1"], ids["bram"], NOW)
        assert not await claims.resolve(session, ids["ticket1"], None, "again", NOW + timedelta(minutes=1))
    async with sessions() as session:
        ticket = await session.get(Ticket, ids["ticket1"])
        assert (ticket.status, ticket.holder_id, ticket.resolution_note) == ("resolved", None, "fixed")


async def test_hand_back_reopens_as_acknowledged_once_someone_acknowledged(sessions) -> None:
    ids = await _world(sessions)
    async with sessions.begin() as session:
        await claims.claim_acknowledgement(session, ids["ticket1"], ids["anna"], NOW)
        await claims.claim_holder(session, ids["ticket1"], ids["anna"], NOW)
    async with sessions.begin() as session:
        assert await claims.release_holder(session, ids["ticket1"], ids["anna"], NOW)
    async with sessions() as session:
        ticket = await session.get(Ticket, ids["ticket1"])
        assert (ticket.status, ticket.holder_id) == ("acknowledged", None)


async def test_an_acknowledgement_settles_a_page_still_being_sent(sessions) -> None:
    ids = await _world(sessions)
    async with sessions.begin() as session:
        page = Page(ticket_id=ids["ticket1"], staff_object_id="p-1", position="on_call", status="sending", sent_at=NOW)
        session.add(page)
        await session.flush()
        page_id = page.id
    async with sessions.begin() as session:
        assert await claims.claim_acknowledgement(session, ids["ticket1"], ids["anna"], NOW)
        assert await page_store.acknowledge_pages(session, ids["ticket1"], NOW) == [page_id]
    async with sessions.begin() as session:
        assert not await page_store.finish_page(session, page_id, reached=True)  # no timer for a settled page
    async with sessions() as session:
        assert (await session.get(Page, page_id)).status == "acknowledged"


async def test_a_step_moves_once_from_where_it_was_seen(sessions) -> None:
    ids = await _world(sessions)
    async with sessions.begin() as session:
        assert await claims.move_step(session, ids["ticket1"], 1, 2, NOW)
        assert not await claims.move_step(session, ids["ticket1"], 1, 2, NOW)
    async with sessions() as session:
        ticket = await session.get(Ticket, ids["ticket1"])
        assert (ticket.escalation_step, ticket.step_since) == (2, NOW)
