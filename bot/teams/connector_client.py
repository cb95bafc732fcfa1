"""The Bot Connector REST calls the sender needs, over one pooled aiohttp session.

Replaces msrest's ConnectorClient on the send path: botbuilder builds a new client, retry policy and
token client for every turn, and sends through a thread pool, so one slow send held up others.
Paths and bodies: Bot Framework REST API v3 ("Send to conversation", "Create conversation").
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp
from botframework.connector.auth import AuthenticationConstants, ServiceClientCredentialsFactory

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ConnectorAnswer:
    """Status 0: no HTTP answer at all (reset, refused, timed out)."""

    status: int
    body: dict[str, Any]
    retry_after: str | None = None
    error: str = ""


class ChannelToken:
    """`Authorization` header for calls to the channel; None in development mode (no app id).

    The SDK's credentials object fetches tokens with a blocking HTTP client; it runs off the event
    loop, at most once per token lifetime (it caches), so sends never wait on a thread pool otherwise.
    """

    REFRESH_SECONDS = 30 * 60

    def __init__(self, app_id: str | None, factory: ServiceClientCredentialsFactory | None):
        self._app_id, self._factory = app_id, factory
        self._header: str | None = None
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def header(self, *, refresh: bool = False) -> str | None:
        if not self._app_id or self._factory is None:
            return None
        async with self._lock:
            stale = time.monotonic() - self._fetched_at > self.REFRESH_SECONDS
            if self._header is None or stale or refresh:
                credentials = await self._factory.create_credentials(
                    self._app_id, AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
                    AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL, True,
                )
                token = await asyncio.to_thread(credentials.get_access_token, refresh)
                self._header, self._fetched_at = f"Bearer {token}", time.monotonic()
            return self._header


class ConnectorClient:
    """POSTs to the channel's service URL with a timeout; never raises for a failed call."""

    def __init__(self, http: aiohttp.ClientSession, token: ChannelToken, *, timeout_seconds: float = 10.0):
        self._http, self._token = http, token
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    async def send(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> ConnectorAnswer:
        url = f"{_base(service_url)}v3/conversations/{quote(conversation_id, safe='')}/activities"
        reply_to = activity.get("replyToId")
        if reply_to:
            url += f"/{quote(str(reply_to), safe='')}"
        return await self._post(url, activity)

    async def create_conversation(self, service_url: str, parameters: dict[str, Any]) -> ConnectorAnswer:
        return await self._post(f"{_base(service_url)}v3/conversations", parameters)

    async def _post(self, url: str, body: dict[str, Any]) -> ConnectorAnswer:
        try:
            answer = await self._post_once(url, body, await self._token.header())
            if answer.status == 401 and await self._token.header() is not None:
                answer = await self._post_once(url, body, await self._token.header(refresh=True))
            return answer
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            return ConnectorAnswer(0, {}, error=f"{type(error).__name__}: {error}")
        except Exception as error:  # a token that cannot be had is a transient fault too, and logged
            log.exception("could not call the connector at %s", url)
            return ConnectorAnswer(0, {}, error=f"{type(error).__name__}: {error}")

    async def _post_once(self, url: str, body: dict[str, Any], authorization: str | None) -> ConnectorAnswer:
        headers = {"Authorization": authorization} if authorization else {}
        async with self._http.post(url, json=body, headers=headers, timeout=self._timeout) as response:
            try:
                payload = await response.json(content_type=None)
            except ValueError:
                payload = None
            payload = payload if isinstance(payload, dict) else {}
            error = "" if response.status < 300 else f"HTTP {response.status}: {str(payload)[:300]}"
            return ConnectorAnswer(response.status, payload, response.headers.get("Retry-After"), error)


def _base(service_url: str) -> str:
    return service_url if service_url.endswith("/") else service_url + "/"
