"""Fixtures for the end-to-end test: the bot, the Agents Playground and headless Chromium, per test.

Prerequisites (skipped without them, but failed when env CI is set: CI must not pass by skipping):
node/npx, tests/e2e/node_modules (`npm ci` in tests/e2e) and Debian's /usr/bin/chromium.

Who the Playground's mock user is comes from the `persona` fixture: "customer" (default), "staff"
or "stranger"; pick another with ``@pytest.mark.parametrize("persona", ["staff"], indirect=True)``.
On failure, a screenshot, the page HTML and the bot and Playground logs go to tests/e2e/artifacts/;
a test that takes `step_screenshot` keeps a screenshot of each step in tests/e2e/artifacts/screenshots/.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import shutil
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from e2e_config import Persona, operator_config, personas, playground_config, write_yaml
from e2e_harness import (
    ARTIFACTS_DIR,
    CHROMIUM,
    CHROMIUM_ARGS,
    LOOPBACK,
    BotServer,
    Service,
    free_port,
    missing_prerequisites,
    save_artifacts,
    start_bot,
    start_playground,
)
from playground_ui import BOT_NAME, PlaygroundUI
from playwright.async_api import Browser, ConsoleMessage, Page, Route, async_playwright

T = TypeVar("T")
_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the item so fixtures can tell, at teardown, that the test failed."""
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


def _failed(request: pytest.FixtureRequest) -> bool:
    reports = request.node.stash.get(_REPORTS, {})
    return any(report.failed for report in reports.values())


@pytest.fixture(scope="session")
def e2e_prerequisites() -> str:
    """Node's path, once the Playground and Chromium are known to be installed."""
    missing = missing_prerequisites()
    if missing:
        reason = "Agents Playground e2e test needs: " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(f"{reason} [CI is set, so this fails instead of skipping]", pytrace=False)
        pytest.skip(reason)
    node = shutil.which("node")
    assert node is not None
    return node


@pytest.fixture
def e2e_logs(request: pytest.FixtureRequest) -> Iterator[list[Path]]:
    """Files to keep when the test fails; set up first, so it copies them after everything stopped."""
    files: list[Path] = []
    yield files
    if _failed(request):
        target = save_artifacts(request.node.nodeid, files)
        sys.stderr.write(f"\ne2e artifacts saved in {target}\n")


@pytest.fixture
def step_screenshot(request: pytest.FixtureRequest, playground_ui: PlaygroundUI) -> Callable[[str], Awaitable[None]]:
    """Saves the page after each step as tests/e2e/artifacts/screenshots/<test>/NN-<step>.png, pass or fail."""
    folder = ARTIFACTS_DIR / "screenshots" / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    taken = itertools.count(1)

    async def shoot(step: str) -> None:
        await playground_ui.page.screenshot(path=str(folder / f"{next(taken):02d}-{step}.png"), full_page=True)

    return shoot


@pytest.fixture
def operator_config_data() -> dict[str, Any]:
    """config/example.yaml plus a customer whose tenant is the Playground's mock tenant."""
    return operator_config()


@pytest.fixture
def operator_config_path(tmp_path: Path, operator_config_data: dict[str, Any]) -> Path:
    return write_yaml(tmp_path / "operator.yaml", operator_config_data)


@pytest.fixture
def persona(request: pytest.FixtureRequest, operator_config_data: dict[str, Any]) -> Persona:
    """The Playground's mock user: "customer" unless parametrised indirectly with "staff" or "stranger"."""
    return personas(operator_config_data)[getattr(request, "param", "customer")]


@pytest.fixture
def playground_config_path(tmp_path: Path, persona: Persona) -> Path:
    return write_yaml(tmp_path / "playground.yml", playground_config(persona, BOT_NAME))


@pytest.fixture
def bot_server(
    e2e_prerequisites: str, e2e_logs: list[Path], tmp_path: Path, operator_config_path: Path
) -> Iterator[BotServer]:
    """`python app.py` on a free port with its own SQLite file, starting in the background.

    Call `bot_server.wait_ready()` before talking to it (`playground_ui` does).
    """
    e2e_logs.append(tmp_path / "bot.log")
    bot = start_bot(port=free_port(), config_path=operator_config_path, workdir=tmp_path, python=sys.executable,
                    database_url=f"sqlite:///{tmp_path / 'bot.db'}")
    yield from _stopping(bot.service, bot)


@pytest.fixture
def playground(
    e2e_prerequisites: str, e2e_logs: list[Path], bot_server: BotServer, tmp_path: Path, playground_config_path: Path
) -> Iterator[str]:
    """The Agents Playground pointed at the bot, run from a temp dir; yields its UI URL."""
    workdir = tmp_path / "playground"
    e2e_logs.extend([workdir / "playground.log", workdir / "playground-internal.log", playground_config_path])
    service, url = start_playground(node=e2e_prerequisites, bot_port=bot_server.port, port=free_port(),
                                    config_path=playground_config_path, workdir=workdir)
    yield from _stopping(service, url)


def _stopping(service: Service, value: T) -> Iterator[T]:
    try:
        yield value
    finally:
        service.stop()


@pytest.fixture
async def browser(e2e_prerequisites: str) -> AsyncIterator[Browser]:
    """Debian's Chromium, headless; Playwright's own browser download is not available here."""
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                    args=list(CHROMIUM_ARGS))
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture
async def playground_ui(
    request: pytest.FixtureRequest, e2e_logs: list[Path], bot_server: BotServer, playground: str,
    browser: Browser, tmp_path: Path,
) -> AsyncIterator[PlaygroundUI]:
    """The Playground page opened as its mock user once the bot is up; the UI only talks to loopback."""
    context = await browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000})
    await context.route("**/*", _loopback_only)
    page = await context.new_page()
    console_log = tmp_path / "browser-console.log"
    e2e_logs.append(console_log)
    console_lines: list[str] = []
    page.on("console", lambda message: console_lines.append(_console_line(message)))
    ui = PlaygroundUI(page)
    try:
        await asyncio.to_thread(bot_server.wait_ready)
        await ui.open(playground)
        yield ui
    finally:
        console_log.write_text("\n".join(console_lines), encoding="utf-8")
        if _failed(request):
            await _keep_page(page, tmp_path, e2e_logs)
        await context.close()


async def _loopback_only(route: Route) -> None:
    """The UI pulls fonts from a CDN; CI reaches package registries only, so fail those fast."""
    host = route.request.url.split("/")[2].rsplit(":", 1)[0] if "://" in route.request.url else ""
    if host in (LOOPBACK, "localhost", "[::1]") or route.request.url.startswith(("data:", "blob:")):
        await route.continue_()
    else:
        await route.abort()


def _console_line(message: ConsoleMessage) -> str:
    return f"[{message.type}] {message.text}"


async def _keep_page(page: Page, tmp_path: Path, e2e_logs: list[Path]) -> None:
    screenshot, html = tmp_path / "screenshot.png", tmp_path / "page.html"
    try:
        await page.screenshot(path=str(screenshot), full_page=True)
        html.write_text(await page.content(), encoding="utf-8")
    except Exception as error:  # the page may be the thing that broke; keep the logs anyway
        sys.stderr.write(f"\ncould not save the page: {error}\n")
    e2e_logs.extend([screenshot, html])
