"""The acknowledge pages over HTTP, with a fake acknowledge port: GET shows, only POST acknowledges."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from aiohttp import web

from bot import keys
from bot.config.settings import load_settings
from bot.services.ack_links import AckLinks
from bot.services.ack_port import AckOutcome, AckResult, TicketGlance
from bot.web.ack_routes import add_ack_routes
from fakes.clock import FakeClock, amsterdam
from fakes.out_of_band import ACK_SECRET

ANNA, CARLA = "aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000003"
NAMES = {ANNA: "Anna Bakker", CARLA: "Carla Visser"}
NIGHT = amsterdam(2026, 11, 28, 3, 20)


class FakeDesk:
    """Tickets in memory; acknowledging records who pressed, first press wins."""

    def __init__(self, *tickets: TicketGlance):
        self.tickets = {t.ticket_number: t for t in tickets}
        self.presses: list[tuple[str, str]] = []

    async def glance(self, staff_object_id: str, ticket_number: str) -> TicketGlance | None:
        ticket = self.tickets.get(ticket_number)
        return ticket if ticket and staff_object_id in NAMES else None

    async def acknowledge(self, staff_object_id: str, ticket_number: str) -> AckResult:
        self.presses.append((staff_object_id, ticket_number))
        ticket = self.tickets.get(ticket_number)
        if ticket is None:
            return AckResult(AckOutcome.NO_TICKET, ticket_number)
        if ticket.acknowledged_by:
            return AckResult(AckOutcome.ALREADY, ticket_number, ticket.acknowledged_by)
        self.tickets[ticket_number] = replace(ticket, acknowledged_by=NAMES[staff_object_id], status="acknowledged")
        return AckResult(AckOutcome.FIRST, ticket_number, NAMES[staff_object_id])


def glance(**changes) -> TicketGlance:
    values = dict(
        ticket_number="T-2026-0042", language="nl", organisation="Bakkerij <de Vries> & Zn",
        reporter="Petra de Vries", description='<script>alert("x")</script> niemand kan inloggen', status="open",
    )
    return TicketGlance(**{**values, **changes})


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NIGHT)


@pytest.fixture
def desk() -> FakeDesk:
    return FakeDesk(glance(), glance(ticket_number="T-2026-0007", language="en", status="resolved"))


@pytest.fixture
def links(clock) -> AckLinks:
    return AckLinks(ACK_SECRET, "https://bot.example.nl", clock)


@pytest.fixture
async def client(aiohttp_client, clock, desk):
    app = web.Application()
    app[keys.SETTINGS] = load_settings({"PUBLIC_URL": "https://bot.example.nl", "ACK_LINK_SECRET": ACK_SECRET})
    app[keys.CLOCK] = clock
    add_ack_routes(app)
    app[keys.ACK_DESK] = desk
    return await aiohttp_client(app)


def path(links: AckLinks, number: str = "T-2026-0042", staff: str = ANNA) -> str:
    return "/ack/" + links.issue(number, staff)


async def test_opening_the_link_shows_the_ticket_and_a_button_but_acknowledges_nothing(client, links, desk):
    response = await client.get(path(links))
    page = await response.text()

    assert response.status == 200 and response.content_type == "text/html"
    assert "Noodmelding T-2026-0042" in page and "Ik pak het op" in page
    assert '<form method="post">' in page
    assert "Bakkerij &lt;de Vries&gt; &amp; Zn" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; niemand kan inloggen" in page
    assert "<script>" not in page
    assert response.headers["Referrer-Policy"] == "no-referrer" and response.headers["Cache-Control"] == "no-store"
    assert desk.presses == [] and desk.tickets["T-2026-0042"].acknowledged_by is None


async def test_pressing_acknowledges_and_a_second_press_or_a_colleague_hears_who_has_it(client, links, desk):
    first = await client.post(path(links))
    assert first.status == 200
    assert "U heeft T-2026-0042 bevestigd; de klant weet dat u ermee bezig bent." in await first.text()

    again = await client.post(path(links))
    assert "Melding T-2026-0042 was al bevestigd door Anna Bakker." in await again.text()
    colleague = await client.post(path(links, staff=CARLA))
    assert "was al bevestigd door Anna Bakker" in await colleague.text()
    opened_later = await client.get(path(links, staff=CARLA))
    assert "was al bevestigd door Anna Bakker" in await opened_later.text()
    assert "Ik pak het op" not in await opened_later.text()
    assert desk.presses == [(ANNA, "T-2026-0042"), (ANNA, "T-2026-0042"), (CARLA, "T-2026-0042")]


async def test_a_tampered_token_is_refused_with_a_page_not_an_error(client, links, desk):
    token = links.issue("T-2026-0042", ANNA)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for response in (await client.get(f"/ack/{tampered}"), await client.post(f"/ack/{tampered}"), await client.get("/ack/x")):
        page = await response.text()
        assert response.status == 404
        assert "Deze bevestigingslink klopt niet" in page and "This acknowledge link is not valid" in page
    assert desk.presses == []


async def test_an_expired_link_says_so(client, links, clock, desk):
    token_path = path(links)
    clock.advance(timedelta(days=2))
    response = await client.post(token_path)
    assert response.status == 400 and "verlopen" in await response.text()
    assert desk.presses == []


async def test_a_ticket_that_is_gone_or_a_staff_member_who_left_gets_a_not_found_page(client, links, desk):
    assert (await client.get(path(links, number="T-2026-9999"))).status == 404
    assert (await client.post(path(links, staff="someone-who-left"))).status == 404
    assert desk.presses == []


async def test_a_resolved_ticket_is_not_acknowledged_any_more(client, links, desk):
    response = await client.post(path(links, number="T-2026-0007"))
    assert "Report T-2026-0007 is no longer open: resolved." in await response.text()
    assert desk.presses == []
