"""The Bicep templates parse, every parameter is explained, and the schema review catches bad keys."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from pycep import BicepParser

from deploy.azure.schema_review import Schemas, review

ROOT = Path(__file__).resolve().parents[2]
AZURE = ROOT / "deploy" / "azure"
BICEP_FILES = sorted(AZURE.rglob("*.bicep"))


def parsed(path: Path) -> dict:
    return BicepParser().parse(text=path.read_text(encoding="utf-8"))


def test_there_are_templates_for_the_bot_container_apps_postgresql_and_key_vault() -> None:
    types = {resource["type"] for path in BICEP_FILES for resource in parsed(path).get("resources", {}).values()}
    assert {
        "Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels", "Microsoft.App/containerApps",
        "Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.KeyVault/vaults",
    } <= types


@pytest.mark.parametrize("path", BICEP_FILES, ids=lambda path: str(path.relative_to(AZURE)))
def test_every_parameter_has_a_description(path: Path) -> None:
    for name, parameter in parsed(path).get("parameters", {}).items():
        descriptions = [d for d in parameter["decorators"] if d["type"] == "description"]
        assert descriptions and len(descriptions[0]["argument"]) > 10, f"{path.name}: param {name}"


def test_every_parameter_of_main_is_explained_in_the_azure_docs() -> None:
    doc = (ROOT / "docs" / "azure.md").read_text(encoding="utf-8")
    missing = [name for name in parsed(AZURE / "main.bicep")["parameters"] if f"`{name}`" not in doc]
    assert missing == []


SECRET_PARAMETERS = ("botAppPassword", "postgresAdminPassword", "smtpPassword", "pageWebhookSecret", "ackLinkSecret")


def test_secrets_are_secure_parameters_never_defaults() -> None:
    parameters = parsed(AZURE / "main.bicep")["parameters"]
    for name in SECRET_PARAMETERS:
        assert any(d["type"] == "secure" for d in parameters[name]["decorators"]), name
        assert parameters[name]["default"] in (None, ""), name


def azure_variables() -> tuple[set[str], dict[str, str]]:
    """The container's plain variable names, and its secret variables by Key Vault secret name."""
    app = parsed(AZURE / "modules" / "containerapp.bicep")
    plain = set(parsed(AZURE / "main.bicep")["modules"]["app"]["config"]["params"]["environment"])
    plain |= set(re.findall(r"\{ name: '(\w+)', value: ", (AZURE / "modules" / "containerapp.bicep").read_text()))
    return plain, app["variables"]["secretVariables"]["value"]


def test_the_container_app_gets_every_variable_a_compose_replica_gets() -> None:
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    replica = set(compose["services"]["bot-1"]["environment"])
    plain, secret = azure_variables()
    assert replica - plain - set(secret) == set()
    assert {"PUBLIC_URL", "SMTP_HOST", "PAGE_WEBHOOK_URL"} <= plain


def test_every_secret_variable_comes_from_key_vault_filled_by_a_secure_parameter() -> None:
    plain, secret = azure_variables()
    assert {"DATABASE_URL", "MicrosoftAppPassword", "SMTP_PASSWORD", "PAGE_WEBHOOK_SECRET", "ACK_LINK_SECRET"} <= set(secret)
    assert not plain & set(secret), "a secret never goes in as a plain value"
    main = (AZURE / "main.bicep").read_text(encoding="utf-8")
    stored = dict(re.findall(r"'([a-z-]+)': (\w+)\b", main))  # Key Vault secret name: the value stored
    for name in set(secret.values()) - {"database-url"}:
        assert stored.get(name) in SECRET_PARAMETERS, f"Key Vault secret {name} is not filled from a secure parameter"


def test_the_schema_review_flags_a_misspelt_property_and_passes_a_correct_one(tmp_path: Path) -> None:
    schema = {
        "resourceDefinitions": {"widgets": {"properties": {
            "name": {"type": "string"}, "properties": {"$ref": "#/definitions/WidgetProperties"},
        }}},
        "definitions": {"WidgetProperties": {"properties": {
            "size": {"oneOf": [{"enum": ["small", "large"]}, {"$ref": "https://example.invalid/expression"}]},
            "ports": {"type": "array", "items": {"properties": {"port": {"type": "integer"}}}},
        }}},
    }
    (tmp_path / "2025-01-01").mkdir()
    (tmp_path / "2025-01-01" / "Example.Widgets.json").write_text(json.dumps(schema), encoding="utf-8")
    bicep = tmp_path / "widget.bicep"
    bicep.write_text(
        "resource w 'Example.Widgets/widgets@2025-01-01' = {\n  name: 'w'\n  properties: {\n"
        "    size: 'huge'\n    ports: [\n      {\n        prot: 80\n      }\n    ]\n  }\n}\n",
        encoding="utf-8",
    )
    problems = review(bicep, Schemas(tmp_path))
    assert len(problems) == 2
    assert "properties.ports[0].prot: not in the schema (known: port)" in problems[0] + problems[1]
    assert "'huge' is not one of ['small', 'large']" in problems[0] + problems[1]
    bicep.write_text(bicep.read_text().replace("prot", "port").replace("huge", "large"), encoding="utf-8")
    assert review(bicep, Schemas(tmp_path)) == []
