"""Out-of-band paging settings (SMTP, the gateway webhook, acknowledge links) from the environment.

Read once by `load_settings`; every error names the variable. Out-of-band paging is off unless
SMTP_HOST or PAGE_WEBHOOK_URL is set, and then the acknowledge links must be configured too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from bot.config.errors import ConfigError

SmtpSecurity = Literal["starttls", "tls", "none"]
SMTP_SECURITIES: tuple[SmtpSecurity, ...] = ("starttls", "tls", "none")
DEFAULT_SMTP_PORTS: dict[str, int] = {"starttls": 587, "tls": 465, "none": 25}
MIN_SECRET_LENGTH = 32  # e.g. `openssl rand -hex 32` gives 64 characters
_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
_SMTP_VARIABLES = ("SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_FROM", "SMTP_SECURITY")


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where page e-mails go out; login is optional (a relay that trusts our address needs none)."""

    host: str
    port: int
    sender: str
    security: SmtpSecurity = "starttls"
    username: str = ""
    password: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class WebhookSettings:
    """The SMS or voice gateway's endpoint and the shared secret the body is signed with."""

    url: str
    secret: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class AckLinkSettings:
    """Acknowledge links: the bot's public address and the secret the tokens are signed with."""

    public_base_url: str
    secret: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class OutOfBandSettings:
    """All three parts; `enabled` when at least one channel is configured."""

    smtp: SmtpSettings | None = None
    webhook: WebhookSettings | None = None
    ack_links: AckLinkSettings | None = None

    @property
    def enabled(self) -> bool:
        return self.smtp is not None or self.webhook is not None


def load_out_of_band(env: Mapping[str, str]) -> OutOfBandSettings:
    """Validate the variables together: half a configuration is an error, not a silent 'off'."""
    smtp, webhook = _smtp(env), _webhook(env)
    ack_links = _ack_links(env, required=smtp is not None or webhook is not None)
    return OutOfBandSettings(smtp=smtp, webhook=webhook, ack_links=ack_links)


def _get(env: Mapping[str, str], name: str) -> str:
    return env.get(name, "").strip()


def _smtp(env: Mapping[str, str]) -> SmtpSettings | None:
    host = _get(env, "SMTP_HOST")
    if not host:
        stray = [name for name in _SMTP_VARIABLES if _get(env, name)]
        if stray:
            raise ConfigError(f"SMTP_HOST: required when {stray[0]} is set")
        return None
    security = _get(env, "SMTP_SECURITY").lower() or "starttls"
    if security not in SMTP_SECURITIES:
        raise ConfigError(f"SMTP_SECURITY: {security!r} is not one of {', '.join(SMTP_SECURITIES)}")
    username, password = _get(env, "SMTP_USERNAME"), env.get("SMTP_PASSWORD", "")
    if bool(username) != bool(password):
        missing = "SMTP_PASSWORD" if username else "SMTP_USERNAME"
        raise ConfigError(f"{missing}: SMTP_USERNAME and SMTP_PASSWORD go together")
    port = _get(env, "SMTP_PORT") or str(DEFAULT_SMTP_PORTS[security])
    return SmtpSettings(
        host=host, port=_port("SMTP_PORT", port), sender=_sender(_get(env, "SMTP_FROM")),
        security=security, username=username, password=password,
    )


def _sender(raw: str) -> str:
    if not raw:
        raise ConfigError("SMTP_FROM: required when SMTP_HOST is set (the pages' From address)")
    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ConfigError(f"SMTP_FROM: {raw!r} is not an e-mail address ({error})") from None


def _port(name: str, raw: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"{name}: {raw!r} is not a TCP port number")
    return int(raw)


def _webhook(env: Mapping[str, str]) -> WebhookSettings | None:
    url, secret = _get(env, "PAGE_WEBHOOK_URL"), env.get("PAGE_WEBHOOK_SECRET", "")
    if not url and not secret:
        return None
    if not url:
        raise ConfigError("PAGE_WEBHOOK_URL: required when PAGE_WEBHOOK_SECRET is set")
    _check_url("PAGE_WEBHOOK_URL", url)
    return WebhookSettings(url=url, secret=_secret("PAGE_WEBHOOK_SECRET", secret))


def _ack_links(env: Mapping[str, str], *, required: bool) -> AckLinkSettings | None:
    base, secret = _get(env, "PUBLIC_URL"), env.get("ACK_LINK_SECRET", "")
    if not secret and not required:  # PUBLIC_URL alone serves the calendar feeds; no links to sign
        return None
    if not base:
        raise ConfigError("PUBLIC_URL: required for the acknowledge links of out-of-band pages")
    _check_url("PUBLIC_URL", base)
    if urlsplit(base).query or urlsplit(base).fragment:
        raise ConfigError("PUBLIC_URL: no query or fragment, e.g. https://bot.example.nl")
    return AckLinkSettings(public_base_url=base.rstrip("/"), secret=_secret("ACK_LINK_SECRET", secret))


def _check_url(name: str, url: str) -> None:
    """https, or http on loopback only: the body or the link carries a page or a bearer token."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{name}: {url!r} is not an http(s) URL")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK_HOSTS:
        raise ConfigError(f"{name}: use https:// (plain http only for localhost)")


def _secret(name: str, raw: str) -> str:
    if not raw:
        raise ConfigError(f"{name}: required (at least {MIN_SECRET_LENGTH} random characters)")
    if len(raw) < MIN_SECRET_LENGTH:
        raise ConfigError(f"{name}: too short, use at least {MIN_SECRET_LENGTH} random characters")
    return raw
