"""The customer state as a JSON document and back; a document that no longer fits starts afresh."""

from __future__ import annotations

import dataclasses
import logging
import types
import typing
from datetime import datetime
from enum import Enum
from typing import Any

from bot.services.customer.state import QUESTION_TYPES, CustomerState, Question, RecentTicket, ToldWhileClosed

log = logging.getLogger(__name__)
VERSION = 1
_BY_KIND: dict[str, type[Question]] = {cls.kind: cls for cls in QUESTION_TYPES}


def to_document(state: CustomerState) -> dict[str, Any]:
    question = state.question
    return {
        "version": VERSION, "language": state.language, "welcomed": state.welcomed,
        "question": None if question is None else {"kind": question.kind, **_plain(question)},
        "recent_ticket": None if state.recent_ticket is None else _plain(state.recent_ticket),
        "hinted": state.hinted,
        "told": None if state.told is None else _plain(state.told),
    }


def from_document(document: dict[str, Any] | None) -> CustomerState:
    """A state written by an older or broken build is logged and replaced by a fresh one, not a failed turn."""
    if not document:
        return CustomerState()
    try:
        question, recent, told = document.get("question"), document.get("recent_ticket"), document.get("told")
        return CustomerState(
            language=_optional_str(document.get("language")), welcomed=bool(document.get("welcomed")),
            question=None if question is None else _question(question),
            recent_ticket=None if recent is None else _build(RecentTicket, recent), hinted=bool(document.get("hinted")),
            told=None if told is None else _build(ToldWhileClosed, told),
        )
    except (KeyError, TypeError, ValueError) as error:
        log.warning("customer state could not be read (%s): starting afresh", error)
        return CustomerState(welcomed=bool(document.get("welcomed")))


def _question(document: dict[str, Any]) -> Question:
    cls = _BY_KIND[document["kind"]]
    return typing.cast(Question, _build(cls, document))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def _build(cls: type[Any], document: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    values = {f.name: _value(hints[f.name], document[f.name]) for f in dataclasses.fields(cls) if f.name in document}
    return cls(**values)


def _value(hint: Any, raw: Any) -> Any:
    if raw is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        kinds = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _value(kinds[0], raw)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], item) for item in raw)
        return tuple(_value(arg, item) for arg, item in zip(args, raw, strict=True))
    if dataclasses.is_dataclass(hint):
        return _build(typing.cast(type[Any], hint), raw)
    if hint is datetime:
        return datetime.fromisoformat(raw)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(raw)
    if hint is float and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    if hint in (str, bool, int, float) and not isinstance(raw, hint):
        raise TypeError(f"{raw!r} is not a {hint.__name__}")
    return raw


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
