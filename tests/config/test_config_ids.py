"""Azure AD ids in the operator config: however typed, stored as the lower-case GUIDs Teams sends."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config.errors import ConfigError
from bot.config.operator import load_operator_config
from bot.config.settings import DEFAULT_CONFIG_PATH

EXAMPLE = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))


def written(tmp_path: Path, config: dict) -> Path:
    path = tmp_path / "operator.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def test_upper_case_and_braced_ids_load_as_lower_case_guids(tmp_path: Path) -> None:
    shouting = yaml.safe_load(yaml.safe_dump(EXAMPLE))
    shouting["msp"]["tenant_id"] = "{" + EXAMPLE["msp"]["tenant_id"].upper() + "}"
    shouting["customers"][0]["tenant_id"] = EXAMPLE["customers"][0]["tenant_id"].upper()
    shouting["staff"][0]["object_id"] = EXAMPLE["staff"][0]["object_id"].upper()
    participant = EXAMPLE["on_call"]["rotations"][0]["participants"][0]
    shouting["on_call"]["rotations"][0]["participants"][0] = " " + participant.upper() + " "

    config = load_operator_config(written(tmp_path, shouting))

    assert config.msp.tenant_id == EXAMPLE["msp"]["tenant_id"]
    assert config.customers[0].tenant_id == EXAMPLE["customers"][0]["tenant_id"]
    assert config.staff[0].object_id == EXAMPLE["staff"][0]["object_id"]
    assert config.on_call.rotations[0].participants[0] == participant
    assert config.customer(EXAMPLE["customers"][0]["tenant_id"].upper()) is config.customers[0]
    assert config.staff_member(EXAMPLE["staff"][0]["object_id"].upper()) is config.staff[0]


@pytest.mark.parametrize(("key", "value"), [("tenant_id", "contoso"), ("tenant_id", "1234"), ("tenant_id", 42)])
def test_an_id_that_is_not_a_guid_is_named(tmp_path: Path, key: str, value: object) -> None:
    broken = yaml.safe_load(yaml.safe_dump(EXAMPLE))
    broken["customers"][1][key] = value
    with pytest.raises(ConfigError, match=f"customers.1.{key}"):
        load_operator_config(written(tmp_path, broken))


def test_the_same_tenant_in_two_spellings_is_listed_twice(tmp_path: Path) -> None:
    twice = yaml.safe_load(yaml.safe_dump(EXAMPLE))
    twice["customers"][1]["tenant_id"] = twice["customers"][0]["tenant_id"].upper()
    with pytest.raises(ConfigError, match="listed twice"):
        load_operator_config(written(tmp_path, twice))
