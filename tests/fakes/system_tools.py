"""System programs some deploy tests run (promtool, caddy): found on PATH, else skipped with the reason.

Under CI (env CI set) a missing program fails the test instead, as PostgreSQL and Chromium do, unless
.ci/run declared it unavailable in CI_TOOLS_UNAVAILABLE (the package mirror did not have it): then it
skips, and the reason says so.
"""

from __future__ import annotations

import os
import shutil

import pytest

UNAVAILABLE_ENV = "CI_TOOLS_UNAVAILABLE"  # space-separated commands .ci/run could not install


def require_tool(command: str, package: str) -> str:
    """The program's path; skip (or fail under CI) when it is not installed."""
    path = shutil.which(command)
    if path is not None:
        return path
    reason = f"{command} not installed (Debian package: {package}; .ci/run installs it)"
    declared = os.environ.get(UNAVAILABLE_ENV, "").split()
    if command in declared:
        pytest.skip(f"{reason}; .ci/run found no {package} package on the mirror")
    if os.environ.get("CI"):
        pytest.fail(f"{reason} [CI is set, so this fails instead of skipping]", pytrace=False)
    pytest.skip(reason)
