"""The Teams app packages: valid against Microsoft's schema, complete, and their menus work as typed."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from PIL import Image

from bot.config.settings import DEFAULT_CONFIG_PATH
from bot.policy.staff_rights import StaffAction
from bot.services.staff_commands import parse_command
from bot.texts import text
from deploy.teams.commands import MENUS
from deploy.teams.package import main
from deploy.teams.schema_check import MANIFEST_SCHEMA, localization_errors, manifest_errors
from nlu_models import IntentClassifier

BOT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
ENVIRONMENT = {"MicrosoftAppId": BOT_ID, "BOT_DOMAIN": "bot.websitenazorg.nl", "SUPPORTBOT_CONFIG": str(DEFAULT_CONFIG_PATH)}
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# What a staff member means by each menu entry, and what they type after the title.
STAFF_MEANING = {
    "queue": (StaffAction.QUEUE, ""), "show": (StaffAction.SHOW, " T-2026-0001"),
    "acknowledge": (StaffAction.ACKNOWLEDGE, " T-2026-0001"), "take_over": (StaffAction.TAKE_OVER, " T-2026-0001"),
    "hand_back": (StaffAction.HAND_BACK, ""), "resolve": (StaffAction.RESOLVE, " printer works again"),
    "escalate_staff": (StaffAction.ESCALATE, " T-2026-0001 customer waits"),
    "note": (StaffAction.NOTE, " T-2026-0001 called back"), "on_call": (StaffAction.ON_CALL, ""),
    "override": (StaffAction.OVERRIDE, " Carla Visser until 28-11-2026 09:00"), "help": (StaffAction.HELP, ""),
}
CUSTOMER_MEANING = {"status": "ticket_status", "escalate": "escalation_request", "hello": "greeting"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, zipfile.ZipFile]:
    out = tmp_path_factory.mktemp("teams")
    assert main(["--out", str(out)], ENVIRONMENT) == 0
    return {audience: zipfile.ZipFile(out / f"supportbot-{audience}.zip") for audience in ("customers", "staff")}


def manifest_of(package: zipfile.ZipFile) -> dict:
    return json.loads(package.read("manifest.json"))


@pytest.mark.parametrize("audience", ["customers", "staff"])
def test_the_package_holds_the_manifest_its_translation_and_both_icons_at_the_root(packages, audience) -> None:
    package = packages[audience]
    assert sorted(package.namelist()) == ["color.png", "en.json", "manifest.json", "outline.png"]
    manifest = manifest_of(package)
    assert {manifest["icons"]["color"], manifest["icons"]["outline"]} <= set(package.namelist())
    assert [language["file"] for language in manifest["localizationInfo"]["additionalLanguages"]] == ["en.json"]


@pytest.mark.parametrize("audience", ["customers", "staff"])
def test_the_manifest_and_translation_validate_against_the_vendored_schema(packages, audience) -> None:
    manifest = manifest_of(packages[audience])
    assert manifest_errors(manifest) == []
    assert localization_errors(json.loads(packages[audience].read("en.json"))) == []
    schema = json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    assert manifest["manifestVersion"] == schema["properties"]["manifestVersion"]["const"] == "1.30"


@pytest.mark.parametrize("audience", ["customers", "staff"])
def test_the_bot_is_the_one_from_the_environment_personal_scope_only(packages, audience) -> None:
    manifest = manifest_of(packages[audience])
    (bot,) = manifest["bots"]
    assert manifest["id"] == bot["botId"] == BOT_ID
    assert bot["scopes"] == ["personal"]
    assert [command_list["scopes"] for command_list in bot["commandLists"]] == [["personal"]]
    assert manifest["validDomains"] == ["bot.websitenazorg.nl"]
    assert manifest["developer"]["name"] == "Websitenazorg.nl"
    assert manifest["developer"]["websiteUrl"] == "https://websitenazorg.nl"


def test_customers_and_staff_get_their_own_menu_in_dutch_and_english(packages) -> None:
    for audience, package in packages.items():
        commands = manifest_of(package)["bots"][0]["commandLists"][0]["commands"]
        translated = json.loads(package.read("en.json"))
        assert [c["title"] for c in commands] == [text("nl", f"teams_command_{key}_title") for key in MENUS[audience]]
        english = [translated[f"bots[0].commandLists[0].commands[{i}].title"] for i in range(len(commands))]
        assert english == [text("en", f"teams_command_{key}_title") for key in MENUS[audience]]
    assert manifest_of(packages["staff"])["name"]["short"] == "Websitenazorg.nl supportdesk"
    assert json.loads(packages["customers"].read("en.json"))["name.short"] == "Websitenazorg.nl support"


def test_the_icons_have_the_sizes_teams_requires_and_the_outline_is_white_on_transparent(packages) -> None:
    package = packages["customers"]
    color = Image.open(io.BytesIO(package.read("color.png")))
    outline = Image.open(io.BytesIO(package.read("outline.png")))
    assert (color.format, color.size) == ("PNG", (192, 192))
    assert (outline.format, outline.size, outline.mode) == ("PNG", (32, 32), "RGBA")
    pixels = list(outline.get_flattened_data())
    assert pixels[0][3] == 0, "the background is transparent"
    visible = [pixel for pixel in pixels if pixel[3] > 0]
    assert visible and all(pixel[:3] == (255, 255, 255) for pixel in visible)
    assert len(set(color.convert("RGB").get_flattened_data())) > 1


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("key", MENUS["staff"])
def test_every_staff_menu_entry_is_a_command_even_while_holding_a_chat(language: str, key: str) -> None:
    action, arguments = STAFF_MEANING[key]
    typed = text(language, f"teams_command_{key}_title") + arguments
    assert typed.startswith("/"), "without the slash a held chat would relay it to the customer"
    command = parse_command(typed, None, now=datetime(2026, 11, 26, 10, tzinfo=AMSTERDAM), time_zone=AMSTERDAM, holding=True)
    assert command is not None and command.action is action


@pytest.fixture(scope="module")
def classifier() -> IntentClassifier:
    return IntentClassifier.load()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("key", MENUS["customers"])
def test_every_customer_menu_entry_is_understood_as_meant(classifier, language: str, key: str) -> None:
    threshold = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))["nlu"]["confidence_threshold"]
    result = classifier.classify(text(language, f"teams_command_{key}_title"))
    assert result.intent == CUSTOMER_MEANING[key] and result.confidence >= threshold and not result.emergency


def test_building_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        assert main(["--out", str(tmp_path / folder), "--audience", "staff"], ENVIRONMENT) == 0
    assert (tmp_path / "a" / "supportbot-staff.zip").read_bytes() == (tmp_path / "b" / "supportbot-staff.zip").read_bytes()


@pytest.mark.parametrize("missing", ["MicrosoftAppId", "BOT_DOMAIN"])
def test_without_the_bot_id_or_domain_nothing_is_built_and_the_variable_is_named(tmp_path, capsys, missing) -> None:
    environment = {**ENVIRONMENT, missing: "not valid/"}
    assert main(["--out", str(tmp_path)], environment) == 2
    assert missing in capsys.readouterr().err and not list(tmp_path.iterdir())


def test_an_msp_name_too_long_for_teams_is_refused_with_the_field(tmp_path, capsys) -> None:
    config = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    config["msp"]["name"] = "Veel Te Lange Naam Voor Een Teams App B.V."
    path = tmp_path / "operator.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    assert main(["--out", str(tmp_path / "out")], {**ENVIRONMENT, "SUPPORTBOT_CONFIG": str(path)}) == 2
    error = capsys.readouterr().err
    assert "name.short" in error and "developer.name" in error and not (tmp_path / "out").exists()


def test_the_schema_check_rejects_what_teams_would_reject(packages) -> None:
    manifest = manifest_of(packages["customers"])
    del manifest["bots"][0]["botId"]
    manifest["bots"][0]["scopes"] = ["personal", "meeting"]
    manifest["manifestVersion"] = "1.17"
    errors = manifest_errors(manifest)
    assert any("'botId' is a required property" in error for error in errors)
    assert any(error.startswith("bots.0.scopes.1") for error in errors)
    assert any(error.startswith("manifestVersion") for error in errors)
