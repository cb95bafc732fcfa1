"""Log records as one JSON object per line, so a log shipper can index them without parsing prose.

Context travels two ways. The inbox sets the turn's conversation and activity ids with
`log_context(...)` (a context variable, so every line of that turn carries them, whichever module
logs), and a ticket number is added once the turn knows it (`add_to_log_context(ticket=...)`).
`extra=` works too: `log.info("paged", extra={"ticket": "T-2026-0001"})`; it wins over the context.
Only the context fields named below are copied, so a stray `extra` never leaks message text.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Literal, TextIO

LogFormat = Literal["json", "text"]
LOG_FORMATS: tuple[LogFormat, ...] = ("json", "text")
CONTEXT_FIELDS = ("conversation_id", "activity_id", "ticket")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_context: ContextVar[Mapping[str, str]] = ContextVar("log_context", default={})


@contextmanager
def log_context(*, fresh: bool = False, **fields: str | None) -> Iterator[None]:
    """Every log line inside carries these fields (None ones are left out) besides the outer ones, or
    instead of them when `fresh`; the outer ones come back after."""
    token = _context.set({**({} if fresh else _context.get()), **_known(fields)})
    try:
        yield
    finally:
        _context.reset(token)


def add_to_log_context(**fields: str | None) -> None:
    """Add fields for the rest of the enclosing `log_context` (a ticket number the turn just learned).
    Outside any `log_context` it does nothing, so nothing sticks to a long-lived task."""
    current = _context.get()
    if current:
        _context.set({**current, **_known(fields)})


def current_log_context() -> Mapping[str, str]:
    return _context.get()


def _known(fields: Mapping[str, str | None]) -> dict[str, str]:
    unknown = set(fields) - set(CONTEXT_FIELDS)
    if unknown:
        raise ValueError(f"not a log context field: {', '.join(sorted(unknown))}")
    return {name: value for name, value in fields.items() if value is not None}


class JsonFormatter(logging.Formatter):
    """One line per event: time (UTC, ISO 8601), level, logger, message, context, exception."""

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        context = _context.get()
        for field in CONTEXT_FIELDS:
            value = getattr(record, field, None)
            if value is None:
                value = context.get(field)
            if value is not None:
                event[field] = value
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        return json.dumps(event, ensure_ascii=False, default=str)


def configure_logging(level: str, log_format: LogFormat, stream: TextIO | None = None) -> None:
    """Replace the root handlers with one that writes `log_format` to `stream` (stderr by default)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
