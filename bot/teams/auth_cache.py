"""Each channel token checked once, not on every request it comes with.

Teams sends the same Bot Framework token with every activity for up to an hour. The SDK checks
it in full each time (decoding it four times, rebuilding the signing key from the JWK, verifying
the RSA signature): a tenth of a turn. A token that passed is remembered, with the channel and
the service URL it passed for, until it expires; a token that failed is never remembered, and a
new service URL or channel is checked in full. The SDK itself keeps the signing keys for a day.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import jwt
from botbuilder.schema import Activity
from botframework.connector.auth import BotFrameworkAuthentication

MAX_TOKENS = 1024  # distinct (token, channel, service URL) remembered; the oldest go first


class CheckedTokens:
    """Wraps the SDK's authentication (`authenticate_request`) with the memory of passed tokens."""

    def __init__(self, inner: BotFrameworkAuthentication, *, now: Callable[[], float] = time.time,
                 size: int = MAX_TOKENS):
        self._inner, self._now, self._size = inner, now, size
        self._passed: OrderedDict[tuple[str, str, str], float] = OrderedDict()

    async def authenticate_request(self, activity: Activity, auth_header: str) -> Any:
        key = (auth_header, str(activity.channel_id), str(activity.service_url))
        expires = self._passed.get(key)
        if expires is not None and expires > self._now():
            self._passed.move_to_end(key)
            return None
        self._passed.pop(key, None)
        result = await self._inner.authenticate_request(activity, auth_header)
        expiry = _expiry(auth_header)
        if expiry is not None:
            self._passed[key] = expiry
            while len(self._passed) > self._size:
                self._passed.popitem(last=False)
        return result


def _expiry(auth_header: str) -> float | None:
    """The token's `exp`, read without checking (it was just checked); None: nothing to remember."""
    scheme, _, token = auth_header.partition(" ")
    if scheme != "Bearer" or not token:
        return None
    try:
        expires = jwt.decode(token, options={"verify_signature": False}).get("exp")
    except jwt.PyJWTError:
        return None
    return float(expires) if isinstance(expires, int | float) else None
