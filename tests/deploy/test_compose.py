"""The compose file, the proxy config and the Dockerfile agree with each other and with the settings.

No container engine runs here, so these catch what would only show at `docker compose up`: a
replica with a misspelt variable (silently ignored), a proxy pointing at a service that is not there.
"""

from __future__ import annotations

import asyncio
import fnmatch
import re
import subprocess
from pathlib import Path

import aiohttp
import yaml
from aiohttp import web

from app import create_app
from bot.config.settings import load_settings
from deploy.container.dockerfile import final_stage
from e2e.e2e_harness import free_port
from fakes.system_tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
CADDYFILE = (ROOT / "deploy" / "caddy" / "Caddyfile").read_text(encoding="utf-8")
SETTINGS_SOURCES = [ROOT / "bot" / "config" / name for name in ("settings.py", "out_of_band.py")]
# Routes of the app that only the container host, the proxy's health checks and Prometheus reach.
INTERNAL_ROUTES = {"/healthz", "/readyz"}
# Variables whose values are secrets: compose takes them from the environment or deploy/.env only.
SECRETS = {"POSTGRES_PASSWORD", "MicrosoftAppPassword", "SMTP_PASSWORD", "PAGE_WEBHOOK_SECRET", "ACK_LINK_SECRET"}


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


def read_variables() -> set[str]:
    """Every variable the settings read: `env.get("X"` and out_of_band's `_get(env, "X")`."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in SETTINGS_SOURCES)
    return set(re.findall(r'(?:env\.get|_get)\((?:env, )?"([A-Za-z_]+)"', source))


def test_every_variable_given_to_a_replica_is_one_the_bot_reads() -> None:
    given = set(next(iter(bot_services().values()))["environment"])
    assert given - read_variables() == set()


def test_replicas_get_the_public_url_and_every_out_of_band_paging_variable() -> None:
    environment = next(iter(bot_services().values()))["environment"]
    paging = {name for name in read_variables() if name.startswith(("SMTP_", "PAGE_WEBHOOK_", "ACK_LINK_"))}
    assert paging >= {"SMTP_HOST", "SMTP_PASSWORD", "PAGE_WEBHOOK_URL", "PAGE_WEBHOOK_SECRET", "ACK_LINK_SECRET"}
    assert paging | {"PUBLIC_URL"} <= set(environment)
    assert environment["PUBLIC_URL"].startswith("https://${BOT_DOMAIN")  # the proxy's address: links land there


def test_secrets_come_from_the_environment_or_env_file_never_from_the_repository() -> None:
    environment = next(iter(bot_services().values()))["environment"]
    given = {**environment, **COMPOSE["services"]["postgres"]["environment"]}
    for name in SECRETS:
        assert re.fullmatch(rf"\$\{{{name}(:[-?][^}}]*)?\}}", given[name]), f"{name}: {given[name]!r}"
    ignored = subprocess.run(["git", "check-ignore", "-q", "deploy/.env"], cwd=ROOT)
    assert ignored.returncode == 0, "deploy/.env (compose reads it) must be ignored by git"


def public_paths() -> list[str]:
    """The paths of the Caddyfile's `@public` matcher: what the proxy passes to a replica."""
    return re.search(r"@public \{\s*path ([^\n]+)\n", CADDYFILE).group(1).split()


def app_routes() -> set[str]:
    """Every route of the real app with acknowledge links and calendar feeds on, as a sample path."""
    settings = load_settings({
        "SUPPORTBOT_CONFIG": str(ROOT / "config" / "example.yaml"), "PUBLIC_URL": "https://bot.example.nl",
        "ACK_LINK_SECRET": "s" * 40, "DATABASE_URL": "sqlite:////nonexistent/never-opened.db",
    })
    app = create_app(settings)
    canonical = {resource.canonical for resource in app.router.resources()}
    return {re.sub(r"\{[^}]+\}", "t0ken", route) for route in canonical}


def test_the_proxy_passes_exactly_the_public_routes_and_balances_them_over_both_replicas() -> None:
    port = final_stage(ROOT / "Dockerfile").env["PORT"]
    upstreams = re.search(r"reverse_proxy ([^{]+)\{", CADDYFILE).group(1).split()
    assert sorted(upstreams) == sorted(f"{name}:{port}" for name in bot_services())
    routes = app_routes()
    proxied = {route for route in routes if any(fnmatch.fnmatchcase(route, path) for path in public_paths())}
    assert proxied == routes - INTERNAL_ROUTES == {"/api/messages", "/ack/t0ken", "/calendar/t0ken.ics"}
    assert "handle @public {" in CADDYFILE and "respond 404" in CADDYFILE
    assert "health_uri /readyz" in CADDYFILE
    assert COMPOSE["services"]["proxy"]["ports"] == ["80:80", "443:443"]
    assert all("ports" not in service for service in bot_services().values()), "replicas are reached via the proxy"


