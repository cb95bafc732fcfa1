"""How many rows a statement changed: an UPDATE or DELETE result is a CursorResult, whatever its type says."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Result


def changed(result: Result[Any]) -> int:
    return cast(CursorResult[Any], result).rowcount or 0
