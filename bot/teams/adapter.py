"""The Bot Framework pieces configured from Settings: inbound authentication, outbound tokens, turn errors."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import CallerIdConstants
from botframework.connector.auth import AuthenticationConstants
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)

from bot.config.settings import Settings
from bot.config.source import ConfigHolder
from bot.teams.connector_client import ChannelToken, ConnectorClient
from bot.texts import language_of_locale, text

log = logging.getLogger(__name__)


def _configuration(settings: Settings) -> SimpleNamespace:
    configuration = SimpleNamespace(
        APP_ID=settings.app_id or None,
        APP_PASSWORD=settings.app_password or None,
        APP_TYPE=settings.app_type,
        APP_TENANTID=settings.app_tenant_id or None,
    )
    if settings.openid_metadata_url:
        _public_cloud_with_metadata(configuration, settings.openid_metadata_url)
    return configuration


def _public_cloud_with_metadata(configuration: SimpleNamespace, metadata_url: str) -> None:
    """The SDK switches to its "parameterized" authentication as soon as one endpoint is given, and
    then takes every other one from the configuration too (None: every token refused). So the other
    endpoints are the public cloud's own; only where the channel's signing keys are published differs."""
    configuration.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = metadata_url
    configuration.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
    configuration.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
    configuration.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
    configuration.TO_CHANNEL_FROM_BOT_LOGIN_URL = AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL
    configuration.OAUTH_URL = AuthenticationConstants.OAUTH_URL
    configuration.CALLER_ID = CallerIdConstants.public_azure_channel


def create_authentication(settings: Settings) -> ConfigurationBotFrameworkAuthentication:
    """With no app id the SDK skips authentication: that is development mode, loopback only."""
    return ConfigurationBotFrameworkAuthentication(_configuration(settings))


def create_channel_token(settings: Settings) -> ChannelToken:
    """Tokens for calling the channel; none in development mode."""
    if not settings.app_id:
        return ChannelToken(None, None)
    return ChannelToken(settings.app_id, ConfigurationServiceClientCredentialFactory(_configuration(settings)))


def turn_failed_handler(
    config: ConfigHolder, forget_question: Callable[[str], Awaitable[None]],
) -> Callable[[TurnContext, Exception], Awaitable[None]]:
    """The one error boundary of a turn: drop the open question (it may be what broke the turn) and
    apologise (the inbox has logged the error with the turn's ids)."""

    async def on_turn_failed(context: TurnContext, error: Exception) -> None:
        conversation_id = context.activity.conversation.id if context.activity.conversation else "?"
        try:
            await forget_question(conversation_id)
        except Exception:
            log.exception("could not drop the open question in %s", conversation_id)
        if context.activity.type == "message":
            language = language_of_locale(context.activity.locale)
            await context.send_activity(text(language, "turn_error", contact=config.current.msp.contact_email))

    return on_turn_failed


def received_notice_sender(client: ConnectorClient):
    """While the database is away: tell the customer at once that the message arrived (not via the outbox)."""

    async def tell(body: dict[str, Any]) -> None:
        if body.get("type") != "message":
            return
        conversation = body.get("conversation") or {}
        activity = {
            "type": "message", "text": text(language_of_locale(body.get("locale")), "received_while_degraded"),
            "from": body.get("recipient"), "recipient": body.get("from"), "conversation": conversation,
            "replyToId": body.get("id"),
        }
        answer = await client.send(str(body.get("serviceUrl")), str(conversation.get("id")), activity)
        if answer.status >= 300 or answer.status == 0:
            log.warning("could not tell %s that its message arrived: %s", conversation.get("id"), answer.error)

    return tell