def test_caddy_accepts_the_proxy_config(tmp_path: Path) -> None:
    caddy = require_tool("caddy", "caddy")
    result = subprocess.run(
        [caddy, "adapt", "--config", "Caddyfile", "--adapter", "caddyfile"], cwd=ROOT / "deploy" / "caddy",
        env={"BOT_DOMAIN": "bot.example.nl", "ACME_EMAIL": "ops@example.nl", "HOME": str(tmp_path)},
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert '"host":["bot.example.nl"]' in result.stdout and '"uri":"/readyz"' in result.stdout


async def replica(aiohttp_server, name: str):
    """A stand-in replica that answers every path with its name."""
    async def answer(request: web.Request) -> web.Response:
        return web.Response(text=name)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    return await aiohttp_server(app)


async def test_through_caddy_only_the_public_routes_reach_a_replica_and_tokens_stay_out_of_its_log(
    aiohttp_server, tmp_path: Path
) -> None:
    first, second = await replica(aiohttp_server, "bot-1"), await replica(aiohttp_server, "bot-2")
    answers, access_log, caddy_log = await through_caddy(
        tmp_path, upstreams=f"127.0.0.1:{first.port} 127.0.0.1:{second.port}",
    )
    assert answers["POST /api/messages"][0] == 200, caddy_log.decode()
    public = {key: answer for key, answer in answers.items() if key.split()[1] in PUBLIC_SAMPLES}
    assert all(status == 200 for status, _ in public.values()), answers
    assert {body for _, body in public.values()} == {"bot-1", "bot-2"}, "round robin over both replicas"
    inside = {key: answer for key, answer in answers.items() if key not in public}
    assert inside and all(answer == (404, "") for answer in inside.values()), answers
    assert b"/ack/REDACTED" in access_log and b"/calendar/REDACTED" in access_log
    assert b"s3cret-token" not in access_log


async def test_with_no_replica_answering_caddys_error_log_keeps_the_tokens_out_too(tmp_path: Path) -> None:
    nobody = f"127.0.0.1:{free_port()}"  # nobody listens: every request is an error
    answers, access_log, caddy_log = await through_caddy(tmp_path, upstreams=nobody, try_for="0s")

    assert answers["GET /ack/s3cret-token"][0] in (502, 503), caddy_log.decode()
    assert b"/ack/REDACTED" in caddy_log  # the error was logged, with the token cut out
    assert b"s3cret-token" not in caddy_log + access_log


async def through_caddy(
    tmp_path: Path, *, upstreams: str, try_for: str = "10s",
) -> tuple[dict[str, tuple[int, str]], bytes, bytes]:
    """The shipped Caddyfile run by a real Caddy in front of `upstreams`: the REQUESTS' answers, then
    its access log (stdout) and its own log (stderr)."""
    caddy = require_tool("caddy", "caddy")
    port = free_port()
    config = (
        CADDYFILE.replace("{\n\temail", "{\n\tadmin off\n\temail", 1)
        .replace("bot-1:3978 bot-2:3978", upstreams)
        .replace("lb_try_duration 10s", f"lb_try_duration {try_for}")
    )
    (tmp_path / "Caddyfile").write_text(config, encoding="utf-8")
    env = {"BOT_DOMAIN": f"http://127.0.0.1:{port}", "ACME_EMAIL": "ops@example.nl", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    process = await asyncio.create_subprocess_exec(
        caddy, "run", "--config", str(tmp_path / "Caddyfile"), "--adapter", "caddyfile", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        answers = await through_proxy(f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        access_log, caddy_log = await process.communicate()
    return answers, access_log, caddy_log


PUBLIC_SAMPLES = {"/api/messages", "/ack/s3cret-token", "/calendar/s3cret-token.ics"}
REQUESTS = [
    ("POST", "/api/messages"), ("GET", "/ack/s3cret-token"), ("POST", "/ack/s3cret-token"),
    ("GET", "/calendar/s3cret-token.ics"), ("GET", "/readyz"), ("GET", "/healthz"), ("GET", "/metrics"),
    ("GET", "/"), ("GET", "/calendar"), ("GET", "/api/messagesx"),
]


async def through_proxy(base: str) -> dict[str, tuple[int, str]]:
    """Each request of REQUESTS through the proxy once it answers: status and body by 'METHOD path'."""
    async with aiohttp.ClientSession() as session:
        for _ in range(100):
            try:
                async with session.get(f"{base}/"):
                    break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.1)
        answers = {}
        for method, path in REQUESTS:
            async with session.request(method, f"{base}{path}", data=b"{}") as response:
                answers[f"{method} {path}"] = (response.status, await response.text())
    return answers


def test_an_optional_prometheus_scrapes_each_replicas_metrics_port_with_the_shipped_config() -> None:
    prometheus = COMPOSE["services"]["prometheus"]
    assert prometheus["profiles"] == ["monitoring"], "not started by a plain `docker compose up`"
    assert "./prometheus:/etc/prometheus:ro" in prometheus["volumes"]
    assert "--config.file=/etc/prometheus/prometheus.yaml" in prometheus["command"]
    assert all(port.startswith("127.0.0.1:") for port in prometheus["ports"]), "its UI stays on the host"
    shipped = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yaml").read_text(encoding="utf-8"))
    [job] = shipped["scrape_configs"]
    metrics_port = next(iter(bot_services().values()))["environment"]["METRICS_PORT"]
    assert sorted(job["static_configs"][0]["targets"]) == sorted(f"{name}:{metrics_port}" for name in bot_services())
