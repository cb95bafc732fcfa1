"""The image's start command, run here as the container would, serves against PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from deploy.container.build_context import copy_context
from deploy.container.dockerfile import final_stage
from deploy.container.run_as_container import ROOT, Report, image_workdir, run


@pytest.fixture(scope="module")
def report(postgres_admin: Engine) -> Report:
    return run(postgres_admin.url.render_as_string(hide_password=False))


def test_the_final_stage_runs_the_app_as_a_non_root_user_with_a_health_check() -> None:
    stage = final_stage(ROOT / "Dockerfile")
    assert stage.command == ("python", "app.py") and stage.workdir == "/app"
    assert stage.user not in ("root", "0", "")
    assert stage.healthcheck[-1] == "/readyz"
    assert stage.env["HOST"] == "0.0.0.0" and stage.env["PATH"].startswith("/opt/venv/bin:")


@pytest.mark.postgres
def test_the_container_start_command_migrates_a_fresh_schema_and_answers_healthz(report: Report) -> None:
    assert report.healthz == 200, "\n".join(report.log)
    assert {"tickets", "transcript_messages", "alembic_version"} <= set(report.tables)


@pytest.mark.postgres
def test_it_logs_json_in_production_mode_and_stops_cleanly_on_sigterm(report: Report) -> None:
    events = [json.loads(line) for line in report.log]
    assert any(event["message"].startswith("production mode") for event in events)
    assert all({"time", "level", "logger", "message"} <= set(event) for event in events)
    assert report.exit_code == 0


@pytest.mark.postgres
def test_prometheus_can_scrape_the_metrics_port(report: Report) -> None:
    assert 'supportbot_turns_total{outcome="done"} 0.0' in report.metrics
    assert "supportbot_page_time_to_acknowledge_seconds_bucket" in report.metrics


@pytest.mark.postgres
def test_the_image_health_check_passes_on_a_ready_bot(report: Report) -> None:
    assert report.healthcheck_exit == 0



def test_a_failing_image_health_check_fails_the_report() -> None:
    serving = Report(healthz=200, metrics="supportbot_turns_total 0.0", healthcheck_exit=0, exit_code=0)
    assert serving.ok
    assert not Report(healthz=200, metrics=serving.metrics, healthcheck_exit=1, exit_code=0).ok
    assert not Report(healthz=200, metrics=serving.metrics, healthcheck_exit=None, exit_code=0).ok


def test_the_app_runs_from_the_files_the_build_context_lets_through(tmp_path: Path) -> None:
    workdir = image_workdir(ROOT, tmp_path)
    assert (workdir / "app.py").is_file() and (workdir / "data").is_dir()
    assert not (workdir / "tests").exists() and not (workdir / "deploy" / "compose.yaml").exists()


@pytest.mark.postgres
def test_a_module_the_image_would_lack_fails_the_run(postgres_admin: Engine, tmp_path: Path) -> None:
    """The checkout has the migrations; an image built with them ignored would not, and neither does the run."""
    root = tmp_path / "checkout"
    copy_context(ROOT, root)
    shutil.copy(ROOT / "Dockerfile", root / "Dockerfile")
    (root / ".dockerignore").write_text((ROOT / ".dockerignore").read_text() + "storage/migrations\n")
    report = run(postgres_admin.url.render_as_string(hide_password=False), start_timeout=60, root=root)
    assert report.healthz is None and not report.ok
