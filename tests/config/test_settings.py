"""Settings and the operator config: validated once at start-up, errors name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config.errors import ConfigError
from bot.config.settings import DEFAULT_CONFIG_PATH, load_settings

EXAMPLE = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))


def write_config(tmp_path: Path, **changes) -> Path:
    config = {**EXAMPLE, **changes}
    path = tmp_path / "operator.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def test_the_shipped_example_is_the_default_and_valid():
    settings = load_settings({})
    assert settings.config_path == DEFAULT_CONFIG_PATH
    assert settings.development_mode and settings.host == "127.0.0.1" and settings.port == 3978
    assert settings.database_url.startswith("sqlite:///") and settings.database_url.endswith("data/supportbot.db")
    assert settings.operator.excluded_requests["security_settings_change"] == "refuse"


def test_development_mode_binds_loopback_even_when_host_says_otherwise():
    assert load_settings({"HOST": "0.0.0.0"}).host == "127.0.0.1"


def test_production_mode_needs_the_password_and_binds_all_interfaces():
    with pytest.raises(ConfigError, match="MicrosoftAppPassword"):
        load_settings({"MicrosoftAppId": "app"})
    settings = load_settings({"MicrosoftAppId": "app", "MicrosoftAppPassword": "pw"})
    assert not settings.development_mode and settings.host == "0.0.0.0"


def test_single_tenant_needs_the_tenant_id():
    with pytest.raises(ConfigError, match="MicrosoftAppTenantId"):
        load_settings({"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "MicrosoftAppType": "SingleTenant"})


@pytest.mark.parametrize("port", ["0", "70000", "abc", "-1"])
def test_a_bad_port_is_named(port):
    with pytest.raises(ConfigError, match="PORT"):
        load_settings({"PORT": port})


def test_a_missing_config_file_is_named(tmp_path):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError, match=str(missing)):
        load_settings({"SUPPORTBOT_CONFIG": str(missing)})


def test_invalid_yaml_is_named(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("msp: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings({"SUPPORTBOT_CONFIG": str(path)})


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"msp": {**EXAMPLE["msp"], "contact_email": "not-an-address"}}, "msp.contact_email"),
        ({"business_hours": {**EXAMPLE["business_hours"], "time_zone": "Mars/Olympus"}}, "business_hours.time_zone"),
        ({"business_hours": {**EXAMPLE["business_hours"], "weekdays": ["monday"]}}, "business_hours.weekdays.0"),
        ({"staff": [{**EXAMPLE["staff"][0], "role": "boss"}] + EXAMPLE["staff"][1:]}, "staff.0.role"),
        ({"excluded_requests": {"howto": "maybe"}}, "excluded_requests.howto"),
        ({"excluded_requests": {"email_problem": "refuse"}}, "excluded_requests"),
        ({"timeouts": {"acknowledge_minutes": 0}}, "timeouts.acknowledge_minutes"),
        ({"on_call": {"backup": "nobody-we-know", "rota": []}}, "on_call.backup"),
        ({"on_call": {**EXAMPLE["on_call"], "rota": [{"who": EXAMPLE["staff"][0]["object_id"],
                                                     "from": "2026-11-23T17:00:00", "to": "2026-11-30T09:00:00+01:00"}]}},
         "on_call.rota.0.from"),
        ({"surprise": True}, "surprise"),
        ({"customers": None}, "customers"),
    ],
)
def test_a_bad_key_is_named_with_the_file(tmp_path, changes, key):
    path = write_config(tmp_path, **changes)
    with pytest.raises(ConfigError) as raised:
        load_settings({"SUPPORTBOT_CONFIG": str(path)})
    message = str(raised.value)
    assert str(path) in message
    assert key in message


def test_the_example_documents_every_top_level_key():
    from bot.config.operator import OperatorConfig

    assert set(EXAMPLE) == set(OperatorConfig.model_fields)


@pytest.mark.parametrize("url", ["mysql://root@localhost/test", "sqlite://", "nonsense"])
def test_an_unsupported_database_url_is_named(url):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        load_settings({"DATABASE_URL": url})


def test_the_operator_config_can_come_from_an_environment_variable_holding_yaml():
    settings = load_settings({"SUPPORTBOT_CONFIG_YAML": DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")})
    assert settings.config_path is None and settings.config_source.describe() == "SUPPORTBOT_CONFIG_YAML"
    assert settings.operator.excluded_requests["security_settings_change"] == "refuse"
    assert not settings.config_source.reloadable  # a running process cannot see its environment change


def test_a_bad_config_in_the_environment_is_named_with_its_key():
    bad = yaml.safe_dump({**EXAMPLE, "timeouts": {"page_rounds": 0}}, sort_keys=False)
    with pytest.raises(ConfigError, match=r"(?s)SUPPORTBOT_CONFIG_YAML: invalid operator config.*timeouts.page_rounds"):
        load_settings({"SUPPORTBOT_CONFIG_YAML": bad})
    with pytest.raises(ConfigError, match="SUPPORTBOT_CONFIG_YAML: not valid YAML"):
        load_settings({"SUPPORTBOT_CONFIG_YAML": "staff: [unclosed"})


def test_a_file_and_yaml_in_the_environment_at_once_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="SUPPORTBOT_CONFIG_YAML: set either it or SUPPORTBOT_CONFIG, not both"):
        load_settings({"SUPPORTBOT_CONFIG": str(write_config(tmp_path)), "SUPPORTBOT_CONFIG_YAML": "msp: {}"})
