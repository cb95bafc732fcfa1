"""Bot Framework's token issuer, locally: OpenID metadata, a key set and tokens signed with its key.

Production mode checks every request's token against the issuer's published keys
(`BotOpenIdMetadata` points the SDK here instead of login.botframework.com). The SDK fetches the
metadata with a blocking HTTP client on the event loop, so the issuer serves from a thread of its
own: an aiohttp server on the bot's own loop would never get to answer.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.teams.connector_client import ChannelToken

CHANNEL_ISSUER = "https://api.botframework.com"
METADATA_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"


def new_signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeTokenIssuer:
    """Serves the metadata and the key set on loopback; `token()` signs what the Teams channel would send."""

    def __init__(self, *, endorsements: tuple[str, ...] = ("msteams",)):
        self.key, self.kid = new_signing_key(), f"fake-{uuid.uuid4().hex[:8]}"
        self._endorsements = list(endorsements)
        self._server: ThreadingHTTPServer | None = None

    @property
    def metadata_url(self) -> str:
        assert self._server is not None, "start() the issuer first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{METADATA_PATH}"

    def start(self) -> FakeTokenIssuer:
        documents = {METADATA_PATH: None, KEYS_PATH: {"keys": [self._jwk()]}}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(documents))
        documents[METADATA_PATH] = {"issuer": CHANNEL_ISSUER, "jwks_uri": self.metadata_url.replace(METADATA_PATH, KEYS_PATH),
                                    "id_token_signing_alg_values_supported": ["RS256"]}
        threading.Thread(target=self._server.serve_forever, name="fake-token-issuer", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def token(self, *, app_id: str, service_url: str, issuer: str = CHANNEL_ISSUER, lifetime_seconds: int = 3600,
              key: rsa.RSAPrivateKey | None = None) -> str:
        """A channel token as Teams sends it; another `key` or `issuer` makes one the bot must refuse."""
        now = int(time.time())
        claims = {"iss": issuer, "aud": app_id, "serviceurl": service_url, "nbf": now - 60, "iat": now - 60,
                  "exp": now + lifetime_seconds}
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": self.kid})

    def _jwk(self) -> dict[str, Any]:
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {**public, "kid": self.kid, "use": "sig", "endorsements": self._endorsements}


def _handler(documents: dict[str, Any]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            document = documents.get(self.path)
            body = json.dumps(document).encode() if document is not None else b"{}"
            self.send_response(200 if document is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            """Quiet: the test output is not the place for access logs."""

    return Handler


class StaticChannelToken(ChannelToken):
    """Tokens for calling the channel without Azure AD: a fixed bearer token the fake connector takes."""

    def __init__(self, value: str = "fake-channel-token"):
        super().__init__("static", None)
        self._value = value

    async def header(self, *, refresh: bool = False) -> str | None:
        return f"Bearer {self._value}"
