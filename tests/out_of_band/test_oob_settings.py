"""Out-of-band settings: validated once, off unless a channel is set, every error names the variable."""

from __future__ import annotations

import pytest
import yaml

from bot.config.errors import ConfigError
from bot.config.settings import DEFAULT_CONFIG_PATH, load_settings
from bot.services import replies
from fakes.out_of_band import ACK_SECRET, WEBHOOK_SECRET

LINKS = {"PUBLIC_URL": "https://bot.websitenazorg.nl/", "ACK_LINK_SECRET": ACK_SECRET}
SMTP = {"SMTP_HOST": "smtp.websitenazorg.nl", "SMTP_FROM": "bot@websitenazorg.nl", **LINKS}
WEBHOOK = {"PAGE_WEBHOOK_URL": "https://sms.example.nl/pages", "PAGE_WEBHOOK_SECRET": WEBHOOK_SECRET, **LINKS}


def test_out_of_band_is_off_when_nothing_is_set():
    settings = load_settings({}).out_of_band
    assert not settings.enabled and settings.ack_links is None


@pytest.mark.parametrize(("security", "port"), [(None, 587), ("starttls", 587), ("tls", 465), ("none", 25), ("TLS", 465)])
def test_smtp_defaults_the_port_by_security(security, port):
    env = {**SMTP, **({"SMTP_SECURITY": security} if security else {})}
    smtp = load_settings(env).out_of_band.smtp
    assert smtp is not None and smtp.port == port
    assert smtp.security == (security.lower() if security else "starttls")


def test_a_full_configuration_keeps_its_secrets_out_of_the_logs():
    env = {**SMTP, **WEBHOOK, "SMTP_PORT": "2525", "SMTP_USERNAME": "bot", "SMTP_PASSWORD": "relay-secret-value"}
    settings = load_settings(env).out_of_band
    assert settings.enabled and settings.smtp and settings.webhook and settings.ack_links
    assert settings.smtp.port == 2525 and settings.ack_links.public_base_url == "https://bot.websitenazorg.nl"
    assert "relay-secret-value" not in repr(settings) and WEBHOOK_SECRET not in repr(settings)
    assert ACK_SECRET not in repr(settings)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({**SMTP, "SMTP_SECURITY": "ssl"}, "SMTP_SECURITY"),
        ({**SMTP, "SMTP_PORT": "smtp"}, "SMTP_PORT"),
        ({**SMTP, "SMTP_USERNAME": "bot"}, "SMTP_PASSWORD"),
        ({**SMTP, "SMTP_PASSWORD": "pw"}, "SMTP_USERNAME"),
        ({**SMTP, "SMTP_FROM": ""}, "SMTP_FROM"),
        ({**SMTP, "SMTP_FROM": "not an address"}, "SMTP_FROM"),
        ({"SMTP_PORT": "587"}, "SMTP_HOST"),
        ({**WEBHOOK, "PAGE_WEBHOOK_SECRET": ""}, "PAGE_WEBHOOK_SECRET"),
        ({**WEBHOOK, "PAGE_WEBHOOK_SECRET": "short"}, "PAGE_WEBHOOK_SECRET"),
        ({**WEBHOOK, "PAGE_WEBHOOK_URL": ""}, "PAGE_WEBHOOK_URL"),
        ({**WEBHOOK, "PAGE_WEBHOOK_URL": "http://sms.example.nl/pages"}, "PAGE_WEBHOOK_URL"),
        ({**WEBHOOK, "PAGE_WEBHOOK_URL": "ftp://sms.example.nl"}, "PAGE_WEBHOOK_URL"),
        ({**SMTP, "PUBLIC_URL": ""}, "PUBLIC_URL"),
        ({**SMTP, "PUBLIC_URL": "https://bot.example.nl/?x=1"}, "PUBLIC_URL"),
        ({**SMTP, "ACK_LINK_SECRET": ""}, "ACK_LINK_SECRET"),
        ({"ACK_LINK_SECRET": ACK_SECRET}, "PUBLIC_URL"),
    ],
)
def test_a_bad_or_half_configuration_names_the_variable(env, named):
    with pytest.raises(ConfigError, match=named):
        load_settings(env)


def test_plain_http_is_allowed_on_loopback_only():
    env = {**WEBHOOK, "PAGE_WEBHOOK_URL": "http://127.0.0.1:8080/pages", "PUBLIC_URL": "http://localhost:3978"}
    settings = load_settings(env).out_of_band
    assert settings.webhook and settings.webhook.url == "http://127.0.0.1:8080/pages"


def write_config(tmp_path, msp=None, staff=None):
    config = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    config["msp"].update(msp or {})
    config["staff"][0].update(staff or {})
    path = tmp_path / "operator.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("msp", "staff", "key"),
    [
        ({"emergency_phone": "call us"}, None, "msp.emergency_phone"),
        (None, {"email": "anna at home"}, "staff.0.email"),
        (None, {"phone": "+31"}, "staff.0.phone"),
    ],
)
def test_the_operator_config_checks_the_phone_numbers_and_addresses(tmp_path, msp, staff, key):
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_settings({"SUPPORTBOT_CONFIG": write_config(tmp_path, msp, staff)})


def test_contact_details_are_optional(tmp_path):
    path = write_config(tmp_path, {"emergency_phone": None}, {"email": None, "phone": None})
    config = load_settings({"SUPPORTBOT_CONFIG": path}).operator
    assert config.msp.emergency_phone is None and config.staff[0].email is None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_customer_hears_the_emergency_number_when_nobody_answered(tmp_path, lang):
    with_phone = load_settings({}).operator.msp
    without = load_settings({"SUPPORTBOT_CONFIG": write_config(tmp_path, {"emergency_phone": None})}).operator.msp

    told = replies.emergency_unanswered(lang, "T-2026-0042", with_phone).text
    assert "+31 20 000 0000" in told and "T-2026-0042" in told and "support@websitenazorg.nl" in told
    plain = replies.emergency_unanswered(lang, "T-2026-0042", without).text
    assert "+31" not in plain and "support@websitenazorg.nl" in plain
