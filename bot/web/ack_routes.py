"""GET /ack/{token} shows the ticket and a button; only POST acknowledges.

Mail scanners and link previews fetch every link in a message, so a GET must change nothing.
The link works until the ticket is acknowledged; afterwards it says who acknowledged. A token we
cannot trust gets a 4xx page, never a stack trace.
"""

from __future__ import annotations

import logging

from aiohttp import web

from bot import keys
from bot.services.ack_links import AckClaim, AckLinks, BadToken, ExpiredToken
from bot.services.ack_port import AckDesk, AckOutcome, TicketGlance
from bot.web import ack_pages
from bot.policy import TicketStatus

log = logging.getLogger(__name__)
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the token is in the URL
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "frame-ancestors 'none'",
}


def add_ack_routes(app: web.Application) -> None:
    """Registers the routes when acknowledge links are configured; the desk is looked up per request
    (it is bound when the bot starts, after the routes are frozen)."""
    settings = app[keys.SETTINGS].out_of_band.ack_links
    if settings is None:
        return
    pages = AckPages(AckLinks(settings.secret, settings.public_base_url, app[keys.CLOCK]))
    app.router.add_get("/ack/{token}", pages.show)
    app.router.add_post("/ack/{token}", pages.acknowledge)


class AckPages:
    def __init__(self, links: AckLinks):
        self._links = links

    async def show(self, request: web.Request) -> web.Response:
        claim = self._claim(request)
        glance = await _desk(request).glance(claim.staff_object_id, claim.ticket_number)
        if glance is None:
            return _html(ack_pages.invalid("ack_link_invalid"), 404)
        if glance.acknowledged_by:
            return _already(glance.language, glance.ticket_number, glance.acknowledged_by)
        if glance.status == TicketStatus.RESOLVED:
            return _html(ack_pages.closed(glance))
        return _html(ack_pages.ask(glance))

    async def acknowledge(self, request: web.Request) -> web.Response:
        claim, desk = self._claim(request), _desk(request)
        glance = await desk.glance(claim.staff_object_id, claim.ticket_number)
        if glance is None:
            return _html(ack_pages.invalid("ack_link_invalid"), 404)
        if glance.status == TicketStatus.RESOLVED and not glance.acknowledged_by:
            return _html(ack_pages.closed(glance))
        result = await desk.acknowledge(claim.staff_object_id, claim.ticket_number)
        return _outcome(glance, result.outcome, result.by)

    def _claim(self, request: web.Request) -> AckClaim:
        try:
            return self._links.verify(request.match_info["token"])
        except ExpiredToken:
            raise _refusal("ack_link_expired", 400) from None
        except BadToken as error:
            log.warning("acknowledge link refused (%s) from %s", error, request.remote)
            raise _refusal("ack_link_invalid", 404) from None


def _outcome(glance: TicketGlance, outcome: AckOutcome, by: str) -> web.Response:
    lang, number = glance.language, glance.ticket_number
    match outcome:
        case AckOutcome.FIRST:
            return _html(ack_pages.message(lang, number, "desk_acknowledged"))
        case AckOutcome.ALREADY:
            return _already(lang, number, by)
        case AckOutcome.NO_TICKET:
            return _html(ack_pages.message(lang, number, "desk_unknown_ticket"), 404)
        case _:
            return _html(ack_pages.invalid("ack_link_invalid"), 404)


def _already(lang: str, number: str, by: str) -> web.Response:
    return _html(ack_pages.message(lang, number, "desk_already_acknowledged", name=by))


def _desk(request: web.Request) -> AckDesk:
    return request.app[keys.ACK_DESK]


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8", headers=_HEADERS)


def _refusal(key: str, status: int) -> web.HTTPException:
    error = web.HTTPNotFound if status == 404 else web.HTTPBadRequest
    return error(text=ack_pages.invalid(key), content_type="text/html", headers=_HEADERS)
