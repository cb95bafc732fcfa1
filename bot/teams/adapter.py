"""The CloudAdapter, configured from Settings, with the one error boundary per turn."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from botbuilder.core import ConversationState, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from bot.config.settings import Settings
from bot.texts import language_of_locale, text

log = logging.getLogger(__name__)


def create_adapter(settings: Settings, conversation_state: ConversationState) -> CloudAdapter:
    """With no app id the SDK skips authentication: that is development mode, loopback only."""
    configuration = SimpleNamespace(
        APP_ID=settings.app_id or None,
        APP_PASSWORD=settings.app_password or None,
        APP_TYPE=settings.app_type,
        APP_TENANTID=settings.app_tenant_id or None,
    )
    if settings.openid_metadata_url:
        configuration.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = settings.openid_metadata_url
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(configuration))
    adapter.on_turn_error = _turn_error_handler(settings, conversation_state)
    return adapter


def _turn_error_handler(settings: Settings, conversation_state: ConversationState):
    contact = settings.operator.msp.contact_email

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        """Log with the conversation id, apologise politely, and drop the broken dialog state."""
        conversation_id = context.activity.conversation.id if context.activity.conversation else "?"
        log.error("turn failed in conversation %s", conversation_id, exc_info=error)
        try:
            await conversation_state.delete(context)
        except Exception:  # the state may never have been loaded in this turn
            log.debug("no conversation state to drop in %s", conversation_id)
        try:
            language = language_of_locale(context.activity.locale)
            await context.send_activity(text(language, "turn_error", contact=contact))
        except Exception:  # the channel itself may be what failed; never let the boundary raise
            log.exception("could not tell conversation %s about the failure", conversation_id)

    return on_turn_error
