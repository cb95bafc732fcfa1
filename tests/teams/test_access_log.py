"""Secrets in paths (acknowledge links, calendar feeds) never reach the access log."""

from __future__ import annotations

import logging

from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from bot.web.access_log import RedactingAccessLogger, redacted


def test_tokens_in_paths_are_cut_and_other_paths_kept():
    assert redacted("/ack/eyJ0aWNrZXQi.abc") == "/ack/REDACTED"
    assert redacted("/calendar/s3cr3t-t0ken.ics") == "/calendar/REDACTED"
    assert redacted("/api/messages") == "/api/messages"
    assert redacted("/readyz") == "/readyz"


def test_the_access_log_line_has_no_token(caplog):
    logger = logging.getLogger("test.access")
    access = RedactingAccessLogger(logger, '%r %s')
    request = make_mocked_request("GET", "/calendar/s3cr3t-t0ken.ics")
    with caplog.at_level(logging.INFO, logger="test.access"):
        access.log(request, web.Response(status=200), 0.01)
    assert "s3cr3t" not in caplog.text
    assert "GET /calendar/REDACTED HTTP/1.1" in caplog.text


def test_a_request_whose_body_was_read_is_logged_too(caplog):
    logger = logging.getLogger("test.access")
    access = RedactingAccessLogger(logger, '%r %s')
    request = make_mocked_request("POST", "/ack/t0ken", payload=None)
    request._read_bytes = b"{}"  # aiohttp will not clone a request after its body was read
    with caplog.at_level(logging.INFO, logger="test.access"):
        access.log(request, web.Response(status=200), 0.01)
    assert "POST /ack/REDACTED HTTP/1.1 200" in caplog.text
