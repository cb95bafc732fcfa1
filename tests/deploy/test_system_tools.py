"""promtool and caddy: skipped with the reason where missing, failed under CI unless .ci/run said the
package mirror lacked them (then skipped, saying so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakes.system_tools import UNAVAILABLE_ENV, require_tool


@pytest.fixture
def empty_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv(UNAVAILABLE_ENV, raising=False)
    return tmp_path


def test_a_tool_on_the_path_is_found(empty_path: Path) -> None:
    tool = empty_path / "promtool"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    assert require_tool("promtool", "prometheus") == str(tool)


def test_a_missing_tool_skips_with_the_package_to_install(empty_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception, match=r"promtool not installed \(Debian package: prometheus"):
        require_tool("promtool", "prometheus")


def test_under_ci_a_missing_tool_fails(empty_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI is set, so this fails instead of skipping"):
        require_tool("caddy", "caddy")


def test_under_ci_a_tool_the_mirror_lacked_skips_saying_so(empty_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    monkeypatch.setenv(UNAVAILABLE_ENV, "caddy")
    with pytest.raises(pytest.skip.Exception, match="found no caddy package on the mirror"):
        require_tool("caddy", "caddy")
    with pytest.raises(pytest.fail.Exception):
        require_tool("promtool", "prometheus")
