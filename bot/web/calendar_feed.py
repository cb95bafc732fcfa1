"""GET /calendar/{token}.ics: a staff member's on-call shifts, or the whole schedule, for Outlook.

The secret token is the only credential (calendar apps cannot sign in); an unknown or revoked
token gets 404, the same as a wrong path, so nothing tells a guesser that a token once existed.
"""

from __future__ import annotations

from aiohttp import web

from bot import keys

CONTENT_TYPE = "text/calendar"


def setup_calendar_feeds(app: web.Application) -> None:
    app.router.add_get("/calendar/{token}.ics", calendar_feed)


async def calendar_feed(request: web.Request) -> web.Response:
    document = await request.app[keys.ON_CALL].feeds.document(request.match_info["token"])
    if document is None:
        raise web.HTTPNotFound()
    headers = {"Cache-Control": "private, max-age=900", "Content-Disposition": 'inline; filename="on-call.ics"'}
    return web.Response(body=document, content_type=CONTENT_TYPE, charset="utf-8", headers=headers)
