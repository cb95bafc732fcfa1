"""Without PostgreSQL its tests skip with the reason, except under CI, where they must fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
POSTGRES_ONLY_TEST = "tests/storage/test_db.py::test_postgres_test_url_confines_the_app_to_its_own_schema"


def _run_postgres_test(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"CI", "TEST_POSTGRES_URL", "PYTEST_ADDOPTS"}}
    return subprocess.run(
        [sys.executable, "-m", "pytest", POSTGRES_ONLY_TEST, "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=REPO,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_outside_ci_unreachable_postgres_skips_its_tests_with_the_reason() -> None:
    run = _run_postgres_test(TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:1/test")
    assert run.returncode == 0, run.stdout
    assert "1 skipped" in run.stdout
    assert "PostgreSQL not reachable at postgresql://postgres@127.0.0.1:1/test" in run.stdout


def test_under_ci_missing_postgres_fails_the_run_instead() -> None:
    run = _run_postgres_test(CI="1")
    assert run.returncode == 1, run.stdout
    assert "1 error" in run.stdout
    assert "PostgreSQL tests need TEST_POSTGRES_URL" in run.stdout and "CI is set" in run.stdout
