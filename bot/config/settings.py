"""Settings from the environment plus the operator config, read and validated once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.config.errors import ConfigError
from bot.config.operator import OperatorConfig
from bot.config.source import YAML_VARIABLE, ConfigSource
from bot.observability.logging import LOG_FORMATS, LogFormat
from bot.config.out_of_band import OutOfBandSettings, load_out_of_band

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG_PATH = PROJECT_ROOT / "config" / "example.yaml"
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the process runs with; built once by `load_settings` and passed down."""

    operator: OperatorConfig  # as read at start-up; services read the ConfigHolder, which a reload replaces
    config_source: ConfigSource
    database_url: str
    app_id: str = ""
    app_password: str = ""
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    port: int = 3978
    host: str = "127.0.0.1"
    log_level: str = "INFO"
    log_format: LogFormat = "text"
    metrics_port: int | None = None  # Prometheus on its own port; None: no metrics served
    openid_metadata_url: str = ""  # BotOpenIdMetadata: only to point tests at a fake token issuer
    spool_dir: Path | None = None  # INBOX_SPOOL_DIR: where messages wait while the database is away
    timer_poll_seconds: float = 3.0  # TIMER_POLL_SECONDS: how often the shared job store is looked at
    public_url: str = ""  # PUBLIC_URL: where staff's calendar apps reach this bot (the feeds' links)
    out_of_band: OutOfBandSettings = OutOfBandSettings()  # e-mail / gateway pages, acknowledge links

    @property
    def config_path(self) -> Path | None:
        """The operator config file; None when the config came from SUPPORTBOT_CONFIG_YAML."""
        return self.config_source.path

    @property
    def development_mode(self) -> bool:
        """No Azure registration: Bot Framework authentication is off, loopback only."""
        return not self.app_id

    @property
    def mode(self) -> Literal["development", "production"]:
        return "development" if self.development_mode else "production"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from an environment mapping (os.environ by default)."""
    env = os.environ if environ is None else environ
    source = _config_source(env)
    app_id = env.get("MicrosoftAppId", "").strip()
    settings = Settings(
        operator=source.load(),
        config_source=source,
        database_url=_database_url(env.get("DATABASE_URL")),
        app_id=app_id,
        app_password=env.get("MicrosoftAppPassword", ""),
        app_type=env.get("MicrosoftAppType") or "MultiTenant",
        app_tenant_id=env.get("MicrosoftAppTenantId", ""),
        port=_port(env.get("PORT", "3978")),
        host=_host(env.get("HOST"), development=not app_id),
        log_level=env.get("LOG_LEVEL", "INFO").upper(),
        log_format=_log_format(env.get("LOG_FORMAT"), development=not app_id),
        metrics_port=_metrics_port(env.get("METRICS_PORT"), env.get("PORT", "3978")),
        openid_metadata_url=env.get("BotOpenIdMetadata", ""),
        spool_dir=Path(env["INBOX_SPOOL_DIR"]) if env.get("INBOX_SPOOL_DIR") else None,
        timer_poll_seconds=_seconds("TIMER_POLL_SECONDS", env.get("TIMER_POLL_SECONDS", "3")),
        public_url=_public_url(env.get("PUBLIC_URL"), env.get("PORT", "3978"), development=not app_id),
        out_of_band=load_out_of_band(env),
    )
    _check_credentials(settings)
    return settings


def _config_source(env: Mapping[str, str]) -> ConfigSource:
    """A mounted file (SUPPORTBOT_CONFIG, or the example), or YAML in SUPPORTBOT_CONFIG_YAML; not both."""
    path, text = env.get("SUPPORTBOT_CONFIG"), env.get(YAML_VARIABLE)
    if text and text.strip():
        if path:
            raise ConfigError(f"{YAML_VARIABLE}: set either it or SUPPORTBOT_CONFIG, not both")
        return ConfigSource(yaml_text=text)
    return ConfigSource(path=Path(path or DEFAULT_CONFIG_PATH))


def _database_url(raw: str | None) -> str:
    """SQLite (embedded default) or PostgreSQL; the storage layer picks the drivers."""
    if not raw:
        return f"sqlite:///{DEFAULT_DATA_DIR / 'supportbot.db'}"
    if not raw.startswith(("sqlite:///", "postgresql://", "postgresql+psycopg://", "postgres://")):
        raise ConfigError("DATABASE_URL: use sqlite:///path/to/file.db or postgresql://user@host:port/database")
    return raw


def _seconds(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise ConfigError(f"{name}: {raw!r} is not a number of seconds between 0 and 3600")
    return value


def _port(raw: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"PORT: {raw!r} is not a TCP port number")
    return int(raw)


def _log_format(raw: str | None, *, development: bool) -> LogFormat:
    """JSON for log shippers in production, readable text on a developer's terminal."""
    if not raw:
        return "text" if development else "json"
    for log_format in LOG_FORMATS:
        if raw.strip().lower() == log_format:
            return log_format
    raise ConfigError(f"LOG_FORMAT: {raw!r} is not one of {', '.join(LOG_FORMATS)}")


def _metrics_port(raw: str | None, app_port: str) -> int | None:
    """Unset or empty: no metrics endpoint. It must not be the bot's own port."""
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"METRICS_PORT: {raw!r} is not a TCP port number")
    if raw == app_port:
        raise ConfigError(f"METRICS_PORT: {raw} is the bot's PORT; metrics need a port of their own")
    return int(raw)


def _host(raw: str | None, *, development: bool) -> str:
    """Development mode binds loopback only, whatever HOST says: it has no authentication."""
    if development:
        return "127.0.0.1"
    return raw or "0.0.0.0"


def _public_url(raw: str | None, port: str, *, development: bool) -> str:
    """The bot's own base URL for calendar links; development mode falls back to loopback."""
    if raw:
        if not raw.startswith(("https://", "http://")):
            raise ConfigError(f"PUBLIC_URL: {raw!r} must start with https:// (or http://)")
        return raw.rstrip("/")
    return f"http://127.0.0.1:{port}" if development else ""


def _check_credentials(settings: Settings) -> None:
    if settings.app_type not in APP_TYPES:
        raise ConfigError(f"MicrosoftAppType: {settings.app_type!r} is not one of {', '.join(APP_TYPES)}")
    if settings.development_mode:
        return
    if settings.app_type != "UserAssignedMSI" and not settings.app_password:
        raise ConfigError("MicrosoftAppPassword: required when MicrosoftAppId is set")
    if settings.app_type in ("SingleTenant", "UserAssignedMSI") and not settings.app_tenant_id:
        raise ConfigError(f"MicrosoftAppTenantId: required for a {settings.app_type} app")
