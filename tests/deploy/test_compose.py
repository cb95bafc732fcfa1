"""The compose file, the proxy config and the Dockerfile agree with each other and with the settings.

No container engine runs here, so these catch what would only show at `docker compose up`: a
replica with a misspelt variable (silently ignored), a proxy pointing at a service that is not there.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from deploy.container.dockerfile import final_stage

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
CADDYFILE = (ROOT / "deploy" / "caddy" / "Caddyfile").read_text(encoding="utf-8")
SETTINGS_SOURCE = (ROOT / "bot" / "config" / "settings.py").read_text(encoding="utf-8")


def bot_services() -> dict[str, dict]:
    return {name: service for name, service in COMPOSE["services"].items() if name.startswith("bot-")}


def test_two_identical_bot_replicas_share_one_postgresql() -> None:
    bots = bot_services()
    assert len(bots) == 2
    first, second = bots.values()
    assert first == second
    assert re.fullmatch(r"postgresql://supportbot:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432/supportbot",
                        first["environment"]["DATABASE_URL"])
    assert first["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_every_variable_given_to_a_replica_is_one_the_bot_reads() -> None:
    read = set(re.findall(r'env\.get\("([A-Za-z_]+)"', SETTINGS_SOURCE))
    given = set(next(iter(bot_services().values()))["environment"])
    assert given - read == set()


def test_the_proxy_terminates_tls_and_balances_only_the_messaging_route_over_both_replicas() -> None:
    port = final_stage(ROOT / "Dockerfile").env["PORT"]
    upstreams = re.search(r"reverse_proxy ([^{]+)\{", CADDYFILE).group(1).split()
    assert sorted(upstreams) == sorted(f"{name}:{port}" for name in bot_services())
    assert "handle /api/messages {" in CADDYFILE and "respond 404" in CADDYFILE
    assert "health_uri /readyz" in CADDYFILE
    assert COMPOSE["services"]["proxy"]["ports"] == ["80:80", "443:443"]
    assert all("ports" not in service for service in bot_services().values()), "replicas are reached via the proxy"


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy not installed (Debian package: caddy)")
def test_caddy_accepts_the_proxy_config() -> None:
    result = subprocess.run(
        ["caddy", "adapt", "--config", "Caddyfile", "--adapter", "caddyfile"], cwd=ROOT / "deploy" / "caddy",
        env={"BOT_DOMAIN": "bot.example.nl", "ACME_EMAIL": "ops@example.nl", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert '"host":["bot.example.nl"]' in result.stdout and '"uri":"/readyz"' in result.stdout
