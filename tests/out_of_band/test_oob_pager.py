"""The pager: every channel at once; one that fails or hangs never stops the others."""

from __future__ import annotations

import asyncio
import logging

from bot.channels.mail import MailChannel
from bot.config.operator import StaffMember
from bot.config.out_of_band import SmtpSettings
from bot.services.ack_links import AckLinks
from bot.services.out_of_band import OutOfBandPage, OutOfBandPager, OutOfBandReason
from fakes.clock import FakeClock, amsterdam
from fakes.out_of_band import ACK_SECRET, Inbox, make_page

CLOCK = FakeClock(amsterdam(2026, 11, 28, 3, 20))


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.pages: list[OutOfBandPage] = []

    async def send(self, page: OutOfBandPage) -> bool:
        self.pages.append(page)
        return True


class Broken:
    name = "broken"

    async def send(self, page: OutOfBandPage) -> bool:
        raise ConnectionResetError("gateway reset the connection")


class Hanging:
    name = "hanging"

    def __init__(self) -> None:
        self.cancelled = False

    async def send(self, page: OutOfBandPage) -> bool:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        return True


async def test_a_hanging_and_a_broken_channel_do_not_stop_the_mail(smtp_server: Inbox, caplog):
    hanging = Hanging()
    mail = MailChannel(SmtpSettings("127.0.0.1", smtp_server.port, "bot@websitenazorg.nl", "none"), CLOCK)
    pager = OutOfBandPager([hanging, Broken(), mail], deadline=0.5)

    with caplog.at_level(logging.INFO):
        assert await pager.page(make_page())

    [(recipients, _)] = smtp_server.mails
    assert recipients == ["anna.bakker@websitenazorg.nl"]
    assert hanging.cancelled
    assert "out-of-band broken for T-2026-0042 failed" in caplog.text
    assert "out-of-band hanging for T-2026-0042 gave no answer" in caplog.text


async def test_when_no_channel_takes_the_page_it_says_so_loudly(caplog):
    pager = OutOfBandPager([Broken(), Hanging()], deadline=0.1)
    assert not await pager.page(make_page())
    assert "EMERGENCY T-2026-0042: no out-of-band channel reached" in caplog.text


async def test_a_page_is_composed_from_the_directory_with_a_link_that_verifies():
    links = AckLinks(ACK_SECRET, "https://bot.example.nl", CLOCK)
    recording = Recording()
    pager = OutOfBandPager([recording], links=links)
    carla = StaffMember(object_id="aaaaaaaa-0000-4000-8000-000000000003", name="Carla Visser", role="senior", email="carla@websitenazorg.nl", phone="+31 6 0000 0003")

    page = pager.compose(
        ticket_number="T-2026-0042", organisation="Bakkerij de Vries B.V.", reporter="Petra de Vries",
        description="alles ligt plat", staff=carla, language="en", reason=OutOfBandReason.ROUND_UNANSWERED,
    )
    assert await pager.page(page)

    [sent] = recording.pages
    assert (sent.staff_email, sent.staff_phone, sent.staff_name) == ("carla@websitenazorg.nl", "+31 6 0000 0003", "Carla Visser")
    assert sent.acknowledge_url is not None and sent.acknowledge_url.startswith("https://bot.example.nl/ack/")
    claim = links.verify(sent.acknowledge_url.rsplit("/", 1)[1])
    assert (claim.ticket_number, claim.staff_object_id) == ("T-2026-0042", carla.object_id)
