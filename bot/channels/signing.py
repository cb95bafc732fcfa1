"""The webhook signature: HMAC-SHA256 over "<timestamp>.<body>", sent as `sha256=<hex>`.

Signing the timestamp with the body lets a receiver refuse a replayed request: it checks the
signature, then that the timestamp is recent, then that it has not seen the delivery id before.
`verify` is the reference a receiver's code can be checked against (see docs/paging.md).
"""

from __future__ import annotations

import hashlib
import hmac

TIMESTAMP_HEADER = "X-Supportbot-Timestamp"
SIGNATURE_HEADER = "X-Supportbot-Signature"
DELIVERY_HEADER = "X-Supportbot-Delivery"
SCHEME = "sha256="
TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The header value for this timestamp (Unix seconds, as sent) and this exact body."""
    digest = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return SCHEME + digest.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str, now: float,
           tolerance: int = TOLERANCE_SECONDS) -> bool:
    """True for a genuine, recent request; compares in constant time."""
    if not timestamp.isdigit() or abs(now - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body).encode("ascii"), signature.encode("utf-8"))
