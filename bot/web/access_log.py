"""aiohttp's access log without the secrets some paths carry (acknowledge links, calendar feeds)."""

from __future__ import annotations

import re

from aiohttp.web_log import AccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

SECRET_PATHS = re.compile(r"^(/(?:ack|calendar)/)[^/?#]+")


def redacted(path: str) -> str:
    """`/ack/<token>` -> `/ack/REDACTED`: a token in a log is a link anyone reading the log can use."""
    return SECRET_PATHS.sub(r"\1REDACTED", path)


class RedactingAccessLogger(AccessLogger):
    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        super().log(request.clone(rel_url=redacted(request.rel_url.raw_path)), response, time)
