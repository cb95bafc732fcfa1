"""Signed acknowledge links for pages sent outside Teams: whoever holds the link may acknowledge
that one ticket as that one staff member, until the link expires.

A token is `<payload>.<mac>`, both base64url: the payload is the JSON list [ticket number, staff
object id, issued-at in Unix seconds]; the mac is HMAC-SHA256 over a version prefix and the payload.
Verification compares in constant time and checks the age against the injected clock.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from bot.services.clock import Clock

LINK_VALIDITY = timedelta(hours=24)  # longer than any page chain; a stale link is refused
CLOCK_SKEW = timedelta(minutes=5)  # another replica's clock may run slightly ahead
_DOMAIN = b"supportbot-ack-v1."  # a token for another purpose, signed with the same secret, never matches
_MAX_TOKEN_LENGTH = 600


class BadToken(Exception):
    """Not a token we issued: malformed, forged, or for another secret."""


class ExpiredToken(Exception):
    """A token we issued, but too old (or from the future beyond the allowed skew)."""


@dataclass(frozen=True, slots=True)
class AckClaim:
    """What a valid token says: this staff member may acknowledge this ticket."""

    ticket_number: str
    staff_object_id: str
    issued_at: datetime


class AckLinks:
    """Issues and checks the tokens; the secret comes from ACK_LINK_SECRET."""

    def __init__(self, secret: str, public_base_url: str, clock: Clock, *, validity: timedelta = LINK_VALIDITY):
        self._key = secret.encode("utf-8")
        self._base = public_base_url.rstrip("/")
        self._clock, self._validity = clock, validity

    def url_for(self, ticket_number: str, staff_object_id: str) -> str:
        """The link that goes into the e-mail and the gateway message."""
        return f"{self._base}/ack/{quote(self.issue(ticket_number, staff_object_id), safe='')}"

    def issue(self, ticket_number: str, staff_object_id: str) -> str:
        issued = int(self._clock.now().timestamp())
        payload = json.dumps([ticket_number, staff_object_id, issued], separators=(",", ":")).encode("utf-8")
        return f"{_encode(payload)}.{_encode(self._mac(payload))}"

    def verify(self, token: str) -> AckClaim:
        """The claim, or BadToken / ExpiredToken; the signature is checked before anything is parsed."""
        payload = self._authentic_payload(token)
        claim = _parse(payload)
        now = self._clock.now()
        if claim.issued_at > now + CLOCK_SKEW or now - claim.issued_at > self._validity:
            raise ExpiredToken(claim.ticket_number)
        return claim

    def _authentic_payload(self, token: str) -> bytes:
        if len(token) > _MAX_TOKEN_LENGTH or token.count(".") != 1:
            raise BadToken("malformed")
        encoded_payload, encoded_mac = token.split(".")
        payload, mac = _decode(encoded_payload), _decode(encoded_mac)
        if not hmac.compare_digest(mac, self._mac(payload)):
            raise BadToken("signature")
        return payload

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._key, _DOMAIN + payload, hashlib.sha256).digest()


def _parse(payload: bytes) -> AckClaim:
    try:
        number, staff, issued = json.loads(payload)
    except (ValueError, TypeError) as error:
        raise BadToken("payload") from error
    if not (isinstance(number, str) and isinstance(staff, str) and isinstance(issued, int)):
        raise BadToken("payload")
    try:
        return AckClaim(number, staff, datetime.fromtimestamp(issued, timezone.utc))
    except (OverflowError, OSError, ValueError) as error:
        raise BadToken("issued-at") from error


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise BadToken("encoding") from error
