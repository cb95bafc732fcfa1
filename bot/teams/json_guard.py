"""The request body before the SDK sees it: bounded depth, storable strings, protocol fields of the right type.

Python's JSON parser recurses, so a body nested thousands deep raises RecursionError; msrest
recurses again and keeps wrongly typed fields (an `id` that is a number, a `text` that is a list).
Everything here turns such a body into a 400 with a reason, and replaces NUL and lone surrogates
in every string (and key), so nothing downstream (PostgreSQL, SQLite's encoder, JSON columns) fails.
"""

from __future__ import annotations

import json
import math
from typing import Any

from bot.teams.normalise import storable

MAX_DEPTH = 32
# Strings the bot reads or stores, with their longest sensible length (ids are keys of other rows).
_STRING_FIELDS: dict[tuple[str, ...], int] = {
    ("type",): 64, ("id",): 256, ("channelId",): 64, ("serviceUrl",): 512, ("locale",): 4096, ("text",): 10**6,
    ("textFormat",): 64, ("name",): 4096, ("replyToId",): 256, ("action",): 64,
    ("from", "id"): 1024, ("from", "name"): 4096, ("from", "aadObjectId"): 1024,
    ("recipient", "id"): 1024, ("recipient", "name"): 4096,
    ("conversation", "id"): 400, ("conversation", "tenantId"): 1024, ("conversation", "conversationType"): 64,
}  # fmt: skip
_OBJECT_FIELDS: tuple[tuple[str, ...], ...] = (("from",), ("recipient",), ("conversation",), ("channelData",))
_LIST_FIELDS: tuple[tuple[str, ...], ...] = (("entities",), ("attachments",), ("membersAdded",), ("membersRemoved",), ("reactionsAdded",))


class UnsafeBody(ValueError):
    """The body cannot be processed safely; the message says why."""


def loads(raw: bytes) -> Any:
    """JSON text to Python, with every way the parser can fail reported as UnsafeBody."""
    try:
        return json.loads(raw, parse_constant=_no_constants, parse_float=_finite)
    except RecursionError as error:
        raise UnsafeBody(f"JSON nested more than {MAX_DEPTH} deep") from error
    except (UnicodeDecodeError, ValueError) as error:  # JSONDecodeError, and integers too long to convert
        raise UnsafeBody(f"body is not valid JSON: {error}") from error


def _finite(text: str) -> float:
    """1e400 parses to infinity, which PostgreSQL's JSON columns refuse as surely as Infinity."""
    value = float(text)
    if math.isinf(value):
        raise UnsafeBody(f"{text[:40]} is too large for a JSON number here")
    return value


def _no_constants(name: str) -> Any:
    """NaN and Infinity are not JSON; PostgreSQL's JSON columns refuse them."""
    raise UnsafeBody(f"{name} is not a JSON number")


def checked(body: dict[str, Any]) -> dict[str, Any]:
    """A copy of `body` with storable strings, after the depth and field checks; UnsafeBody otherwise."""
    _check_depth(body)
    clean = _scrubbed(body)
    for path in _OBJECT_FIELDS:
        if _at(clean, path) is not None and not isinstance(_at(clean, path), dict):
            raise UnsafeBody(f"'{'.'.join(path)}' must be an object")
    for path in _LIST_FIELDS:
        if _at(clean, path) is not None and not isinstance(_at(clean, path), list):
            raise UnsafeBody(f"'{'.'.join(path)}' must be a list")
    for path, longest in _STRING_FIELDS.items():
        value = _at(clean, path)
        if value is not None and (not isinstance(value, str) or len(value) > longest):
            raise UnsafeBody(f"'{'.'.join(path)}' must be a string of at most {longest} characters")
    return clean


def _check_depth(body: Any) -> None:
    """Iterative, so the check itself cannot overflow the stack."""
    pending: list[tuple[Any, int]] = [(body, 1)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise UnsafeBody(f"JSON nested more than {MAX_DEPTH} deep")
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))


def _scrubbed(node: Any) -> Any:
    if isinstance(node, str):
        return storable(node)
    if isinstance(node, dict):
        return {storable(key): _scrubbed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_scrubbed(item) for item in node]
    return node


def _at(body: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = body
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node
