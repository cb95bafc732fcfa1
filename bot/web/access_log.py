"""aiohttp's access log without the secrets some paths carry (acknowledge links, calendar feeds)."""

from __future__ import annotations

import re
from typing import Any

from aiohttp.web_log import AccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

SECRET_PATHS = re.compile(r"^(/(?:ack|calendar)/)[^/?#]+")


def redacted(path: str) -> str:
    """`/ack/<token>` -> `/ack/REDACTED`: a token in a log is a link anyone reading the log can use."""
    return SECRET_PATHS.sub(r"\1REDACTED", path)


class _RedactedRequest:
    """What the access log reads of a request, with the path's secret cut out (the request is left alone:
    it may have been read already, and cannot be cloned then)."""

    def __init__(self, request: BaseRequest):
        self._request = request

    def __getattr__(self, name: str) -> Any:
        return getattr(self._request, name)

    @property
    def path(self) -> str:
        return redacted(self._request.path)

    @property
    def path_qs(self) -> str:
        return redacted(self._request.path_qs)

    @property
    def raw_path(self) -> str:
        return redacted(self._request.raw_path)


class RedactingAccessLogger(AccessLogger):
    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        super().log(_RedactedRequest(request), response, time)  # type: ignore[arg-type]
