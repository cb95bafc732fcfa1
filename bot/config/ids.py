"""Azure AD ids in one spelling (lower-case GUIDs), so a tenant or person compares equal however it was typed."""

from __future__ import annotations

import re

_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def normal_guid(value: object) -> str | None:
    """'{AAAA…}' or ' AAAA… ' becomes 'aaaa…'; anything that is not a GUID becomes None."""
    if not isinstance(value, str):
        return None
    candidate = value.strip().strip("{}").lower()
    return candidate if _GUID.fullmatch(candidate) else None
