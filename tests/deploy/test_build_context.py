"""What `docker build .` sends: the app and its pipeline, never the operator config, secrets or scratch work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deploy.container.build_context import context_files, excluded, read_patterns

ROOT = Path(__file__).resolve().parents[2]

PRIVATE = [
    "deploy/operator/operator.yaml",  # the compose mount: staff names, rota, e-mail addresses
    "deploy/.env",  # compose's secrets
    ".env",
    ".env.production",
    "deploy/caddy/production.env",
    "bot/local.env",
    "wip/issue99.bundle",
    "wip/notes.txt",
    "devTools/playground/config.yaml",
    "data/supportbot.db",
    "data/spool/0001.json",
    "deploy/teams/build/supportbot.zip",
    "deploy/azure/main.prod.bicepparam",
    "certs/privkey.pem",
    "bot/__pycache__/app.cpython-311.pyc",
    "tests/data/operator.yaml",
    ".git/config",
]
NEEDED = [
    "app.py", "alembic.ini", "requirements.txt", "config/example.yaml", "bot/__init__.py",
    "storage/migrations/env.py", "nlu_models/model/meta.json", "deploy/__init__.py",
    "deploy/container/probe.py", "README.md",
]


def a_checkout(tmp_path: Path, files: list[str]) -> Path:
    """A context root with our .dockerignore and the given files, each holding a line."""
    shutil.copy(ROOT / ".dockerignore", tmp_path / ".dockerignore")
    for relative in files:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x\n", encoding="utf-8")
    return tmp_path


def test_the_build_context_holds_what_the_image_needs_and_nothing_private(tmp_path: Path) -> None:
    context = set(context_files(a_checkout(tmp_path, PRIVATE + NEEDED)))
    assert sorted(context & set(PRIVATE)) == []
    assert set(NEEDED) <= context


def test_the_real_checkouts_context_has_the_app_and_the_pipeline_but_no_tests_docs_or_deploy_files() -> None:
    context = context_files(ROOT)
    assert {"app.py", "nlu_models/model/meta.json", "deploy/container/probe.py", "config/example.yaml"} <= set(context)
    tops = {path.split("/")[0] for path in context}
    assert not tops & {"tests", "docs", "bench", "wip", ".ci", ".git", ".venv", "data", "devTools"}
    assert [path for path in context if path.startswith("deploy/") and not path.startswith("deploy/container/")] == [
        "deploy/__init__.py"
    ]


@pytest.mark.parametrize(("patterns", "path", "out"), [
    ("data", "data/x.db", True),
    ("data", "tests/data/x.yaml", False),  # a bare name is the context root's only
    ("**/.env", "deploy/.env", True),
    ("**/.env", ".env", True),
    ("*.md", "docs/ops.md", False),  # `*` never crosses a `/`
    ("*.md\n!README.md", "README.md", False),
    ("deploy/*\n!deploy/container", "deploy/container/probe.py", False),
    ("deploy/*\n!deploy/container", "deploy/operator/operator.yaml", True),
    ("deploy/*\n!deploy/container\n**/*.env", "deploy/container/x.env", True),
])
def test_patterns_are_read_as_docker_reads_them(tmp_path: Path, patterns: str, path: str, out: bool) -> None:
    (tmp_path / ".dockerignore").write_text(patterns + "\n", encoding="utf-8")
    assert excluded(path, read_patterns(tmp_path / ".dockerignore")) is out
