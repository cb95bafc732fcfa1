"""Production logs are one JSON object per line, with the ids an operator searches by."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.config.errors import ConfigError
from bot.config.settings import load_settings
from bot.observability.logging import configure_logging

PRODUCTION = {"MicrosoftAppId": "00000000-0000-4000-8000-000000000001", "MicrosoftAppPassword": "pw"}


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def lines_logged(log_format: str, emit) -> list[str]:
    stream = io.StringIO()
    configure_logging("INFO", log_format, stream)  # type: ignore[arg-type]
    emit(logging.getLogger("supportbot.test"))
    return stream.getvalue().splitlines()


@pytest.mark.usefixtures("restore_root_logger")
def test_a_json_line_carries_time_level_logger_message_and_the_context_ids() -> None:
    lines = lines_logged("json", lambda log: log.warning(
        "page %s timed out", "P-7",
        extra={"conversation_id": "a:1", "activity_id": "act-9", "ticket": "T-2026-0001", "text": "secret words"},
    ))
    assert len(lines) == 1
    event = json.loads(lines[0])
    assert event["level"] == "WARNING" and event["logger"] == "supportbot.test"
    assert event["message"] == "page P-7 timed out"
    assert (event["conversation_id"], event["activity_id"], event["ticket"]) == ("a:1", "act-9", "T-2026-0001")
    assert event["time"].endswith("+00:00") and "T" in event["time"]
    assert "text" not in event, "only the named context fields are copied from extra"


@pytest.mark.usefixtures("restore_root_logger")
def test_a_multi_line_message_and_its_traceback_stay_on_one_line() -> None:
    def emit(log: logging.Logger) -> None:
        try:
            raise RuntimeError("connector down")
        except RuntimeError:
            log.exception("delivery failed\nsecond line", extra={"conversation_id": "a:2"})

    lines = lines_logged("json", emit)
    assert len(lines) == 1
    event = json.loads(lines[0])
    assert event["message"] == "delivery failed\nsecond line" and event["level"] == "ERROR"
    assert "RuntimeError: connector down" in event["exception"]
    assert "activity_id" not in event


@pytest.mark.usefixtures("restore_root_logger")
def test_text_format_is_the_readable_one_and_below_the_level_nothing_is_written() -> None:
    lines = lines_logged("text", lambda log: (log.debug("hidden"), log.info("listening on %s", 3978)))
    assert len(lines) == 1 and lines[0].endswith("INFO supportbot.test: listening on 3978")


def test_log_format_defaults_to_json_in_production_and_text_in_development() -> None:
    assert load_settings(PRODUCTION).log_format == "json"
    assert load_settings({}).log_format == "text"
    assert load_settings({**PRODUCTION, "LOG_FORMAT": "Text"}).log_format == "text"
    assert load_settings({"LOG_FORMAT": "json"}).log_format == "json"


def test_an_unknown_log_format_is_refused_by_name() -> None:
    with pytest.raises(ConfigError, match="LOG_FORMAT: 'xml' is not one of json, text"):
        load_settings({"LOG_FORMAT": "xml"})
