"""Pages Teams cannot deliver go out by e-mail too, and then count as delivered (issue 9, part 5)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fakes.connector import serve
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.faults import throttled
from fakes.faulty_connector import FaultyConnector
from fakes.http_helpers import rows
from fakes.people import ANNA, CARLA, CUSTOMER
from fakes.scheduler import run_due_jobs, timers
from storage.models import Page, Ticket

SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)
NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
ANNA_MAIL = ("anna.bakker@websitenazorg.nl",)


@pytest.fixture
async def connector(aiohttp_server) -> FaultyConnector:
    return await serve(FaultyConnector(), aiohttp_server)


@pytest.fixture
async def bot(make_bot, smtp_server):
    return await make_bot(SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp_server.port), SMTP_SECURITY="none",
                          SMTP_FROM="bot@websitenazorg.nl")


def mails_to(smtp_server, recipients: tuple[str, ...]) -> list:
    return [mail for to, mail in smtp_server.mails if tuple(to) == recipients]


async def test_a_page_teams_refuses_goes_out_by_mail_and_does_not_move_the_chain(bot, connector, clock, smtp_server):
    await say(bot, connector, CARLA, "hallo")  # a chat in the MSP's tenant tells where to open new ones
    clock.set(SATURDAY_NIGHT)
    connector.unreachable.add(ANNA.object_id)  # Teams will not open a chat with Anna

    await say(bot, connector, CUSTOMER, NIGHT_REPORT)

    [ticket] = await rows(bot, Ticket)
    [mail] = mails_to(smtp_server, ANNA_MAIL)
    assert ticket.number in mail["Subject"] and "/ack/" in mail.get_content()
    [page] = await rows(bot, Page)
    assert (page.staff_object_id, page.status) == (ANNA.object_id, "sent")  # reached: she has her window
    assert [s for s in connector.messages(CARLA.conversation_id) if s.cards] == []  # backup not paged


async def test_a_page_teams_keeps_throttling_goes_out_by_mail_after_two_minutes(bot, connector, clock, smtp_server):
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)
    connector.plan.next(1000, throttled(retry_after=60), conversation_id=ANNA.conversation_id)

    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    assert mails_to(smtp_server, ANNA_MAIL) == []
    clock.advance(timedelta(minutes=2, seconds=1))
    await run_due_jobs(bot, clock.now())

    assert len(mails_to(smtp_server, ANNA_MAIL)) == 1
    [page] = await rows(bot, Page)
    assert page.status == "sent"


async def test_an_out_of_band_deadline_lost_with_its_replica_is_set_again_at_start_up(
    bot, make_bot, connector, clock, smtp_server,
):
    """A timer leaves the store when it fires: a replica that stopped right then took the deadline with it."""
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)
    connector.plan.next(1000, throttled(retry_after=60), conversation_id=ANNA.conversation_id)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    for job in timers(bot):
        if job.id.startswith("page-out-of-band:"):
            job.remove()  # fired on the replica that then died: gone from the store, never sent
    assert [job.id for job in timers(bot) if job.id.startswith("page-out-of-band:")] == []

    restarted = await make_bot(SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp_server.port), SMTP_SECURITY="none",
                               SMTP_FROM="bot@websitenazorg.nl")
    clock.advance(timedelta(minutes=2, seconds=1))
    await run_due_jobs(restarted, clock.now())

    assert len(mails_to(smtp_server, ANNA_MAIL)) == 1
