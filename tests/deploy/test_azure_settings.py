"""The two ways docs/azure.md registers the bot start as configured there, and fail early otherwise."""

from __future__ import annotations

import pytest

from bot.config.errors import ConfigError
from bot.config.settings import load_settings

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
TENANT = "6a1e1c2d-0000-4000-8000-000000000001"


def test_a_user_assigned_managed_identity_needs_no_secret_but_its_tenant() -> None:
    settings = load_settings({"MicrosoftAppId": APP_ID, "MicrosoftAppType": "UserAssignedMSI", "MicrosoftAppTenantId": TENANT})
    assert settings.app_password == "" and not settings.development_mode
    with pytest.raises(ConfigError, match="MicrosoftAppTenantId: required for a UserAssignedMSI app"):
        load_settings({"MicrosoftAppId": APP_ID, "MicrosoftAppType": "UserAssignedMSI"})


def test_a_single_tenant_app_needs_its_secret_and_tenant() -> None:
    settings = load_settings({
        "MicrosoftAppId": APP_ID, "MicrosoftAppType": "SingleTenant", "MicrosoftAppPassword": "s", "MicrosoftAppTenantId": TENANT,
    })
    assert settings.app_type == "SingleTenant"
    with pytest.raises(ConfigError, match="MicrosoftAppPassword"):
        load_settings({"MicrosoftAppId": APP_ID, "MicrosoftAppType": "SingleTenant", "MicrosoftAppTenantId": TENANT})
