"""The acknowledge link on the running bot: a night emergency, acknowledged from the link, on both databases."""

from __future__ import annotations

from bot import keys
from bot.services.ack_links import AckLinks
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.http_helpers import rows
from fakes.out_of_band import ACK_SECRET
from fakes.people import ANNA, CARLA, CUSTOMER
from storage.models import Page, Ticket

SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)


async def test_an_engineer_acknowledges_a_night_emergency_from_the_link(make_bot, clock, connector):
    bot = await make_bot()
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, "Niemand kan meer mailen of inloggen, alles ligt plat")
    [ticket] = await rows(bot, Ticket)
    links = AckLinks(ACK_SECRET, "http://127.0.0.1:3978", clock)
    anna_link, carla_link = (f"/ack/{links.issue(ticket.number, who.object_id)}" for who in (ANNA, CARLA))

    shown = await bot.get(anna_link)
    assert shown.status == 200
    page = await shown.text()
    assert ticket.number in page and "Bakkerij de Vries B.V." in page and "Petra de Vries" in page
    assert (await rows(bot, Ticket))[0].acknowledged_at is None  # opening the link changes nothing

    pressed = await bot.post(anna_link)
    assert f"U heeft {ticket.number} bevestigd" in await pressed.text()
    [ticket] = await rows(bot, Ticket)
    assert ticket.acknowledged_at is not None and ticket.status == "acknowledged"
    assert [p.status for p in await rows(bot, Page)] == ["acknowledged"]
    told = [t for t in connector.texts(CUSTOMER.conversation_id) if "Anna Bakker heeft uw melding" in t]
    assert len(told) == 1 and ticket.number in told[0]

    for again in (await bot.post(anna_link), await bot.post(carla_link), await bot.get(carla_link)):
        assert f"Melding {ticket.number} was al bevestigd door Anna Bakker." in await again.text()
    assert len([t for t in connector.texts(CUSTOMER.conversation_id) if "Anna Bakker heeft uw melding" in t]) == 1


async def test_without_the_settings_there_are_no_acknowledge_routes(make_bot):
    bot = await make_bot(PUBLIC_URL="", ACK_LINK_SECRET="")
    assert (await bot.get("/ack/anything")).status == 404
    assert keys.OUT_OF_BAND not in bot.app


async def test_the_link_in_the_mail_the_pager_sent_acknowledges_on_the_bot(make_bot, clock, connector, smtp_server):
    bot = await make_bot(SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp_server.port), SMTP_SECURITY="none",
                         SMTP_FROM="bot@websitenazorg.nl")
    pager = bot.app[keys.OUT_OF_BAND]
    assert pager.channel_names == ("e-mail",)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, "Niemand kan meer mailen of inloggen, alles ligt plat")
    [ticket] = await rows(bot, Ticket)

    # Nobody on the page chain has a Teams chat with the bot: the chain runs out in Teams, and
    # everyone on it is paged out of band, each with their own acknowledge link.
    mails = {tuple(recipients): mail for recipients, mail in smtp_server.mails}
    assert ("carla.visser@websitenazorg.nl",) in mails
    mail = mails[("carla.visser@websitenazorg.nl",)]
    assert ticket.number in mail["Subject"]
    [link] = [word for word in mail.get_content().split() if word.startswith("http://127.0.0.1:3978/ack/")]
    pressed = await bot.post(link.removeprefix("http://127.0.0.1:3978"))
    assert f"U heeft {ticket.number} bevestigd" in await pressed.text()
    assert (await rows(bot, Ticket))[0].acknowledged_by_id is not None
    assert any("Carla Visser heeft uw melding" in t for t in connector.texts(CUSTOMER.conversation_id))
