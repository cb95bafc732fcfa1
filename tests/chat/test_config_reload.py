"""Reloading the operator config without a restart, over HTTP: management's `herlaad config` puts a new
rota and new staff in force at once, a bad file is refused (the reply and the log say why) and the
running config kept, and another replica follows a reload (both databases)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import yaml

from app import create_app
from bot import keys
from bot.config.settings import load_settings
from fakes.activities import TeamsUser
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.http_helpers import rows
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import ANNA, BRAM, CUSTOMER, DIRK, MSP_TENANT
from storage.models import Page, Person

EVA = TeamsUser("aaaaaaaa-0000-4000-8000-000000000005", MSP_TENANT, "Eva Mulder", "nl-NL")  # not in the config yet
SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)
NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
NO_CONTRACT = "geen supportcontract"


def operator_config() -> dict[str, Any]:
    return yaml.safe_load(OPERATOR_CONFIG.read_text(encoding="utf-8"))


def write(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def bram_on_call_this_weekend_and_eva_hired(config: dict[str, Any]) -> dict[str, Any]:
    """The rota swapped: Bram is on call this weekend, not Anna; and Eva joins support."""
    config["staff"].append({"object_id": EVA.object_id, "name": EVA.name, "role": "support"})
    first, second = config["on_call"]["rota"]
    first["who"], second["who"] = second["who"], first["who"]
    return config


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "operator.yaml"
    write(path, operator_config())
    return path


@pytest.fixture
def environment(database_url: str, config_file: Path) -> dict[str, str]:
    return {"SUPPORTBOT_CONFIG": str(config_file), "DATABASE_URL": database_url}


async def paged(bot, connector, clock) -> list[str]:
    """Report an emergency on Saturday night; whom the first page went to."""
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    return [page.staff_object_id for page in await rows(bot, Page)]


async def test_management_reloads_a_new_rota_and_new_staff_and_they_apply_at_once(bot, connector, clock, config_file):
    await say(bot, connector, BRAM, "hallo")
    assert any(NO_CONTRACT in text for text in await say(bot, connector, EVA, "hallo"))  # not staff yet
    [unchanged] = await say(bot, connector, DIRK, "herlaad config")
    assert f"De configuratie in {config_file} is niet gewijzigd" in unchanged

    write(config_file, bram_on_call_this_weekend_and_eva_hired(operator_config()))
    [reloaded] = await say(bot, connector, DIRK, "herlaad config")

    assert f"De configuratie is herladen uit {config_file}; gewijzigd: staff, on_call." in reloaded
    [hello] = await say(bot, connector, EVA, "hallo")
    assert hello.startswith("Hallo Eva Mulder, u bent herkend als support")
    [eva] = await rows(bot, Person, Person.aad_object_id == EVA.object_id)
    assert (eva.kind, eva.role) == ("staff", "support")
    assert await paged(bot, connector, clock) == [BRAM.object_id]


async def test_a_bad_file_is_refused_with_the_reason_and_the_running_config_stays(
    bot, connector, clock, config_file, caplog: pytest.LogCaptureFixture
):
    await say(bot, connector, ANNA, "hallo")
    broken = bram_on_call_this_weekend_and_eva_hired(operator_config())
    broken["staff"][-1]["role"] = "intern"
    write(config_file, broken)

    with caplog.at_level(logging.ERROR, logger="bot.services.config_reload"):
        [refused] = await say(bot, connector, DIRK, "reload config")

    assert f"De configuratie is niet herladen, want {config_file} klopt niet" in refused
    assert "De huidige configuratie blijft in gebruik" in refused and "staff.4.role" in refused
    [logged] = [r.getMessage() for r in caplog.records if r.name == "bot.services.config_reload"]
    assert "refused, the running config stays" in logged and "staff.4.role" in logged
    assert any(NO_CONTRACT in text for text in await say(bot, connector, EVA, "hallo"))
    assert await paged(bot, connector, clock) == [ANNA.object_id]


async def test_what_only_a_restart_applies_is_refused_by_a_reload_and_named(bot, connector, clock, config_file):
    await say(bot, connector, ANNA, "hallo")
    changed = bram_on_call_this_weekend_and_eva_hired(operator_config())
    changed["business_hours"]["closes"] = "18:00"
    write(config_file, changed)

    [refused] = await say(bot, connector, DIRK, "herlaad config")

    assert "niet herladen: business_hours gaan pas bij een herstart in" in refused
    assert await paged(bot, connector, clock) == [ANNA.object_id]  # nothing of the file was applied


async def test_only_management_may_reload(bot, connector, config_file):
    write(config_file, bram_on_call_this_weekend_and_eva_hired(operator_config()))
    for person in (ANNA, TeamsUser(BRAM.object_id, MSP_TENANT, BRAM.name, "en-US")):
        [denied] = await say(bot, connector, person, "herlaad config" if person is ANNA else "reload config")
        assert denied in ("Alleen het management mag de configuratie herladen.",
                          "Only management may reload the configuration.")
    assert any(NO_CONTRACT in text for text in await say(bot, connector, EVA, "hallo"))


async def test_a_config_from_the_environment_cannot_be_reloaded_and_says_so(make_bot, connector, config_file):
    bot = await make_bot(SUPPORTBOT_CONFIG="", SUPPORTBOT_CONFIG_YAML=config_file.read_text(encoding="utf-8"))
    [fixed] = await say(bot, connector, DIRK, "herlaad config")
    assert "komt uit de omgevingsvariabele SUPPORTBOT_CONFIG_YAML en kan niet worden herladen" in fixed


@pytest.mark.postgres
async def test_another_replica_follows_a_reload(
    aiohttp_client, postgres_database_url, config_file, clock, classifier, connector, tmp_path
):
    other_file = tmp_path / "other-replica.yaml"  # each replica mounts its own copy of the file
    write(other_file, operator_config())
    replicas = [
        await aiohttp_client(create_app(
            load_settings({"SUPPORTBOT_CONFIG": str(path), "DATABASE_URL": postgres_database_url}),
            clock=clock, classifier=classifier, fire_timers=False,
        ))
        for path in (config_file, other_file)
    ]
    for path in (config_file, other_file):
        write(path, bram_on_call_this_weekend_and_eva_hired(operator_config()))
    assert await replicas[1].app[keys.RELOADER].follow() is None  # nobody reloaded yet

    [reloaded] = await say(replicas[0], connector, DIRK, "herlaad config")
    assert "herladen" in reloaded
    followed = await replicas[1].app[keys.RELOADER].follow()

    assert followed is not None and followed.sections == ("staff", "on_call")
    assert await replicas[0].app[keys.RELOADER].follow() is None  # its own reload is nothing to follow
    assert replicas[1].app[keys.CONFIG].current.staff_member(EVA.object_id) is not None
    assert await paged(replicas[1], connector, clock) == [BRAM.object_id]

